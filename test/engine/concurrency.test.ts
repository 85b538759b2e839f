import type { INodeParameters } from 'n8n-workflow';

import type { LoggedRequest } from '../../sandbox';
import { engineLogger } from '../helpers/engineLogger';
import { jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const getHolder = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'holder',
	operation: 'get',
	holderId: byId('={{ $json.id }}'),
	options,
});

beforeEach(() => {
	sandbox.sandbox.control.setLatency(0);
	sandbox.sandbox.control.resetInFlight();
});

/** 300 items through the engine take a few seconds on a quiet machine, a minute on a busy one. */
const LONG = 300_000;

/** This test's requests only (its own client ID), should an earlier run still be sending. */
const ownRequests = () =>
	sandbox.requests().filter((request) => request.headers.clientid === sandbox.account.clientId);

const maxInFlight = () =>
	sandbox.sandbox.control.inFlight().accounts[sandbox.account.clientId]?.maxInFlight;
const arrivals = (requests: LoggedRequest[] = ownRequests()) =>
	requests.map((request) => request.at).sort((a, b) => a - b);

function seedRows(count: number) {
	const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, count);
	return { holders, rows: holders.map((holder) => ({ id: holder._id })) };
}

/** Each output item is the holder its own input item asked for, and points back at it. */
function expectInOrderAndPaired(
	items: Array<{ json: object; pairedItem?: unknown }>,
	ids: string[],
) {
	expect(items.map((item) => (item.json as { _id?: string })._id)).toEqual(ids);
	expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_id, index) => ({ item: index })));
}

describe('Max Concurrent Requests', () => {
	test(
		'300 items at 50 ms latency: at most 5 requests in flight by default, results in order and paired',
		async () => {
			const { holders, rows } = seedRows(300);
			sandbox.sandbox.control.setLatency(50);

			const result = await sandbox.run(getHolder(), { input: rows });

			expect(result.error).toBeUndefined();
			expectInOrderAndPaired(
				result.items,
				holders.map((holder) => holder._id),
			);
			expect(ownRequests()).toHaveLength(300);
			// The bound is used, not just respected (n8n alone puts over 100 in flight here).
			expect(maxInFlight()).toBe(5);
		},
		LONG,
	);

	test(
		'300 items with the option at 1: one request at a time, results in order and paired',
		async () => {
			const { holders, rows } = seedRows(300);
			sandbox.sandbox.control.setLatency(20);

			const result = await sandbox.run(getHolder({ maxConcurrentRequests: 1 }), { input: rows });

			expect(result.error).toBeUndefined();
			expectInOrderAndPaired(
				result.items,
				holders.map((holder) => holder._id),
			);
			expect(maxInFlight()).toBe(1);
			// One at a time means in input order too.
			expect(
				ownRequests().map((request) => (request.body as { holderId: string }).holderId),
			).toEqual(holders.map((holder) => holder._id));
		},
		LONG,
	);

	test(
		'Continue On Fail, 300 items with 3 unknown IDs: one output item per input, errors on their own items',
		async () => {
			const { holders, rows } = seedRows(300);
			const failing = new Set([0, 150, 299]);
			for (const index of failing) rows[index] = { id: `missing_${index}` };
			sandbox.sandbox.control.setLatency(50);

			const result = await sandbox.run(getHolder(), {
				input: rows,
				onError: 'continueRegularOutput',
			});

			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(300);
			expect(result.items.map((item) => item.pairedItem)).toEqual(
				rows.map((_row, index) => ({ item: index })),
			);
			result.items.forEach((item, index) => {
				if (failing.has(index))
					expect(item.json).toEqual({ error: expect.stringMatching(/not found/i) });
				else expect(item.json._id).toBe(holders[index]._id);
			});
			expect(maxInFlight()).toBeLessThanOrEqual(5);
		},
		LONG,
	);

	test.each([0, 1001, 2.5, 'many'])(
		'%p is refused naming the option, before any request',
		async (value) => {
			const { rows } = seedRows(2);

			const result = await sandbox.run(getHolder({ maxConcurrentRequests: value }), {
				input: rows,
			});

			expect(result.error?.message).toMatch(
				/Invalid "Max Concurrent Requests": expected a whole number from 1 to 1000/,
			);
			expect(ownRequests()).toHaveLength(0);
		},
	);
});

