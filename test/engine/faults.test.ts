import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** Retries in these tests wait at most 20 ms, so they stay fast. */
const quickRetries = { maxRetryWait: 0.02 };

const paths = () => sandbox.requests().map((request) => `${request.path} ${request.status}`);

describe('reads are retried', () => {
	test('a 503 on page 37 of 100: all 10,000 records, none twice, one extra request per retry', async () => {
		const seeded = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 10_000);
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 503,
			skip: 36,
			times: 2,
		});

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: quickRetries,
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json._id)).toEqual(seeded.map((holder) => holder._id));
		expect(sandbox.requests()).toHaveLength(102);
		expect(sandbox.requests().filter((request) => request.status === 503)).toHaveLength(2);
		// The retried page asked for the same cursor as the failed one.
		const bodies = bodiesOf(sandbox.requests());
		expect(bodies[37]).toEqual(bodies[36]);
		expect(bodies[38]).toEqual(bodies[36]);
	});

	test.each([
		['a dropped connection', { kind: 'drop' }],
		['a truncated body', { kind: 'truncate' }],
		['a 500', { kind: 'status', status: 500 }],
		['a 502', { kind: 'status', status: 502 }],
		['a 504', { kind: 'status', status: 504 }],
	])('Get survives %s', async (_case, fault) => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		sandbox.sandbox.control.injectFault({ path: '/getASingleBadgeTemplate', ...fault } as never);

		const result = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: byId(template._id),
			options: quickRetries,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]._id).toBe(template._id);
		expect(sandbox.requests()).toHaveLength(2);
	});

	test('a 429 waits for Retry-After, then succeeds', async () => {
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 429,
			retryAfter: 1,
		});
		const started = Date.now();

		const result = await sandbox.run({ resource: 'holder', operation: 'getAll' });

		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(paths()).toEqual(['/getHolders 429', '/getHolders 200']);
	});

	test('when retries run out, the error names the page, the status and the attempts', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 500);
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 503,
			message: 'Service warming up',
			skip: 2,
			times: 10,
		});

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			returnAll: true,
			options: { maxRetries: 2, maxRetryWait: 0.01 },
		});

		expect(result.error?.message).toBe('Service warming up');
		expect((result.error as { httpCode?: string }).httpCode).toBe('503');
		expect(result.error?.description).toMatch(/Page 3 of the listing failed after 200 records/);
		expect(result.error?.description).toMatch(/after 3 attempts/);
		expect(sandbox.requests()).toHaveLength(5);
	});

	test("a 429's own message reaches the user, not n8n's generic batching hint", async () => {
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 429,
			message: 'Rate limit: 60 requests per minute',
			times: 5,
		});

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			options: { maxRetries: 1, maxRetryWait: 0.01 },
		});

		expect(result.error?.message).toBe('Rate limit: 60 requests per minute');
		expect((result.error as { httpCode?: string }).httpCode).toBe('429');
	});

	test('Max Retries 0 turns retrying off', async () => {
		sandbox.sandbox.control.injectFault({ path: '/getHolders', kind: 'status', status: 503 });

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			options: { maxRetries: 0 },
		});

		expect((result.error as { httpCode?: string }).httpCode).toBe('503');
		expect(sandbox.requests()).toHaveLength(1);
	});
});

describe('writes are never sent twice when the server may have acted', () => {
	const createHolder = {
		resource: 'holder',
		operation: 'create',
		name: 'Ann',
		email: 'ann@example.com',
		phone: '+123456',
		holderDid: 'did:ethr:0xabc',
		externalHolderId: 'ann-1',
		options: quickRetries,
	};

	test.each([
		['a 500', { kind: 'status', status: 500 }],
		['a 503', { kind: 'status', status: 503 }],
		['a dropped connection after the holder was created', { kind: 'drop', afterProcessing: true }],
		[
			'a truncated answer after the holder was created',
			{ kind: 'truncate', afterProcessing: true },
		],
	])(
		'Create Holder with %s: one request, an error that says how to check',
		async (_case, fault) => {
			sandbox.sandbox.control.injectFault({ path: '/createHolder', ...fault } as never);

			const result = await sandbox.run(createHolder);

			expect(sandbox.requests()).toHaveLength(1);
			expect(result.error?.description).toMatch(
				/may have been carried out before it failed, so it was not sent again/,
			);
		},
	);

	test('a 429 on a write means "not processed": it is retried and succeeds once', async () => {
		sandbox.sandbox.control.injectFault({
			path: '/createHolder',
			kind: 'status',
			status: 429,
			retryAfter: 0,
		});

		const result = await sandbox.run(createHolder);

		expect(result.error).toBeUndefined();
		expect(paths()).toEqual(['/createHolder 429', '/createHolder 200']);
		const list = await sandbox.run({ resource: 'holder', operation: 'getAll', returnAll: true });
		expect(jsonOf(list)).toHaveLength(1);
	});

	test('Issue with a dropped connection after issuing: not repeated, no duplicate badges', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 3);
		sandbox.sandbox.control.injectFault({
			path: '/issueBadge',
			kind: 'drop',
			afterProcessing: true,
		});

		const result = await sandbox.run({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			recipientMode: 'list',
			recipientIds: holders.map((holder) => holder._id).join(','),
			options: quickRetries,
		});

		expect(paths().filter((path) => path.startsWith('/issueBadge'))).toHaveLength(1);
		expect(result.error?.description).toMatch(/check the result/);
		const issued = await sandbox.run({ resource: 'badge', operation: 'getAll', returnAll: true });
		expect(jsonOf(issued)).toHaveLength(3);
	});

	test('Issue in batches: batch 2 fails with a 503 after batch 1 was issued', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5);
		sandbox.sandbox.control.injectFault({
			path: '/issueBadge',
			kind: 'status',
			status: 503,
			skip: 1,
		});

		const result = await sandbox.run({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			recipientMode: 'list',
			recipientIds: holders.map((holder) => holder._id).join(','),
			options: { batchSize: 2, ...quickRetries },
		});

		expect(result.error).toBeUndefined();
		// Batch 2 may have been processed: its recipients are unknown (issued: null), never "not issued".
		expect(jsonOf(result).map((item) => [item.issued, item.outcome, item.status])).toEqual([
			[true, 'issued', 'partial'],
			[true, 'issued', 'partial'],
			[null, 'unknown', 'partial'],
			[null, 'unknown', 'partial'],
			[false, 'not issued', 'partial'],
		]);
		expect(jsonOf(result)[2].error).toMatch(
			/Batch failed, outcome unknown.*Check with Badge > Get Many/,
		);
		expect(jsonOf(result)[4].error).toBe('Not sent: an earlier batch failed');
		expect(paths().filter((path) => path.startsWith('/issueBadge'))).toEqual([
			'/issueBadge 200',
			'/issueBadge 503',
		]);
	});
});

