/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { IDataObject } from 'n8n-workflow';

import { runItem } from '../../nodes/MyPit/execution/itemRun';
import { createRunScope } from '../../nodes/MyPit/execution/scope';
import type { ItemScope, OperationCall } from '../../nodes/MyPit/execution/scope';
import { MyPitClient } from '../../nodes/MyPit/transport/client';
import { ENDPOINTS, type Endpoint } from '../../nodes/MyPit/transport/endpoints';

/**
 * The MyPit client as an operation uses it (through runItem, the path of every item), against
 * n8n's request helper played by a plain function that answers from a script, one answer per
 * request. Both helpers n8n offers answer alike, so the tests hold whichever one the client calls.
 * Retry waits are capped at 1 ms (Max Retry Wait), so the tests take no time.
 */
type Scripted =
	| { statusCode: number; body?: unknown; headers?: IDataObject }
	| { throws: IDataObject }
	| ((options: IDataObject) => Promise<never>);

const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit' } as never;

function setup(
	script: Scripted[],
	options: { signal?: AbortSignal; retries?: number; retryWait?: number } = {},
) {
	const sent: IDataObject[] = [];
	const logged: string[] = [];
	const respond = async (request: IDataObject) => {
		sent.push(request);
		const next = script.shift();
		if (next === undefined) throw new Error('the script has no answer left');
		if (typeof next === 'function') return await next(request);
		if ('throws' in next) throw Object.assign(new Error(String(next.throws.message)), next.throws);
		return { headers: {}, ...next };
	};
	const run = createRunScope(
		{
			getNode: () => node,
			logger: { info: (message: string) => logged.push(message) } as never,
			continueOnFail: () => false,
			getExecutionCancelSignal: () => options.signal,
			helpers: {
				httpRequest: respond,
				httpRequestWithAuthentication: async (_type: string, request: IDataObject) =>
					await respond(request),
			} as never,
		},
		{ clientId: 'client-test', secretKey: 'client-secret', baseUrl: 'https://api.example.com' },
	);
	const parameters: IDataObject = {
		'options.maxRetries': options.retries ?? 2,
		'options.maxRetryWait': options.retryWait ?? 0.001,
	};
	const item: ItemScope = {
		index: 6,
		run,
		parameter: (name, fallback) => (name in parameters ? parameters[name] : fallback),
	};
	/** Sends one request to `endpoint` as an operation would; the outcome as a value. */
	const request = async (endpoint: Endpoint, body?: IDataObject) =>
		await runItem(
			item,
			async ({ client }: OperationCall) => [await client.request(endpoint, body)],
			[{ index: 6, json: {} }],
			(baseURL) => ({
				base: { url: '', baseURL, headers: { Accept: 'application/json' }, timeout: 4321 },
				body: {},
			}),
		).then(
			(items) => ({ answer: items[0].json }),
			(error: { message: string; description?: string; httpCode?: string }) => ({ error }),
		);
	return { request, sent, logged };
}

