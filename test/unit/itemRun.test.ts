/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runItem, toNodeError, type ItemRequest } from '../../nodes/MyPit/execution/itemRun';
import { createRunScope } from '../../nodes/MyPit/execution/scope';
import type { ItemScope, OperationCall, OperationHandler } from '../../nodes/MyPit/execution/scope';
import { InputError } from '../../nodes/MyPit/shared/validation';
import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';

const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit' } as never;

/**
 * n8n's request helper as a plain function: it answers every request with `answer` and records
 * what it was asked. Both helpers n8n offers answer alike, so these tests do not depend on which
 * one the client calls.
 */
function fakeHelpers(answer: { statusCode: number; body: unknown }) {
	const sent: Array<Record<string, unknown>> = [];
	const respond = async (options: Record<string, unknown>) => {
		sent.push(options);
		return { ...answer, headers: {} };
	};
	const helpers = {
		httpRequest: respond,
		httpRequestWithAuthentication: async (_type: string, options: Record<string, unknown>) =>
			await respond(options),
	};
	return { helpers, sent };
}

function itemOf(
	index: number,
	options: {
		credentials?: Record<string, unknown>;
		parameters?: Record<string, unknown>;
		continueOnFail?: boolean;
		signal?: AbortSignal;
		answer?: { statusCode: number; body: unknown };
	} = {},
) {
	const { helpers, sent } = fakeHelpers(options.answer ?? { statusCode: 200, body: { _id: 'h1' } });
	const run = createRunScope(
		{
			getNode: () => node,
			logger: { info: () => {} } as never,
			continueOnFail: () => options.continueOnFail ?? false,
			getExecutionCancelSignal: () => options.signal,
			helpers: helpers as never,
		},
		{
			clientId: 'item-run-client',
			secretKey: 'item-run-secret',
			baseUrl: 'https://api.example.com/',
			...options.credentials,
		},
	);
	const parameters = options.parameters ?? {};
	const item: ItemScope = {
		index,
		run,
		parameter: (name, fallback) => (name in parameters ? parameters[name] : fallback),
	};
	return { item, sent };
}

/** The request settings an entry point would give, recording the base URL it was asked for. */
function prepareWith(body: IDataObject = { data: { name: 'Ann' } }) {
	const asked: string[] = [];
	const prepare = (baseURL: string): ItemRequest => {
		asked.push(baseURL);
		return { base: { url: '', baseURL, headers: {}, timeout: 1000 }, body };
	};
	return { prepare, asked };
}

/** A handler that records its call and answers `result`. */
function recording(result: Awaited<ReturnType<OperationHandler>>) {
	const calls: OperationCall[] = [];
	const handler: OperationHandler = async (call) => {
		calls.push(call);
		return result;
	};
	return { handler, calls };
}