describe('a 429 slows every request of the client', () => {
	test('the others wait for the same Retry-After before their next attempt', async () => {
		const { holders, rows } = seedRows(40);
		sandbox.sandbox.control.setLatency(50);
		sandbox.sandbox.control.injectFault({
			path: '/getHolderById',
			kind: 'status',
			status: 429,
			retryAfter: 1,
			skip: 7,
		});

		const result = await sandbox.run(getHolder(), { input: rows });

		expect(result.error).toBeUndefined();
		expectInOrderAndPaired(
			result.items,
			holders.map((holder) => holder._id),
		);
		const requests = ownRequests();
		expect(requests).toHaveLength(41);
		const limited = requests.find((request) => request.status === 429) as LoggedRequest;
		// Requests already sent when the 429 went out may arrive just after it (the latency is
		// 50 ms); nothing new is sent until Retry-After has passed.
		const quiet = requests.filter(
			(request) => request.at > limited.at + 150 && request.at < limited.at + 950,
		);
		expect(quiet).toEqual([]);
		const resumed = requests.filter((request) => request.at >= limited.at + 950);
		expect(resumed.length).toBeGreaterThanOrEqual(25);
	});
});

describe('Max Requests per Minute (credential)', () => {
	test('three executions at once share one budget: 120 per minute means one request every 0.5 s', async () => {
		const { rows } = seedRows(4);
		const credentials = { ...sandbox.credentials, maxRequestsPerMinute: 120 };
		const logger = engineLogger();
		const info = jest.spyOn(logger, 'info');
		try {
			const runs = await Promise.all(
				[0, 1, 2].map(async () => await sandbox.run(getHolder(), { input: rows, credentials })),
			);

			for (const run of runs)
				expect(jsonOf(run).map((json) => json._id)).toEqual(rows.map((row) => row.id));
			const times = arrivals();
			expect(times).toHaveLength(12);
			// Sent 500 ms apart: any 1 s holds at most 3 and any 2 s at most 5, so any 60 s window
			// at most 120. (Windows rather than single gaps: the sandbox shares this busy process,
			// so an arrival can be stamped a little late.)
			const most = (ms: number) =>
				Math.max(
					...times.map(
						(start) => times.filter((time) => time >= start && time < start + ms).length,
					),
				);
			expect(most(1000)).toBeLessThanOrEqual(3);
			expect(most(2000)).toBeLessThanOrEqual(5);
			const perMinute = ((times.length - 1) / (times[times.length - 1] - times[0])) * 60_000;
			// The measured rate: the limit, within the arrival jitter of the first and last request.
			expect(perMinute).toBeLessThanOrEqual(126);
			expect(perMinute).toBeGreaterThan(100);

			const lines = info.mock.calls.map(([message]) => String(message));
			expect(
				lines.some((line) =>
					/waits \d+\.\d+ s for the credential's Max Requests per Minute \(120 for client "/.test(
						line,
					),
				),
			).toBe(true);
			for (const line of lines) expect(line).not.toContain(sandbox.account.secretKey);
		} finally {
			info.mockRestore();
		}
	});

	test('no limit set: no waiting beyond the latency, nothing logged about it', async () => {
		const { rows } = seedRows(30);
		sandbox.sandbox.control.setLatency(20);
		const info = jest.spyOn(engineLogger(), 'info');
		try {
			const result = await sandbox.run(getHolder({ maxConcurrentRequests: 1 }), { input: rows });

			expect(result.items).toHaveLength(30);
			const times = arrivals();
			const gaps = times.slice(1).map((time, index) => time - times[index]);
			// One at a time: a gap is the 20 ms latency plus the round trip, never a wait of the
			// limiter (the median, since a busy machine can stall any single request).
			const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
			expect(median).toBeLessThan(100);
			expect(
				info.mock.calls.map(([message]) => String(message)).filter((line) => /MyPit/.test(line)),
			).toEqual([]);
		} finally {
			info.mockRestore();
		}
	});

	test('a bad limit is refused naming the credential field, before any request', async () => {
		const { rows } = seedRows(1);

		const result = await sandbox.run(getHolder(), {
			input: rows,
			credentials: { ...sandbox.credentials, maxRequestsPerMinute: -5 },
		});

		expect(result.error?.message).toMatch(
			/Invalid "Max Requests per Minute": expected a whole number from 1 to 100000 in the MyPit credential/,
		);
		expect(ownRequests()).toHaveLength(0);
	});
});