describe('bad answers end in clear errors', () => {
	test('a 200 that is not JSON', async () => {
		sandbox.sandbox.control.injectFault({ path: '/getASingleBadgeTemplate', kind: 'non-json' });

		const result = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: byId('tmpl_1'),
		});

		expect(result.error?.message).toBe(
			'MyPit answered POST /getASingleBadgeTemplate with something that is not JSON',
		);
		expect(result.items).toHaveLength(0);
	});

	test('a server slower than the timeout: a read is retried, then fails with a clear message', async () => {
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'delay',
			delayMs: 1500,
			times: 3,
		});

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			options: { maxRetries: 1, maxRetryWait: 0.01 },
			requestOptions: { timeout: 300 },
		});

		expect(result.error?.message).toMatch(
			/^MyPit did not answer within the timeout \((ECONNABORTED|ETIMEDOUT)\)$/,
		);
		expect(result.error?.description).toMatch(/after 2 attempts/);
	});

	test('Continue On Fail: a Request Options expression that fails gives that item its error item, the next one runs', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const result = await sandbox.run(
			{
				resource: 'holder',
				operation: 'get',
				holderId: byId(holder._id),
				requestOptions: {
					// A node the expression names was deleted: resolving it throws, for that item only.
					timeout: "={{ $json.timeout ? $json.timeout : $('Deleted Node').item.json.timeout }}",
				},
			},
			{ input: [{}, { timeout: 5000 }], onError: 'continueRegularOutput' },
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(jsonOf(result)[0].error)).toContain("Referenced node doesn't exist");
		expect(jsonOf(result)[1]._id).toBe(holder._id);
		expect(sandbox.requests()).toHaveLength(1);
	});

	test('Continue On Fail: N input items give N results, each linked, whatever fails', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		sandbox.sandbox.control.injectFault({
			path: '/getASingleBadgeTemplate',
			kind: 'status',
			status: 500,
			times: 3,
			skip: 1,
		});

		const result = await sandbox.run(
			{
				resource: 'template',
				operation: 'get',
				templateId: byId('={{ $json.id }}'),
				options: { maxRetries: 2, maxRetryWait: 0.01 },
			},
			{
				input: [{ id: template._id }, { id: template._id }, { id: 'bad id' }, { id: template._id }],
				onError: 'continueRegularOutput',
			},
		);

		expect(result.items).toHaveLength(4);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		// Items are sent side by side, so which of items 0, 1 and 3 meet the three 500s varies: each
		// ends as the template or, after its 3 attempts, as the API's error. Item 2 is never sent.
		const json = jsonOf(result);
		expect(json[2].error).toMatch(/^Invalid "Template"/);
		const sent = [0, 1, 3];
		for (const index of sent) {
			if (json[index].error === undefined) expect(json[index]._id).toBe(template._id);
			else {
				expect(json[index]).toEqual({ error: 'Internal server error' });
				expect(result.items[index].error).toMatchObject({
					httpCode: '500',
					description: expect.stringMatching(/after 3 attempts/),
				});
			}
		}
		const statuses = sandbox.requests().map((request) => request.status);
		expect(statuses.filter((status) => status === 500)).toHaveLength(3);
		expect(statuses.filter((status) => status === 200)).toHaveLength(
			sent.filter((index) => json[index].error === undefined).length,
		);
		expect(bodiesOf(sandbox.requests()).every((body) => body.templateId === template._id)).toBe(
			true,
		);
	});
});