describe('runItem', () => {
	test('records become output items linked to the item; the handler gets the body, inputs and item', async () => {
		const { item } = itemOf(3);
		const { prepare, asked } = prepareWith({ data: { name: 'Ann' } });
		const { handler, calls } = recording([{ _id: 'a' }, { _id: 'b' }]);
		const inputs = [{ index: 3, json: { row: 3 } }];
		const out = await runItem(item, handler, inputs, prepare);
		expect(out).toEqual([
			{ json: { _id: 'a' }, pairedItem: { item: 3 } },
			{ json: { _id: 'b' }, pairedItem: { item: 3 } },
		]);
		// The base URL is the credential's, checked, without its trailing slash.
		expect(asked).toEqual(['https://api.example.com']);
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toEqual({ data: { name: 'Ann' } });
		expect(calls[0].inputs).toBe(inputs);
		expect(calls[0].item).toBe(item);
	});

	test('linked outputs go to their own input items, error items keep their error', async () => {
		const { item } = itemOf(0);
		const error = new NodeOperationError(node, 'Holder h2 not found');
		const { handler } = recording({
			linked: [
				{ json: { badgeId: 'b1' }, inputIndex: 0 },
				{ json: { error: 'Holder h2 not found' }, inputIndex: 1, error },
			],
		});
		const out = await runItem(item, handler, [], prepareWith().prepare);
		expect(out).toEqual([
			{ json: { badgeId: 'b1' }, pairedItem: { item: 0 } },
			{ json: { error: 'Holder h2 not found' }, error, pairedItem: { item: 1 } },
		]);
		expect('error' in out[0]).toBe(false);
	});

	test('the handler’s client sends through n8n’s helper with the item’s base, and an API error names the item', async () => {
		const { item, sent } = itemOf(4, {
			answer: { statusCode: 404, body: { error: 'Holder not found' } },
		});
		const handler: OperationHandler = async ({ client }) => [
			await client.request(ENDPOINTS.getHolder, { holderId: 'h9' }),
		];
		const error = await runItem(
			item,
			handler,
			[{ index: 4, json: {} }],
			prepareWith().prepare,
		).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error).toMatchObject({ message: 'Holder not found', httpCode: '404', node });
		expect((error as NodeApiError).context.itemIndex).toBe(4);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			baseURL: 'https://api.example.com',
			url: '/getHolderById',
			body: { holderId: 'h9' },
			timeout: 1000,
		});
	});

	test('a stopped execution: the client sends nothing and the item fails as stopped', async () => {
		const controller = new AbortController();
		controller.abort();
		const { item, sent } = itemOf(0, { signal: controller.signal });
		const handler: OperationHandler = async ({ client }) => [
			await client.request(ENDPOINTS.getHolder, { holderId: 'h9' }),
		];
		await expect(
			runItem(item, handler, [{ index: 0, json: {} }], prepareWith().prepare),
		).rejects.toThrow('The execution was stopped');
		expect(sent).toEqual([]);
	});

	test('the item’s Max Concurrent Requests bounds the requests in flight', async () => {
		const { item } = itemOf(0, { parameters: { 'options.maxConcurrentRequests': 1 } });
		let inFlight = 0;
		let peak = 0;
		const respond = async () => {
			peak = Math.max(peak, ++inFlight);
			await new Promise((resolve) => setImmediate(resolve));
			inFlight -= 1;
			return { statusCode: 200, body: { _id: 'h' }, headers: {} };
		};
		Object.assign(item.run.n8n.helpers, {
			httpRequest: respond,
			httpRequestWithAuthentication: respond,
		});
		const handler: OperationHandler = async ({ client }) =>
			await Promise.all(
				['h1', 'h2', 'h3'].map(
					async (holderId) => await client.request(ENDPOINTS.getHolder, { holderId }),
				),
			);
		expect(await runItem(item, handler, [], prepareWith().prepare)).toHaveLength(3);
		expect(peak).toBe(1);
	});

	test.each([
		[
			'an unsafe Base URL',
			{ credentials: { baseUrl: 'http://api.example.com' } },
			'Invalid "Base URL (MyPit credential)"',
		],
		[
			'a bad Max Requests per Minute',
			{ credentials: { maxRequestsPerMinute: 0.5 } },
			'Invalid "Max Requests per Minute"',
		],
		[
			'a bad Max Concurrent Requests',
			{ parameters: { 'options.maxConcurrentRequests': 0 } },
			'Invalid "Max Concurrent Requests"',
		],
		['a bad Max Retries', { parameters: { 'options.maxRetries': -2 } }, 'Invalid "Max Retries"'],
	])(
		'%s fails the item before the handler runs, naming the field',
		async (_case, options, message) => {
			const { item, sent } = itemOf(2, options);
			const { handler, calls } = recording([{}]);
			const error = await runItem(
				item,
				handler,
				[{ index: 2, json: {} }],
				prepareWith().prepare,
			).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toContain(message);
			expect((error as NodeOperationError).context.itemIndex).toBe(2);
			expect(calls).toEqual([]);
			expect(sent).toEqual([]);
		},
	);

	test('Continue On Fail: the error becomes an error item of every input the call works for', async () => {
		const { item } = itemOf(0, { continueOnFail: true });
		const handler: OperationHandler = async () => {
			throw new InputError('Holder ID', 'an ID', 'nothing');
		};
		const out = await runItem(
			item,
			handler,
			[
				{ index: 0, json: {} },
				{ index: 1, json: {} },
			],
			prepareWith().prepare,
		);
		const message = 'Invalid "Holder ID": expected an ID, got nothing';
		expect(out).toEqual([
			{ json: { error: message }, error: expect.any(NodeOperationError), pairedItem: { item: 0 } },
			{ json: { error: message }, error: expect.any(NodeOperationError), pairedItem: { item: 1 } },
		]);
		expect(out[0].error).toBe(out[1].error);
	});

	test('without Continue On Fail the error is thrown', async () => {
		const { item } = itemOf(0);
		const handler: OperationHandler = async () => {
			throw new Error('boom');
		};
		await expect(runItem(item, handler, [], prepareWith().prepare)).rejects.toThrow('boom');
	});
});

describe('toNodeError', () => {
	test('an input error names the field and says nothing was sent', () => {
		const error = toNodeError(node, new InputError('Email', 'an email address', 'nothing'), 5);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid "Email": expected an email address, got nothing');
		expect(error.description).toContain('No request was sent for this item');
		expect(error.context.itemIndex).toBe(5);
	});

	test('n8n errors pass unchanged; anything else becomes a NodeOperationError of the item', () => {
		const api = new NodeApiError(node, { message: 'x' });
		const operation = new NodeOperationError(node, 'y');
		expect(toNodeError(node, api, 1)).toBe(api);
		expect(toNodeError(node, operation, 1)).toBe(operation);
		const other = toNodeError(node, new TypeError('z'), 7);
		expect(other).toBeInstanceOf(NodeOperationError);
		expect(other.message).toBe('z');
		expect(other.context.itemIndex).toBe(7);
	});
});