describe('MyPitClient', () => {
	test('a 2xx JSON answer is the result; the request carries the endpoint, the body and the item’s settings', async () => {
		const { request, sent } = setup([{ statusCode: 201, body: { _id: 'h1', name: 'Ann' } }]);
		expect(await request(ENDPOINTS.createHolder, { data: { name: 'Ann' } })).toEqual({
			answer: { _id: 'h1', name: 'Ann' },
		});
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			method: 'POST',
			url: '/createHolder',
			baseURL: 'https://api.example.com',
			body: { data: { name: 'Ann' } },
			json: true,
			// MyPit's own status, message and Retry-After are read from the full answer.
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 4321,
			headers: expect.objectContaining({ Accept: 'application/json' }),
		});
	});

	test('a request without a body sends none', async () => {
		const { request, sent } = setup([{ statusCode: 200, body: { message: 'hello' } }]);
		expect(await request(ENDPOINTS.hello)).toEqual({ answer: { message: 'hello' } });
		expect(sent[0]).toMatchObject({ method: 'GET', url: '/hello' });
		expect(sent[0]).not.toHaveProperty('body');
	});

	test('a bare ID answer is read as {_id}', async () => {
		const { request } = setup([{ statusCode: 200, body: 'k57holder' }]);
		expect(await request(ENDPOINTS.createHolder, {})).toEqual({ answer: { _id: 'k57holder' } });
	});

	test('an answer that is not JSON is an error naming the endpoint and showing its start', async () => {
		const page = `<html>${'x'.repeat(100)}</html>`;
		const { request } = setup([{ statusCode: 200, body: page }]);
		const { error } = (await request(ENDPOINTS.getHolder, {})) as { error: IDataObject };
		expect(error.message).toBe(
			'MyPit answered POST /getHolderById with something that is not JSON',
		);
		expect(error.description).toBe(
			`Expected a JSON object, got "${page.slice(0, 60)}". Check the Base URL of the MyPit credential.`,
		);
		expect((error as { context: IDataObject }).context.itemIndex).toBe(6);
		expect(error.errorResponse).toEqual({ message: 'not JSON' });
		const empty = setup([{ statusCode: 200, body: null }]);
		const { error: nothing } = (await empty.request(ENDPOINTS.getHolder, {})) as {
			error: IDataObject;
		};
		expect(nothing.description).toBe(
			'Expected a JSON object, got null. Check the Base URL of the MyPit credential.',
		);
		const other = setup([{ statusCode: 503 }, { statusCode: 200, body: 42 }]);
		const { error: retried } = (await other.request(ENDPOINTS.getHolder, {})) as {
			error: IDataObject;
		};
		expect(retried.description).toBe(
			'Expected a JSON object, got 42 (attempt 2). Check the Base URL of the MyPit credential.',
		);
	});

	test('a read that meets a 503 or a dropped connection is sent again and succeeds', async () => {
		const { request, sent, logged } = setup([
			{ statusCode: 503, body: { error: 'busy' } },
			{ throws: { message: 'socket hang up', code: 'ECONNRESET' } },
			{ statusCode: 200, body: { _id: 'h1' } },
		]);
		expect(await request(ENDPOINTS.getHolder, { holderId: 'h1' })).toEqual({
			answer: { _id: 'h1' },
		});
		expect(sent).toHaveLength(3);
		// Only a 429 pauses the other requests of the client.
		expect(logged).toEqual([]);
	});

	test('retries end at Max Retries: the API’s message and status, with the number of attempts', async () => {
		const { request, sent } = setup(
			[
				{ statusCode: 503, body: { error: 'busy' } },
				{ statusCode: 502, body: { error: 'still busy' } },
			],
			{ retries: 1 },
		);
		const { error } = (await request(ENDPOINTS.getHolder, {})) as { error: IDataObject };
		expect(error).toMatchObject({ message: 'still busy', httpCode: '502' });
		expect(error.description).toContain('POST /getHolderById answered HTTP 502 after 2 attempts.');
		expect(sent).toHaveLength(2);
	});

	test('a write that meets a 503 is not sent again: it may have happened', async () => {
		const { request, sent } = setup([{ statusCode: 503, body: { error: 'busy' } }]);
		const { error } = (await request(ENDPOINTS.createHolder, {})) as { error: IDataObject };
		expect(error).toMatchObject({ message: 'busy', httpCode: '503' });
		expect(error.description).toContain('it was not sent again');
		expect(sent).toHaveLength(1);
	});

	test('a 429 pauses the whole client (logged) and the request, even a write, is sent again', async () => {
		const { request, sent, logged } = setup([
			{ statusCode: 429, body: { error: 'slow down' }, headers: { 'retry-after': '0' } },
			{ statusCode: 200, body: { _id: 'h1' } },
		]);
		expect(await request(ENDPOINTS.createHolder, {})).toEqual({ answer: { _id: 'h1' } });
		expect(sent).toHaveLength(2);
		expect(logged).toEqual([
			expect.stringContaining(
				'MyPit answered POST /createHolder with 429 Too Many Requests: every request of client "client-test" waits 0.00 s',
			),
		]);
	});

	test('a 3xx answer is not a result', async () => {
		const { request } = setup([{ statusCode: 300, body: { _id: 'h1' } }]);
		const { error } = (await request(ENDPOINTS.getHolder, {})) as { error: IDataObject };
		expect(error).toMatchObject({ message: 'MyPit answered HTTP 300', httpCode: '300' });
	});

	test('other API errors fail at once with the API’s own message', async () => {
		const { request, sent, logged } = setup([
			{ statusCode: 404, body: { error: 'Holder not found' } },
		]);
		const { error } = (await request(ENDPOINTS.getHolder, {})) as { error: IDataObject };
		expect(error).toMatchObject({ message: 'Holder not found', httpCode: '404' });
		expect(sent).toHaveLength(1);
		expect(logged).toEqual([]);
	});

	test('n8n’s helper gets the execution’s cancel signal', async () => {
		const controller = new AbortController();
		const { request, sent } = setup([{ statusCode: 200, body: {} }], { signal: controller.signal });
		await request(ENDPOINTS.getHolder, {});
		expect(sent[0].abortSignal).toBe(controller.signal);
	});

	test.each([
		[
			ENDPOINTS.createHolder,
			'The execution was stopped while POST /createHolder was under way: MyPit may have carried it out',
		],
		[ENDPOINTS.getHolder, 'The execution was stopped: no further MyPit request is sent'],
	])(
		'Stop during %o: the item fails as stopped and nothing is sent again',
		async (endpoint, message) => {
			const controller = new AbortController();
			const { request, sent } = setup(
				[
					async () => {
						controller.abort();
						throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
					},
				],
				{ signal: controller.signal },
			);
			const { error } = (await request(endpoint, {})) as { error: IDataObject };
			expect(error.message).toBe(message);
			expect(sent).toHaveLength(1);
		},
	);

	test('Stop during a retry wait ends it at once: nothing more is sent', async () => {
		const controller = new AbortController();
		const { request, sent } = setup(
			[
				async () => {
					setTimeout(() => controller.abort(), 20);
					return { statusCode: 429, body: {}, headers: { 'retry-after': '30' } } as never;
				},
			],
			{ signal: controller.signal, retryWait: 60 },
		);
		const begin = Date.now();
		const { error } = (await request(ENDPOINTS.getHolder, {})) as { error: IDataObject };
		expect(error.message).toBe('The execution was stopped: no further MyPit request is sent');
		expect(Date.now() - begin).toBeLessThan(4000);
		expect(sent).toHaveLength(1);
	});
});

