/**
 * Stop stops, and keeps stopping: once n8n cancels an execution (the editor's Stop), the running
 * MyPit node starts no further request. The custom operation gets the execution's cancel signal
 * from n8n-core: the item pool starts no further item, and the gate, the rate limit and the retry
 * waits give up on it. (The same in real n8n, per operation kind: test/e2e/stop.test.ts.)
 */
import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../../tooling/engine/engine';
import { cancelRunningExecutions, registry } from '../../tooling/engine/engine';
import { useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * When the node's custom operation for `resource`/`operation` ends: n8n marks a stopped
 * execution canceled at once and leaves the node's promise behind, so only this shows whether the
 * node itself gave up (rather than waiting out its rate-limit slots or retry waits).
 */
async function watchOperation(resource: string, operation: string) {
	const { nodeTypes } = await registry();
	const table = nodeTypes.getByNameAndVersion('n8n-nodes-mypit.myPit').customOperations!;
	const original = table[resource][operation];
	let settled: Promise<number> | undefined;
	table[resource][operation] = async function (this: IExecuteFunctions) {
		const call = original.call(this);
		settled = call.then(
			() => Date.now(),
			() => Date.now(),
		);
		return await call;
	};
	restore = () => (table[resource][operation] = original);
	return {
		settled: async () => {
			if (!settled) throw new Error(`the ${resource} ${operation} custom operation never ran`);
			return await settled;
		},
	};
}

let restore = () => {};
afterEach(() => restore());

/**
 * Starts the run, stops it once `startedRequests` requests reached the sandbox, and returns how
 * long the node took to end after the stop and how many requests arrived after it.
 */
async function stopAfter(
	startedRequests: number,
	operation: [resource: string, operation: string],
	run: () => Promise<RunResult>,
	/** Then waits this long before the stop, for the node to reach the wait under test. */
	settleMs = 0,
): Promise<{ result: RunResult; lateRequests: number; nodeEndedAfterMs: number }> {
	const watched = await watchOperation(...operation);
	const running = run();
	while (sandbox.requests().length < startedRequests) await pause(10);
	await pause(settleMs);
	const stoppedAt = Date.now();
	expect(cancelRunningExecutions()).toBe(1);
	const result = await running;
	const nodeEndedAfterMs = (await watched.settled()) - stoppedAt;
	// Anything the node still did in the background must not reach MyPit either.
	await pause(1000);
	const lateRequests = sandbox.requests().filter((request) => request.at > stoppedAt + 5).length;
	return { result, lateRequests, nodeEndedAfterMs };
}

const limited =
	(parameters: INodeParameters, input: object[], maxRequestsPerMinute = 120) =>
	() =>
		sandbox.run(parameters, {
			input,
			credentials: { ...sandbox.credentials, maxRequestsPerMinute },
		} as never);

describe('Stop', () => {
	test('a per-item operation (Holder → Get for 200 items at 120 requests a minute) sends nothing after the stop', async () => {
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 200);
		const { result, lateRequests, nodeEndedAfterMs } = await stopAfter(
			3,
			['holder', 'get'],
			limited(
				{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
				holders.map((holder) => ({ id: holder._id })),
			),
		);
		expect(result.run.status).toBe('canceled');
		expect(lateRequests).toBe(0);
		expect(nodeEndedAfterMs).toBeLessThan(1000);
	});

	test('a long Get Many (Return All, one record a page) sends no further page after the stop', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 300);
		const { result, lateRequests, nodeEndedAfterMs } = await stopAfter(
			3,
			['holder', 'getAll'],
			limited(
				{ resource: 'holder', operation: 'getAll', returnAll: true, options: { pageSize: 1 } },
				[{}],
			),
		);
		expect(result.run.status).toBe('canceled');
		expect(lateRequests).toBe(0);
		expect(nodeEndedAfterMs).toBeLessThan(1000);
	});

	test('a bulk issue (batches of one holder) sends no further batch after the stop', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 50);
		const { result, lateRequests, nodeEndedAfterMs } = await stopAfter(
			3,
			['badge', 'issue'],
			limited(
				{
					resource: 'badge',
					operation: 'issue',
					templateId: byId(template._id),
					recipientMode: 'allItems',
					holderIdField: 'id',
					options: { batchSize: 1 },
				},
				holders.map((holder) => ({ id: holder._id })),
			),
		);
		expect(result.run.status).toBe('canceled');
		expect(lateRequests).toBe(0);
		expect(nodeEndedAfterMs).toBeLessThan(1000);
	});

	test('the rate-limit slots a stopped run was waiting for are free for the next run of the client', async () => {
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 50);
		const getHolders = (input: object[]) =>
			limited(
				{
					resource: 'holder',
					operation: 'get',
					holderId: byId('={{ $json.id }}'),
					options: { maxConcurrentRequests: 5 },
				},
				input,
				30, // a send every 2 s: after the first, four requests wait for slots up to 8 s ahead
			);
		const input = holders.map((holder) => ({ id: holder._id }));
		const { result } = await stopAfter(1, ['holder', 'get'], getHolders(input));
		expect(result.run.status).toBe('canceled');
		const firstSentAt = sandbox.requests()[0].at;

		restore();
		const rerun = await getHolders(input.slice(0, 1))();
		expect(rerun.run.status).toBe('success');
		const rerunSentAt = sandbox.requests().at(-1)!.at;
		// About 2 s after the stopped run's only send (the spacing), not 10 s or more after the slots
		// it was waiting for (bounds loose for a busy machine).
		expect(rerunSentAt - firstSentAt).toBeGreaterThanOrEqual(1500);
		expect(rerunSentAt - firstSentAt).toBeLessThan(8000);
	});

	test('a retry wait (MyPit answers 429 with Retry-After: 20) ends at the stop, with no retry sent', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
		sandbox.sandbox.control.injectFault({
			path: '/getHolderById',
			kind: 'status',
			status: 429,
			retryAfter: 20,
			times: 10,
		});
		const { result, lateRequests, nodeEndedAfterMs } = await stopAfter(1, ['holder', 'get'], () =>
			sandbox.run({
				resource: 'holder',
				operation: 'get',
				holderId: byId(holder._id),
				options: { maxRetryWait: 30 },
			}),
		);
		expect(result.run.status).toBe('canceled');
		expect(lateRequests).toBe(0);
		expect(nodeEndedAfterMs).toBeLessThan(1000);
	});

	test("another request's 429 pause (Retry-After: 20) ends at the stop: the waiting items send nothing", async () => {
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 3);
		// The first request gets 429: its client pauses 20 s, and the other items wait for it.
		sandbox.sandbox.control.injectFault({
			path: '/getHolderById',
			kind: 'status',
			status: 429,
			retryAfter: 20,
		});
		const { result, lateRequests, nodeEndedAfterMs } = await stopAfter(
			1,
			['holder', 'get'],
			() =>
				sandbox.run(
					{
						resource: 'holder',
						operation: 'get',
						holderId: byId('={{ $json.id }}'),
						// One request at a time: the other items queue behind the first, then its pause.
						options: { maxRetryWait: 30, maxConcurrentRequests: 1 },
					},
					{ input: holders.map((holder) => ({ id: holder._id })) },
				),
			300, // the 429 is answered and the other items wait for the client's pause
		);
		expect(result.run.status).toBe('canceled');
		expect(sandbox.requests().map((request) => request.status)).toEqual([429]);
		expect(lateRequests).toBe(0);
		expect(nodeEndedAfterMs).toBeLessThan(1000);
	});

	test('the Batching interval (10 s) ends at the stop, with no further batch', async () => {
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 6);
		const { result, lateRequests, nodeEndedAfterMs } = await stopAfter(
			2,
			['holder', 'get'],
			() =>
				sandbox.run(
					{
						resource: 'holder',
						operation: 'get',
						holderId: byId('={{ $json.id }}'),
						requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 10_000 } } },
					},
					{ input: holders.map((holder) => ({ id: holder._id })) },
				),
			300, // the first batch is answered and the pool waits for the interval
		);
		expect(result.run.status).toBe('canceled');
		expect(sandbox.requests()).toHaveLength(2);
		expect(lateRequests).toBe(0);
		expect(nodeEndedAfterMs).toBeLessThan(1000);
	});
});
