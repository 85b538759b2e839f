import { startSandbox, type Sandbox } from '../../sandbox';
import { expectError, holderBody, post, request } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const hello = () => request(sb, 'GET', '/hello');
const listHolders = () =>
	post(sb, '/getHolders', { userId: 'demo-user', paginationOpts: { numItems: 100 } });
const holderCount = async () => (await listHolders()).body.page.length;

function rawPost(path: string, body: unknown): Promise<Response> {
	return fetch(`${sb.url}${path}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			clientId: sb.demo.clientId,
			secretKey: sb.demo.secretKey,
		},
		body: JSON.stringify(body),
	});
}

describe("'status' faults", () => {
	it('answer the status with {error, status} and a Retry-After header, once', async () => {
		sb.control.injectFault({ path: '/hello', kind: 'status', status: 429, retryAfter: 7 });
		const limited = await hello();
		expectError(limited, 429, /^Too many requests$/);
		expect(limited.headers.get('retry-after')).toBe('7');
		expect((await hello()).status).toBe(200);
	});

	it.each([
		[500, /^Internal server error$/],
		[502, /^Bad gateway$/],
		[503, /^Service unavailable$/],
		[504, /^Gateway timeout$/],
	])('%i has a default message and no Retry-After', async (status, message) => {
		sb.control.injectFault({ path: '/hello', kind: 'status', status });
		const reply = await hello();
		expectError(reply, status, message);
		expect(reply.headers.get('retry-after')).toBeNull();
	});

	it('use a custom message; times and skip count matching requests only', async () => {
		sb.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 503,
			message: 'down for maintenance',
			times: 2,
			skip: 1,
		});
		expect((await hello()).status).toBe(200); // other path: not counted
		expect((await listHolders()).status).toBe(200); // skipped
		expectError(await listHolders(), 503, /^down for maintenance$/);
		expectError(await listHolders(), 503);
		expect((await listHolders()).status).toBe(200);
		expect(sb.control.pendingFaults()).toEqual([]);
	});

	it("'*' matches every API path, and queued faults fire in order", async () => {
		sb.control.injectFault({ path: '*', kind: 'status', status: 500 });
		sb.control.injectFault({ path: '*', kind: 'status', status: 502 });
		expectError(await listHolders(), 500);
		expectError(await hello(), 502);
		expect((await hello()).status).toBe(200);
	});

	it('fire before processing: the write does not happen', async () => {
		sb.control.injectFault({ path: '/createHolder', kind: 'status', status: 500 });
		expectError(await post(sb, '/createHolder', holderBody(sb.demo)), 500);
		expect(await holderCount()).toBe(0);
	});

	it('with afterProcessing: the write happens, the client still gets the error', async () => {
		sb.control.injectFault({
			path: '/createHolder',
			kind: 'status',
			status: 504,
			afterProcessing: true,
		});
		expectError(await post(sb, '/createHolder', holderBody(sb.demo)), 504);
		expect(await holderCount()).toBe(1);
	});

	it('apply even to requests that would fail authentication', async () => {
		sb.control.injectFault({ path: '/hello', kind: 'status', status: 503 });
		expectError(await request(sb, 'GET', '/hello', { account: null }), 503);
	});

	it('clearFaults() empties the queue', async () => {
		sb.control.injectFault({ path: '*', kind: 'status', status: 500, times: 10 });
		expect(sb.control.pendingFaults()).toHaveLength(1);
		sb.control.clearFaults();
		expect((await hello()).status).toBe(200);
	});

	it('invalid faults are refused', () => {
		expect(() => sb.control.injectFault({ path: 'hello', kind: 'status' })).toThrow(/path/);
		expect(() => sb.control.injectFault({ path: '/hello', kind: 'explode' as never })).toThrow(
			/kind/,
		);
		expect(() => sb.control.injectFault({ path: '/hello', kind: 'status', times: 0 })).toThrow(
			/times/,
		);
		expect(sb.control.pendingFaults()).toEqual([]);
	});
});

describe("'delay' faults", () => {
	it('wait delayMs, then answer normally', async () => {
		sb.control.injectFault({ path: '/hello', kind: 'delay', delayMs: 300 });
		const started = Date.now();
		const reply = await hello();
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(reply.body).toEqual({ message: 'Hello, from MyPit!' });
		const fast = Date.now();
		await hello();
		expect(Date.now() - fast).toBeLessThan(290);
	});
});

describe("'drop' faults", () => {
	it('close the connection without any response, and do not process', async () => {
		sb.control.injectFault({ path: '/createHolder', kind: 'drop' });
		await expect(rawPost('/createHolder', holderBody(sb.demo))).rejects.toThrow();
		expect(await holderCount()).toBe(0);
		expect((await hello()).status).toBe(200);
	});

	it('with afterProcessing: the write happens before the connection is dropped', async () => {
		sb.control.injectFault({ path: '/createHolder', kind: 'drop', afterProcessing: true });
		await expect(rawPost('/createHolder', holderBody(sb.demo))).rejects.toThrow();
		expect(await holderCount()).toBe(1);
	});
});

describe("'truncate' faults", () => {
	it('send 200 + JSON content type, then cut the body halfway', async () => {
		sb.control.injectFault({ path: '/getHolders', kind: 'truncate' });
		const response = await rawPost('/getHolders', {
			userId: 'demo-user',
			paginationOpts: { numItems: 5 },
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		await expect(response.text()).rejects.toThrow();
	});

	it('with afterProcessing: the write happens and the cut body is a prefix of the real answer', async () => {
		sb.control.injectFault({ path: '/createHolder', kind: 'truncate', afterProcessing: true });
		const response = await rawPost('/createHolder', holderBody(sb.demo));
		expect(response.status).toBe(200);
		const declared = Number(response.headers.get('content-length'));
		const reader = response.body!.getReader();
		const chunks: Uint8Array[] = [];
		await expect(
			(async () => {
				for (;;) {
					const { done, value } = await reader.read();
					if (done) return;
					chunks.push(value);
				}
			})(),
		).rejects.toThrow();
		const received = Buffer.concat(chunks).toString('utf8');
		expect(received.length).toBeGreaterThan(0);
		expect(received.length).toBeLessThan(declared);
		const stored = (await listHolders()).body.page;
		expect(stored).toHaveLength(1);
		expect(JSON.stringify(stored[0]).startsWith(received)).toBe(true);
	});
});

describe("'non-json' faults", () => {
	it('answer 200 text/html', async () => {
		sb.control.injectFault({ path: '/getHolders', kind: 'non-json' });
		const reply = await listHolders();
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
		expect(reply.body).toBeUndefined();
		expect(reply.text).toMatch(/<html/i);
		expect((await listHolders()).body.page).toEqual([]);
	});
});

describe('request log', () => {
	it('records every API request in order, rejected and faulted ones included', async () => {
		sb.control.injectFault({ path: '/hello', kind: 'status', status: 503 });
		await hello();
		await request(sb, 'GET', '/hello', { account: null });
		await post(sb, '/getHolders', undefined, { raw: '{oops' });
		sb.control.injectFault({ path: '/createHolder', kind: 'drop' });
		await rawPost('/createHolder', holderBody(sb.demo)).catch(() => undefined);
		await post(sb, '/nowhere', { a: 1 });
		const log = sb.control.requestLog();
		expect(log.map((e) => [e.method, e.path, e.status, e.fault])).toEqual([
			['GET', '/hello', 503, 'status'],
			['GET', '/hello', 400, undefined],
			['POST', '/getHolders', 400, undefined],
			['POST', '/createHolder', 0, 'drop'],
			['POST', '/nowhere', 404, undefined],
		]);
		expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
		expect(log[0].headers.clientid).toBe('demo-client-id');
		expect(log[2].body).toBe('{oops');
		expect(log[4].body).toEqual({ a: 1 });
		expect(log[0].body).toBeUndefined();
		expect(log.every((e) => typeof e.at === 'number' && e.at > 0)).toBe(true);
		sb.control.clearLog();
		expect(sb.control.requestLog()).toEqual([]);
	});

	it('returns copies that cannot change the log', async () => {
		await hello();
		const first = sb.control.requestLog();
		first[0].status = 999;
		expect(sb.control.requestLog()[0].status).toBe(200);
	});
});