describe('MyPitClient in a trigger poll', () => {
	// A poll context has no item index and no cancel signal, and the trigger sends without a gate.
	test('a 429 is waited out and sent again; a failure names item 0', async () => {
		const answers = [
			{ statusCode: 429, body: { error: 'slow down' }, headers: { 'retry-after': '0' } },
			{ statusCode: 200, body: { page: [] }, headers: {} },
			{ statusCode: 200, body: 'plain text', headers: {} },
			{ statusCode: 404, body: { error: 'Owner not found' }, headers: {} },
		];
		const sent: IDataObject[] = [];
		const respond = async (options: IDataObject) => {
			sent.push(options);
			return answers.shift();
		};
		const client = new MyPitClient(
			{
				getNode: () => node,
				n8n: {
					helpers: {
						httpRequestWithAuthentication: async (_type: string, options: IDataObject) =>
							await respond(options),
					} as never,
				},
			},
			{ url: '', baseURL: 'https://api.example.com' },
			{ maxRetries: 1, maxDelayMs: 1 },
		);
		expect(await client.request(ENDPOINTS.listTemplates, {})).toEqual({ page: [] });
		expect(sent).toHaveLength(2);
		expect(sent[0].abortSignal).toBeUndefined();
		const error = await client
			.request(ENDPOINTS.listTemplates, {})
			.catch((caught: unknown) => caught);
		expect(error).toMatchObject({
			message: 'MyPit answered POST /getAllBadgeTemplatesByOwnerId with something that is not JSON',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
		const apiError = await client
			.request(ENDPOINTS.listTemplates, {})
			.catch((caught: unknown) => caught);
		expect(apiError).toMatchObject({
			message: 'Owner not found',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
	});
});
