/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { bindOperation, customOperationsFor } from '../../nodes/MyPit/execution/customOperation';
import type { OperationCall, OperationSpec } from '../../nodes/MyPit/execution/scope';
import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';

/**
 * The custom operations (a workflow run's entry point) on a small description of their own, run
 * with an execute context made of plain functions: n8n's parameter reads per item, and a request
 * helper that answers every request and records it.
 */
const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit' } as never;

interface RunSetup {
	items: IDataObject[];
	/** Parameters per item index (or the same for all items). */
	parameters?: (index: number) => IDataObject;
	continueOnFail?: boolean;
	signal?: AbortSignal;
}

function executeContext(setup: RunSetup) {
	const sent: IDataObject[] = [];
	let credentialReads = 0;
	const respond = async (options: IDataObject) => {
		sent.push(options);
		return { statusCode: 200, body: { _id: `r${sent.length}` }, headers: {} };
	};
	const context = {
		getCredentials: async () => {
			credentialReads += 1;
			return {
				clientId: 'custom-op-client',
				secretKey: 'secret',
				baseUrl: 'https://api.example.com',
			};
		},
		getInputData: () => setup.items.map((json) => ({ json })),
		getNodeParameter: (name: string, index: number, fallback?: unknown) => {
			const parameters = setup.parameters?.(index) ?? {};
			if (name === 'requestOptions' && parameters.requestOptions === 'unreadable')
				throw new Error('Request Options could not be read');
			return name in parameters ? parameters[name] : fallback;
		},
		getNode: () => node,
		logger: { info: () => {} },
		continueOnFail: () => setup.continueOnFail ?? false,
		getExecutionCancelSignal: () => setup.signal,
		helpers: {
			httpRequest: respond,
			httpRequestWithAuthentication: async (_type: string, options: IDataObject) =>
				await respond(options),
		},
	};
	return { context, sent, credentialReads: () => credentialReads };
}

function boundOption(value: string, spec: OperationSpec): INodePropertyOptions {
	const option = { name: value, value };
	bindOperation(option, spec);
	return option;
}

/** A description: Get (bound, for holders and templates), Legacy (not bound), one routed field each. */
function description(spec: OperationSpec): INodeProperties[] {
	return [
		{ displayName: 'Resource', name: 'resource', type: 'options', default: 'holder', options: [] },
		// Options of another selector are not operations, even when bound.
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			default: 'fast',
			displayOptions: { show: { resource: ['holder'] } },
			options: [boundOption('fast', spec)],
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			default: 'get',
			displayOptions: { show: { resource: ['holder', 'template'] } },
			options: [boundOption('get', spec), { name: 'Legacy', value: 'legacy' }],
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			default: 'get',
			options: [boundOption('orphan', spec)],
		},
		{
			displayName: 'Holder ID',
			name: 'holderId',
			type: 'string',
			default: '',
			displayOptions: { show: { resource: ['holder'], operation: ['get'] } },
			routing: { send: { type: 'body', property: 'holderId' } },
		},
		{
			displayName: 'Template ID',
			name: 'templateId',
			type: 'string',
			default: '',
			displayOptions: { show: { resource: ['template'], operation: ['get'] } },
			routing: { send: { type: 'body', property: 'data.templateId' } },
		},
	];
}

/** A handler that sends one Get with the routed body and answers what it got. */
function getHandler(calls: OperationCall[] = []): OperationSpec {
	return {
		handler: async (call) => {
			calls.push(call);
			return [await call.client.request(ENDPOINTS.getHolder, call.body)];
		},
	};
}

const run = async (fn: unknown, context: unknown) =>
	await (fn as (this: unknown) => Promise<unknown>).call(context);

describe('customOperationsFor', () => {
	test('every bound operation of a selector, for each resource it shows for; nothing else', () => {
		const table = customOperationsFor(description(getHandler()));
		expect(Object.keys(table).sort()).toEqual(['holder', 'template']);
		expect(Object.keys(table.holder)).toEqual(['get']);
		expect(Object.keys(table.template)).toEqual(['get']);
		expect(typeof table.holder.get).toBe('function');
	});

	test('each resource’s operation builds the body from its own routed fields', async () => {
		const table = customOperationsFor(description(getHandler()));
		const setup = {
			items: [{}],
			parameters: () => ({ holderId: 'h1', templateId: 't1' }),
		};
		const holder = executeContext(setup);
		await run(table.holder.get, holder.context);
		const template = executeContext(setup);
		await run(table.template.get, template.context);
		expect(holder.sent.map((options) => options.body)).toEqual([{ holderId: 'h1' }]);
		expect(template.sent.map((options) => options.body)).toEqual([{ data: { templateId: 't1' } }]);
	});
});

