import { ExecutionCancelledError } from '../../nodes/MyPit/transport/cancellation';
import { ClientBudget } from '../../nodes/MyPit/transport/clientBudget';
import { RequestGate } from '../../nodes/MyPit/transport/requestGate';
import { Semaphore } from '../../nodes/MyPit/transport/semaphore';

/**
 * The gate on fake time (jest's clock drives Date.now and n8n-workflow's sleep): the waits are
 * exact and the tests take no real time.
 */
beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

const advance = async (ms: number) => await jest.advanceTimersByTimeAsync(ms);

/** What a send ends with, as a value: a mutant that changes the outcome fails the test, never the runner. */
const settle = async (sent: Promise<unknown>) =>
	await sent.then(
		(value) => ({ resolved: value }),
		(error: unknown) => error,
	);

function gateWith(options: { permits?: number; perMinute?: number } = {}) {
	const lines: Array<{ message: string; meta: unknown }> = [];
	const logger = {
		info: (message: string, meta?: unknown) => lines.push({ message, meta }),
	} as unknown as ConstructorParameters<typeof RequestGate>[0]['logger'];
	const budget = new ClientBudget();
	budget.setLimit(options.perMinute);
	const permits = new Semaphore(options.permits ?? 5);
	const gate = new RequestGate(
		{ getNode: () => ({ name: 'MyPit Node' }) as never, logger },
		permits,
		budget,
		{ clientId: 'client-7', maxRequestsPerMinute: options.perMinute },
	);
	return { gate, budget, permits, lines };
}

/** An attempt that records when it started and finishes when the test says so. */
function heldAttempt<T>(value: T) {
	const startedAt: number[] = [];
	let finish = () => {};
	const attempt = async () => {
		startedAt.push(Date.now());
		await new Promise<void>((resolve) => (finish = resolve));
		return value;
	};
	return { attempt, startedAt, finish: () => finish() };
}

