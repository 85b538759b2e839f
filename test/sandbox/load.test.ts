import { startSandbox, type Sandbox } from '../../sandbox';
import { control, expectError, post, request } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const hello = (account = sb.demo) => request(sb, 'GET', '/hello', { account });

describe('requests in flight', () => {
	it('reports the most requests held at once, overall and per account', async () => {
		// Long enough that all five overlap even on a busy machine.
		sb.control.setLatency(1000);
		const other = sb.control.createAccount();
		await Promise.all([hello(), hello(), hello(), hello(other), hello(other)]);
		await hello();
		const report = sb.control.inFlight();
		expect(report).toEqual({
			maxInFlight: 5,
			inFlight: 0,
			accounts: {
				[sb.demo.clientId]: { maxInFlight: 3, inFlight: 0 },
				[other.clientId]: { maxInFlight: 2, inFlight: 0 },
			},
		});
	});

	it('counts one at a time as one, and requests without credentials under ""', async () => {
		sb.control.setLatency(20);
		for (let i = 0; i < 3; i++) await hello();
		await request(sb, 'GET', '/hello', { account: null });
		expect(sb.control.inFlight()).toEqual({
			maxInFlight: 1,
			inFlight: 0,
			accounts: {
				[sb.demo.clientId]: { maxInFlight: 1, inFlight: 0 },
				'': { maxInFlight: 1, inFlight: 0 },
			},
		});
	});

	it('GET /__sandbox/in-flight reports, DELETE starts the maxima again', async () => {
		sb.control.setLatency(1000);
		await Promise.all([hello(), hello()]);
		expect((await control(sb, 'GET', '/in-flight')).body).toMatchObject({
			maxInFlight: 2,
			inFlight: 0,
		});
		const cleared = await control(sb, 'DELETE', '/in-flight');
		expect(cleared.body).toEqual({ maxInFlight: 0, inFlight: 0, accounts: {} });
	});

	it('control requests are not counted', async () => {
		await Promise.all([control(sb, 'GET', '/demo'), control(sb, 'GET', '/log')]);
		expect(sb.control.inFlight().maxInFlight).toBe(0);
	});
});

describe('latency', () => {
	it('delays every API request by the configured time; 0 by default', async () => {
		expect(sb.control.getLatency()).toBe(0);
		sb.control.setLatency(200);
		const started = Date.now();
		const reply = await post(sb, '/getHolders', {
			userId: sb.demo.userId,
			paginationOpts: { numItems: 1 },
		});
		expect(reply.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('POST /__sandbox/latency sets it, GET reads it, bad values are refused, reset clears it', async () => {
		expect((await control(sb, 'POST', '/latency', { latencyMs: 50 })).body).toEqual({
			latencyMs: 50,
		});
		expect((await control(sb, 'GET', '/latency')).body).toEqual({ latencyMs: 50 });
		expectError(await control(sb, 'POST', '/latency', { latencyMs: -1 }), 400, /latencyMs/);
		expectError(await control(sb, 'POST', '/latency', { latencyMs: '50' }), 400, /latencyMs/);
		expectError(await control(sb, 'POST', '/latency', { latency: 5 }), 400, /latency/);
		await control(sb, 'POST', '/reset');
		expect((await control(sb, 'GET', '/latency')).body).toEqual({ latencyMs: 0 });
	});

	it('startSandbox({ latencyMs }) sets it from the start', async () => {
		const slow = await startSandbox({ quiet: true, latencyMs: 120 });
		try {
			const started = Date.now();
			await request(slow, 'GET', '/hello');
			expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		} finally {
			await slow.close();
		}
	});
});