describe('a custom operation run', () => {
	test('each item sends its own body and request options; outputs in item order, paired to their items', async () => {
		const { holder } = customOperationsFor(description(getHandler()));
		const { context, sent, credentialReads } = executeContext({
			items: [{ a: 0 }, { a: 1 }, { a: 2 }],
			parameters: (index) => ({
				holderId: `h${index}`,
				requestOptions: { timeout: 1000 * (index + 1), allowUnauthorizedCerts: index === 1 },
			}),
		});
		const out = (await run(holder.get, context)) as Array<
			Array<{ json: IDataObject; pairedItem: unknown }>
		>;
		expect(out).toHaveLength(1);
		expect(out[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].map((item) => Object.keys(item.json))).toEqual([['_id'], ['_id'], ['_id']]);
		const byBody = new Map(
			sent.map((options) => [(options.body as IDataObject).holderId, options]),
		);
		expect(byBody.get('h0')).toMatchObject({ baseURL: 'https://api.example.com', timeout: 1000 });
		expect(byBody.get('h1')).toMatchObject({ timeout: 2000, skipSslCertificateValidation: true });
		expect(byBody.get('h2')).toMatchObject({ timeout: 3000 });
		expect(byBody.get('h0')).not.toHaveProperty('skipSslCertificateValidation');
		expect(credentialReads()).toBe(1);
	});

	test('each item’s handler call gets its own input and parameters', async () => {
		const calls: OperationCall[] = [];
		const { holder } = customOperationsFor(description(getHandler(calls)));
		const { context } = executeContext({
			items: [{ a: 0 }, { a: 1 }],
			parameters: (index) => ({ holderId: `h${index}`, note: `n${index}` }),
		});
		await run(holder.get, context);
		const byIndex = [...calls].sort((x, y) => x.item.index - y.item.index);
		expect(byIndex.map((call) => call.inputs)).toEqual([
			[{ index: 0, json: { a: 0 } }],
			[{ index: 1, json: { a: 1 } }],
		]);
		expect(byIndex.map((call) => call.item.parameter('note'))).toEqual(['n0', 'n1']);
		expect(byIndex[0].item.run).toBe(byIndex[1].item.run);
	});

	test('bulk: when the first item asks for it, one call works for every input item', async () => {
		const calls: OperationCall[] = [];
		const spec: OperationSpec = {
			handler: async () => {
				throw new Error('the per-item handler must not run in bulk');
			},
			allItems: {
				when: (first) => first.parameter('recipients') === 'bulk',
				handler: async (call) => {
					calls.push(call);
					return {
						linked: call.inputs.map(({ index }) => ({ json: { n: index }, inputIndex: index })),
					};
				},
			},
		};
		const { holder } = customOperationsFor(description(spec));
		const { context } = executeContext({
			items: [{ a: 0 }, { a: 1 }, { a: 2 }],
			parameters: () => ({ recipients: 'bulk', holderId: 'h' }),
		});
		const out = await run(holder.get, context);
		expect(out).toEqual([
			[
				{ json: { n: 0 }, pairedItem: { item: 0 } },
				{ json: { n: 1 }, pairedItem: { item: 1 } },
				{ json: { n: 2 }, pairedItem: { item: 2 } },
			],
		]);
		expect(calls).toHaveLength(1);
		expect(calls[0].item.index).toBe(0);
		expect(calls[0].body).toEqual({ holderId: 'h' });
	});

	/** Items that hold until released, to see how many run at once. */
	function heldItems(count: number, parameters: IDataObject) {
		let started = 0;
		const releases: Array<() => void> = [];
		const spec: OperationSpec = {
			handler: async () => {
				started += 1;
				await new Promise<void>((resolve) => releases.push(resolve));
				return [{}];
			},
		};
		const { holder } = customOperationsFor(description(spec));
		const { context } = executeContext({
			items: Array.from({ length: count }, () => ({})),
			parameters: () => parameters,
			continueOnFail: true,
		});
		const done = run(holder.get, context) as Promise<unknown[][]>;
		return {
			done,
			started: () => started,
			releaseAll: async () => {
				while (!(await Promise.race([done.then(() => true), tick().then(() => false)])))
					releases.splice(0).forEach((release) => release());
			},
		};
	}
	const tick = async () => await new Promise((resolve) => setImmediate(resolve));

	test('two items per allowed concurrent request run at once', async () => {
		const one = heldItems(9, { 'options.maxConcurrentRequests': 1 });
		await tick();
		expect(one.started()).toBe(2);
		await one.releaseAll();
		expect(one.started()).toBe(9);
		const byDefault = heldItems(14, {});
		await tick();
		expect(byDefault.started()).toBe(10);
		await byDefault.releaseAll();
	});

	test('an unreadable Max Concurrent Requests: the pool uses the default, the items report the error', async () => {
		const items = heldItems(12, { 'options.maxConcurrentRequests': 0 });
		await tick();
		await items.releaseAll();
		const [out] = await items.done;
		expect(out).toHaveLength(12);
		expect(out[0]).toMatchObject({
			json: { error: expect.stringContaining('Invalid "Max Concurrent Requests"') },
			pairedItem: { item: 0 },
		});
		expect(items.started()).toBe(0);
	});

	test('Batching from the first item: a wait before each batch but the first', async () => {
		jest.useFakeTimers();
		try {
			const items = heldItems(5, {
				requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 1000 } } },
			});
			await jest.advanceTimersByTimeAsync(0);
			expect(items.started()).toBe(2);
			await jest.advanceTimersByTimeAsync(999);
			expect(items.started()).toBe(2);
			await jest.advanceTimersByTimeAsync(1);
			expect(items.started()).toBe(4);
			await jest.advanceTimersByTimeAsync(1000);
			expect(items.started()).toBe(5);
		} finally {
			jest.useRealTimers();
		}
	});

	test('unreadable Request Options: no batching, and the items report the error', async () => {
		const items = heldItems(3, { requestOptions: 'unreadable' });
		await items.releaseAll();
		const [out] = await items.done;
		expect(out.map((item) => (item as { json: IDataObject }).json.error)).toEqual([
			'Request Options could not be read',
			'Request Options could not be read',
			'Request Options could not be read',
		]);
	});

	test('a stopped execution starts no item and sends nothing', async () => {
		const controller = new AbortController();
		controller.abort();
		const { holder } = customOperationsFor(description(getHandler()));
		const { context, sent } = executeContext({
			items: [{}, {}],
			parameters: () => ({ holderId: 'h' }),
			signal: controller.signal,
		});
		await expect(run(holder.get, context)).rejects.toThrow('The execution was stopped');
		expect(sent).toEqual([]);
	});
});