describe('RequestGate', () => {
	test('no pause, no limit: the attempt runs at once', async () => {
		const { gate, lines } = gateWith();
		const held = heldAttempt('answer');
		const sent = gate.send(held.attempt);
		await advance(0);
		expect(held.startedAt).toEqual([1_000_000]);
		held.finish();
		await expect(sent).resolves.toBe('answer');
		expect(lines).toEqual([]);
	});

	test('a failed attempt returns its permit too, and its error reaches the caller', async () => {
		const { gate } = gateWith({ permits: 1 });
		await expect(
			gate.send(async () => {
				throw new Error('connection reset');
			}),
		).rejects.toThrow('connection reset');
		await expect(gate.send(async () => 'next')).resolves.toBe('next');
	});

	test('one permit: the second attempt starts only when the first has finished', async () => {
		const { gate } = gateWith({ permits: 1 });
		const first = heldAttempt(1);
		const second = heldAttempt(2);
		const sends = [gate.send(first.attempt), gate.send(second.attempt)];
		await advance(500);
		expect(second.startedAt).toEqual([]);
		first.finish();
		await advance(0);
		expect(second.startedAt).toEqual([1_000_500]);
		second.finish();
		await expect(Promise.all(sends)).resolves.toEqual([1, 2]);
	});

	test('after a 429 the client pauses: the next attempt waits out the pause, the log says why', async () => {
		const { gate, lines, budget } = gateWith();
		gate.pauseClient(1500, 'POST /getHolders', '2');
		expect(budget.pauseLeft(1_000_000)).toBe(1500);
		const held = heldAttempt('x');
		const sent = gate.send(held.attempt);
		await advance(1499);
		expect(held.startedAt).toEqual([]);
		await advance(1);
		expect(held.startedAt).toEqual([1_001_500]);
		held.finish();
		await sent;
		expect(lines).toEqual([
			{
				message:
					'MyPit answered POST /getHolders with 429 Too Many Requests: every request of client "client-7" waits 1.50 s before its next attempt, for its Retry-After (2)',
				meta: { node: 'MyPit Node' },
			},
		]);
	});

	test('a pause without Retry-After is called a backoff; 10 s and more are shown in whole seconds', () => {
		const { gate, lines } = gateWith();
		gate.pauseClient(12_400, 'POST /issueBadge', undefined);
		gate.pauseClient(9_999, 'POST /issueBadge', '');
		expect(lines.map((line) => line.message)).toEqual([
			'MyPit answered POST /issueBadge with 429 Too Many Requests: every request of client "client-7" waits 12 s before its next attempt, for a backoff (no Retry-After given)',
			'MyPit answered POST /issueBadge with 429 Too Many Requests: every request of client "client-7" waits 10.00 s before its next attempt, for a backoff (no Retry-After given)',
		]);
	});

	test('a request queued for a permit when another one meets a 429 waits for that pause too', async () => {
		const { gate } = gateWith({ permits: 1 });
		const first = heldAttempt('first');
		const second = heldAttempt('second');
		const sends = [gate.send(first.attempt), gate.send(second.attempt)];
		await advance(100);
		// The first request's answer was a 429: the client pauses before the permit passes on.
		gate.pauseClient(2000, 'POST /getHolders', undefined);
		first.finish();
		await advance(1999);
		expect(second.startedAt).toEqual([]);
		await advance(1);
		expect(second.startedAt).toEqual([1_002_100]);
		second.finish();
		await Promise.all(sends);
	});

	test('Max Requests per Minute: attempts go out one spacing apart, the first wait is logged', async () => {
		const { gate, lines } = gateWith({ perMinute: 600 }); // one every 100 ms
		const startedAt: number[] = [];
		const sends = [1, 2, 3].map(
			async () =>
				await gate.send(async () => {
					startedAt.push(Date.now());
				}),
		);
		await advance(1000);
		await Promise.all(sends);
		expect(startedAt).toEqual([1_000_000, 1_000_100, 1_000_200]);
		// Both waits fall within 10 s of the first log line: only that one is written.
		expect(lines).toEqual([
			{
				message:
					'MyPit request waits 0.10 s for the credential\'s Max Requests per Minute (600 for client "client-7"); 1 request(s) of this run have waited 0.10 s in all',
				meta: { node: 'MyPit Node' },
			},
		]);
	});

	test('rate waits are logged again from 10 s after the last line, with the count and total of all waits so far', async () => {
		const { gate, lines } = gateWith({ perMinute: 6 }); // one every 10 s
		const first = [1, 2].map(async () => await gate.send(async () => Date.now()));
		await advance(10_000);
		expect(await Promise.all(first)).toEqual([1_000_000, 1_010_000]);
		// Reserved exactly 10 s after the first line: logged. The one right after it is not.
		const later = [3, 4].map(async () => await gate.send(async () => Date.now()));
		await advance(20_000);
		expect(await Promise.all(later)).toEqual([1_020_000, 1_030_000]);
		expect(lines.map((line) => line.message)).toEqual([
			'MyPit request waits 10 s for the credential\'s Max Requests per Minute (6 for client "client-7"); 1 request(s) of this run have waited 10 s in all',
			'MyPit request waits 10 s for the credential\'s Max Requests per Minute (6 for client "client-7"); 2 request(s) of this run have waited 20 s in all',
		]);
	});

	test('a send that went out late holds the next one back, so two sends are never closer than the spacing', async () => {
		const { gate, budget } = gateWith({ perMinute: 600 });
		const first = heldAttempt('first');
		const sentFirst = gate.send(first.attempt);
		await advance(0);
		first.finish();
		await sentFirst;
		// Another request of the client went out 50 ms late, outside this gate.
		budget.reserveSlot(Date.now());
		await advance(150);
		expect(budget.confirmSend(Date.now())).toBe(0);
		const startedAt: number[] = [];
		const next = gate.send(async () => {
			startedAt.push(Date.now());
		});
		await advance(200);
		await next;
		expect(startedAt).toEqual([1_000_250]);
	});

	test('Stop while waiting for a rate slot: nothing is sent, and the slot is given back to the next request', async () => {
		const { gate, budget } = gateWith({ perMinute: 60 }); // one every second
		await gate.send(async () => 'first');
		const controller = new AbortController();
		let attempted = false;
		const stopped = gate.send(async () => {
			attempted = true;
		}, controller.signal);
		const outcome = settle(stopped);
		await advance(20);
		controller.abort();
		expect(await outcome).toBeInstanceOf(ExecutionCancelledError);
		await advance(5000);
		expect(attempted).toBe(false);
		// The next request of the client takes the stopped one's slot: one second after the first.
		expect(budget.reserveSlot(1_000_020)).toMatchObject({ slotAt: 1_001_000 });
	});

	test('Stop during a 429 pause ends the wait at once; nothing is sent', async () => {
		const { gate } = gateWith();
		gate.pauseClient(20_000, 'POST /getHolders', '20');
		const controller = new AbortController();
		let attempted = false;
		const stopped = gate.send(async () => {
			attempted = true;
		}, controller.signal);
		const outcome = settle(stopped);
		await advance(100);
		controller.abort();
		expect(await outcome).toBeInstanceOf(ExecutionCancelledError);
		await advance(30_000);
		expect(attempted).toBe(false);
	});

	test('requests queued for a permit when the execution stopped take no rate slot at all', async () => {
		const { gate, budget } = gateWith({ permits: 1, perMinute: 60 });
		const first = heldAttempt('first');
		const controller = new AbortController();
		const sentFirst = gate.send(first.attempt, controller.signal);
		await advance(0);
		let attempted = false;
		const queued = gate.send(async () => {
			attempted = true;
		}, controller.signal);
		const outcome = settle(queued);
		controller.abort();
		first.finish();
		await sentFirst;
		expect(await outcome).toBeInstanceOf(ExecutionCancelledError);
		expect(attempted).toBe(false);
		expect(budget.reserveSlot(Date.now())).toMatchObject({ slotAt: 1_001_000 });
	});
});
