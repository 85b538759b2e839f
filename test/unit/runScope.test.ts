import { createRunScope } from '../../nodes/MyPit/execution/scope';
import { clientGate } from '../../nodes/MyPit/transport/requestGate';

beforeEach(() => jest.useFakeTimers({ now: 5_000_000 }));
afterEach(() => jest.useRealTimers());

const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit' } as never;

function contextWith(options: { continueOnFail?: boolean; signal?: AbortSignal } = {}) {
	const lines: string[] = [];
	const context: Parameters<typeof createRunScope>[0] = {
		getNode: () => node,
		logger: { info: (message: string) => lines.push(message) } as never,
		continueOnFail: () => options.continueOnFail ?? false,
		getExecutionCancelSignal: () => options.signal,
		helpers: { httpRequest: async () => ({}) } as never,
	};
	return { context, lines };
}

/** Starts `count` sends through `gate` that finish when the test says; returns how many started. */
function holdSends(gate: ReturnType<typeof clientGate>, count: number) {
	let started = 0;
	const finishers: Array<() => void> = [];
	const sends = Array.from(
		{ length: count },
		async () =>
			await gate.send(async () => {
				started += 1;
				await new Promise<void>((resolve) => finishers.push(resolve));
			}),
	);
	return {
		started: () => started,
		finishAll: async () => {
			while (finishers.length > 0) {
				finishers.splice(0).forEach((finish) => finish());
				await jest.advanceTimersByTimeAsync(10);
			}
			await Promise.all(sends);
		},
	};
}

describe('createRunScope', () => {
	test('carries the node, credential, Continue On Fail and cancel signal of the run', () => {
		const signal = new AbortController().signal;
		const credentials = { clientId: 'c', secretKey: 's', baseUrl: 'https://api.example.com' };
		const { context } = contextWith({ continueOnFail: true, signal });
		const run = createRunScope(context, credentials);
		expect(run.node).toBe(node);
		expect(run.credentials).toBe(credentials);
		expect(run.continueOnFail).toBe(true);
		expect(run.cancelSignal).toBe(signal);
		expect(run.n8n.helpers).toBe(context.helpers);
		expect(run.n8n.logger).toBe(context.logger);
		expect(run.n8n.getNode()).toBe(node);
		expect(createRunScope(contextWith().context, credentials).continueOnFail).toBe(false);
	});

	test('a context without a cancel signal (n8n 1.x polls) gives none', () => {
		const { context } = contextWith();
		const run = createRunScope({ ...context, getExecutionCancelSignal: undefined as never }, {});
		expect(run.cancelSignal).toBeUndefined();
	});

	test('once() computes a value once per key for all items, even when they ask at the same time', async () => {
		const run = createRunScope(contextWith().context, {});
		let computed = 0;
		const compute = async () => `value ${++computed}`;
		const values = await Promise.all([run.once('a', compute), run.once('a', compute)]);
		expect(values).toEqual(['value 1', 'value 1']);
		expect(await run.once('a', compute)).toBe('value 1');
		expect(await run.once('b', compute)).toBe('value 2');
		expect(computed).toBe(2);
	});

	test('the run has one gate; the first item to ask sets its concurrency', async () => {
		const run = createRunScope(contextWith().context, {
			clientId: 'run-scope-gate',
			baseUrl: 'https://api.example.com',
		});
		const gate = run.gate(2);
		expect(run.gate(10)).toBe(gate);
		const sends = holdSends(gate, 3);
		await jest.advanceTimersByTimeAsync(0);
		expect(sends.started()).toBe(2);
		await sends.finishAll();
		expect(sends.started()).toBe(3);
	});
});

describe('clientGate', () => {
	test('the credential’s Max Requests per Minute spaces the sends of its client', async () => {
		const { context } = contextWith();
		const gate = clientGate(
			{ getNode: context.getNode, logger: context.logger },
			{ clientId: 'limited-client', baseUrl: 'https://api.example.com', maxRequestsPerMinute: 600 },
			5,
		);
		const startedAt: number[] = [];
		const sends = [1, 2].map(async () => await gate.send(async () => startedAt.push(Date.now())));
		await jest.advanceTimersByTimeAsync(200);
		await Promise.all(sends);
		expect(startedAt).toEqual([5_000_000, 5_000_100]);
	});

	test('gates of one client (same Base URL and client ID) share a 429 pause; other clients do not', async () => {
		const { context, lines } = contextWith();
		const gateContext = { getNode: context.getNode, logger: context.logger };
		const one = clientGate(gateContext, { clientId: 'shared', baseUrl: 'https://a.example/' }, 5);
		const same = clientGate(gateContext, { clientId: 'shared', baseUrl: 'https://a.example' }, 5);
		const other = clientGate(gateContext, { clientId: 'other', baseUrl: 'https://a.example' }, 5);
		one.pauseClient(1000, 'POST /getHolders', undefined);
		expect(lines[0]).toContain('every request of client "shared" waits 1.00 s');
		const startedAt: Record<string, number> = {};
		const sends = [
			same.send(async () => (startedAt.same = Date.now())),
			other.send(async () => (startedAt.other = Date.now())),
		];
		await jest.advanceTimersByTimeAsync(1000);
		await Promise.all(sends);
		expect(startedAt).toEqual({ same: 5_001_000, other: 5_000_000 });
	});

	test('the gate bounds its own concurrency; the rate limit is logged with the credential’s client ID', async () => {
		const { context, lines } = contextWith();
		const gate = clientGate(
			{ getNode: context.getNode, logger: context.logger },
			{ clientId: 'narrow-client', baseUrl: 'https://b.example', maxRequestsPerMinute: 60_000 },
			1,
		);
		const sends = holdSends(gate, 2);
		await jest.advanceTimersByTimeAsync(0);
		expect(sends.started()).toBe(1);
		await sends.finishAll();
		expect(sends.started()).toBe(2);
		expect(lines).toEqual([expect.stringContaining('(60000 for client "narrow-client")')]);
	});

	test('a credential without a client ID or Base URL still gets a gate; a bad limit is refused', async () => {
		const { context, lines } = contextWith();
		const gateContext = { getNode: context.getNode, logger: context.logger };
		const gate = clientGate(gateContext, {}, 1);
		await expect(gate.send(async () => 'sent')).resolves.toBe('sent');
		gate.pauseClient(10, 'GET /hello', undefined);
		expect(lines).toEqual([expect.stringContaining('every request of client "" waits')]);
		expect(() => clientGate(gateContext, { clientId: 'x', maxRequestsPerMinute: -5 }, 1)).toThrow(
			'Invalid "Max Requests per Minute": expected a whole number from 1 to 100000 in the MyPit credential, or empty for no limit, got number -5',
		);
	});

	test('a missing and an empty Base URL are the same client', async () => {
		const { context } = contextWith();
		const gateContext = { getNode: context.getNode, logger: context.logger };
		const missing = clientGate(gateContext, { clientId: 'no-base-url' }, 1);
		const empty = clientGate(gateContext, { clientId: 'no-base-url', baseUrl: '' }, 1);
		missing.pauseClient(1000, 'GET /hello', undefined);
		let startedAt: number | undefined;
		const sent = empty.send(async () => (startedAt = Date.now()));
		await jest.advanceTimersByTimeAsync(1000);
		await sent;
		expect(startedAt).toBe(5_001_000);
	});
});
