import { startSandbox, type Sandbox } from '../../sandbox';
import { control, expectError, post, request, walk } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true, pageCap: 50 });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

describe('HTTP control surface', () => {
	it('GET /__sandbox/demo answers the demo account without API credentials', async () => {
		const reply = await control(sb, 'GET', '/demo');
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual(sb.demo);
	});

	it('POST /__sandbox/accounts creates a working account (random or given fields)', async () => {
		const random = await control(sb, 'POST', '/accounts', {});
		expect(random.status).toBe(201);
		expect(random.body).toEqual({
			clientId: expect.any(String),
			secretKey: expect.any(String),
			userId: expect.any(String),
			issuerDid: expect.any(String),
		});
		const hello = await request(sb, 'GET', '/hello', { account: random.body });
		expect(hello.status).toBe(200);

		const given = await control(sb, 'POST', '/accounts', {
			clientId: 'c2',
			secretKey: 's2',
			userId: 'u2',
		});
		expect(given.body).toEqual({
			clientId: 'c2',
			secretKey: 's2',
			userId: 'u2',
			issuerDid: 'did:mypit:u2',
		});
		expectError(await control(sb, 'POST', '/accounts', { clientId: 'c2' }), 400, /already exists/);
		expectError(await control(sb, 'POST', '/accounts', { clientID: 'typo' }), 400, /clientID/);
	});

	it('POST /__sandbox/seed creates records visible through the API', async () => {
		const reply = await control(sb, 'POST', '/seed', {
			userId: 'demo-user',
			templates: 2,
			holders: 3,
			badges: 4,
		});
		expect(reply.status).toBe(200);
		expect(reply.body.counts).toEqual({ templates: 2, holders: 3, badges: 4 });
		expect(reply.body.holders).toHaveLength(3);
		const holders = (await walk(sb, '/getHolders', 'demo-user', 10)).flatMap((p) => p.page);
		expect(holders.map((h) => h._id)).toEqual(reply.body.holders);
		const badges = (await walk(sb, '/getIssuedBadges', 'demo-user', 10)).flatMap((p) => p.page);
		expect(badges.map((b) => b._id)).toEqual(reply.body.badges);
		expect(badges.every((b) => b.templateId === reply.body.templates[0])).toBe(true);
		expect(badges.map((b) => b.recipientId)).toEqual([
			...reply.body.holders,
			reply.body.holders[0],
		]);
	});

	it('seed accepts object specs (template overrides, badge expiry in days)', async () => {
		const reply = await control(sb, 'POST', '/seed', {
			userId: 'demo-user',
			templates: { count: 1, overrides: { name: 'Gold', type: 'finance', price: 5 } },
			badges: { count: 2, expiresInDays: -1 },
		});
		expect(reply.status).toBe(200);
		const template = await post(sb, '/getASingleBadgeTemplate', {
			userId: 'demo-user',
			templateId: reply.body.templates[0],
		});
		expect(template.body).toMatchObject({
			name: 'Gold',
			type: 'finance',
			price: 5,
			ownerId: 'demo-user',
		});
		const badges = (await walk(sb, '/getIssuedBadges', 'demo-user', 10)).flatMap((p) => p.page);
		expect(badges.map((b) => b.status)).toEqual(['expired', 'expired']);
		expectError(
			await control(sb, 'POST', '/seed', { userId: 'demo-user', widgets: 1 }),
			400,
			/widgets/,
		);
		expectError(await control(sb, 'POST', '/seed', { templates: 1 }), 400, /userId/);
		expectError(
			await control(sb, 'POST', '/seed', { userId: 'demo-user', holders: -1 }),
			400,
			/count/,
		);
	});

	it('POST/GET/DELETE /__sandbox/faults', async () => {
		const queued = await control(sb, 'POST', '/faults', [
			{ path: '/hello', kind: 'status', status: 503, retryAfter: 2 },
			{ path: '/hello', kind: 'non-json' },
		]);
		expect(queued.status).toBe(201);
		expect(queued.body.queued).toHaveLength(2);
		expect(
			(await control(sb, 'GET', '/faults')).body.faults.map((f: { kind: string }) => f.kind),
		).toEqual(['status', 'non-json']);
		const first = await request(sb, 'GET', '/hello');
		expectError(first, 503);
		expect(first.headers.get('retry-after')).toBe('2');
		expect((await request(sb, 'GET', '/hello')).headers.get('content-type')).toMatch(/text\/html/);

		await control(sb, 'POST', '/faults', { path: '*', kind: 'status', status: 500, times: 5 });
		expect((await control(sb, 'DELETE', '/faults')).status).toBe(200);
		expect((await request(sb, 'GET', '/hello')).status).toBe(200);
	});

	it('a batch with one bad fault queues nothing', async () => {
		const reply = await control(sb, 'POST', '/faults', [
			{ path: '/hello', kind: 'drop' },
			{ path: '/hello', kind: 'melt' },
		]);
		expectError(reply, 400, /kind/);
		expect((await control(sb, 'GET', '/faults')).body.faults).toEqual([]);
	});

	it('GET/DELETE /__sandbox/log: API requests only, control requests are not logged', async () => {
		await request(sb, 'GET', '/hello');
		await control(sb, 'GET', '/config');
		await post(sb, '/getHolders', { userId: 'demo-user', paginationOpts: { numItems: 0 } });
		const log = await control(sb, 'GET', '/log');
		expect(log.status).toBe(200);
		expect(
			log.body.requests.map((e: { path: string; status: number }) => [e.path, e.status]),
		).toEqual([
			['/hello', 200],
			['/getHolders', 400],
		]);
		expect(log.body.requests[1].body).toEqual({
			userId: 'demo-user',
			paginationOpts: { numItems: 0 },
		});
		await control(sb, 'DELETE', '/log');
		expect((await control(sb, 'GET', '/log')).body.requests).toEqual([]);
	});

	it('POST /__sandbox/config changes page cap, behaviour and cursor rule; bad values change nothing', async () => {
		expect((await control(sb, 'GET', '/config')).body).toEqual({
			pageCap: 50,
			paginationBehaviour: 'normal',
			cursorRule: 'optional',
		});
		sb.control.seedHolders('demo-user', 5);
		const set = await control(sb, 'POST', '/config', { pageCap: 2, cursorRule: 'null-required' });
		expect(set.body).toEqual({
			pageCap: 2,
			paginationBehaviour: 'normal',
			cursorRule: 'null-required',
		});
		const page = await post(sb, '/getHolders', {
			userId: 'demo-user',
			paginationOpts: { numItems: 10, cursor: null },
		});
		expect(page.body.page).toHaveLength(2);
		expectError(
			await post(sb, '/getHolders', { userId: 'demo-user', paginationOpts: { numItems: 10 } }),
			400,
		);

		expectError(
			await control(sb, 'POST', '/config', { pageCap: 3, paginationBehaviour: 'chaos' }),
			400,
			/paginationBehaviour/,
		);
		expectError(await control(sb, 'POST', '/config', { pageCap: 0 }), 400, /pageCap/);
		expectError(await control(sb, 'POST', '/config', { pagecap: 3 }), 400, /pagecap/);
		expect((await control(sb, 'GET', '/config')).body).toEqual({
			pageCap: 2,
			paginationBehaviour: 'normal',
			cursorRule: 'null-required',
		});

		await control(sb, 'POST', '/config', { paginationBehaviour: 'empty-pages' });
		const empty = await post(sb, '/getHolders', {
			userId: 'demo-user',
			paginationOpts: { numItems: 10, cursor: null },
		});
		expect(empty.body.page).toEqual([]);
		expect(empty.body.hasMore).toBe(true);
	});

	it('POST /__sandbox/reset drops data, accounts, faults, log and config but keeps the demo account', async () => {
		const account = (await control(sb, 'POST', '/accounts', {})).body;
		await control(sb, 'POST', '/seed', { userId: 'demo-user', holders: 3 });
		await control(sb, 'POST', '/config', { pageCap: 1, cursorRule: 'string-only' });
		await control(sb, 'POST', '/faults', { path: '/getHolders', kind: 'status', status: 500 });
		await request(sb, 'GET', '/hello');

		expect((await control(sb, 'POST', '/reset')).body).toEqual({ reset: true });

		expect(sb.control.requestLog()).toEqual([]);
		expect(sb.control.getConfig()).toEqual({
			pageCap: 50,
			paginationBehaviour: 'normal',
			cursorRule: 'optional',
		});
		const list = await post(sb, '/getHolders', {
			userId: 'demo-user',
			paginationOpts: { numItems: 10, cursor: null },
		});
		expect(list.status).toBe(200);
		expect(list.body.page).toEqual([]);
		expectError(await request(sb, 'GET', '/hello', { account }), 401);
		expect(sb.control.requestLog()[0].seq).toBe(1);
	});

	it('unknown control routes are 404, wrong methods 405, bad JSON 400', async () => {
		expectError(await control(sb, 'GET', '/nothing'), 404);
		expectError(await control(sb, 'GET', '/reset'), 405);
		const bad = await fetch(`${sb.url}/__sandbox/config`, { method: 'POST', body: '{nope' });
		expect(bad.status).toBe(400);
	});
});

describe('in-process control', () => {
	it('createAccount validates and refuses duplicates', () => {
		const a = sb.control.createAccount({ userId: 'u1' });
		expect(a.issuerDid).toBe('did:mypit:u1');
		expect(() => sb.control.createAccount({ clientId: a.clientId })).toThrow(/already exists/);
		expect(() => sb.control.createAccount({ userId: '' })).toThrow(/userId/);
	});

	it('seedTemplates applies overrides but never to _id or ownerId', async () => {
		const [t] = sb.control.seedTemplates('demo-user', 1, {
			_id: 'mine',
			ownerId: 'x',
			name: 'Override',
			backgroundColor: '#111111',
		});
		expect(t._id).not.toBe('mine');
		expect(t.ownerId).toBe('demo-user');
		const fetched = await post(sb, '/getASingleBadgeTemplate', {
			userId: 'demo-user',
			templateId: t._id,
		});
		expect(fetched.body).toEqual(t);
		expect(fetched.body.name).toBe('Override');
	});

	it('seeded holders carry the issuer DID of the account with that userId', () => {
		const [h] = sb.control.seedHolders('demo-user', 1);
		expect(h.issuerDid).toBe('did:mypit:demo-issuer');
		expect(h.ownerId).toBe('demo-user');
	});

	it('seedBadges checks the template and recipients it is given', () => {
		const [foreignTemplate] = sb.control.seedTemplates('someone-else', 1);
		expect(() =>
			sb.control.seedBadges('demo-user', 1, { templateId: foreignTemplate._id }),
		).toThrow(/template/);
		expect(() => sb.control.seedBadges('demo-user', 1, { recipientIds: ['hold_nobody'] })).toThrow(
			/recipient/,
		);
		const [h] = sb.control.seedHolders('demo-user', 1);
		const badges = sb.control.seedBadges('demo-user', 3, { recipientIds: [h._id] });
		expect(badges.map((b) => b.recipientId)).toEqual([h._id, h._id, h._id]);
	});

	it('setPageCap refuses non-positive values', () => {
		expect(() => sb.control.setPageCap(0)).toThrow();
		expect(() => sb.control.setPageCap(2.5)).toThrow();
		expect(sb.control.getConfig().pageCap).toBe(50);
	});

	it('seedDemo: false starts without the demo account', async () => {
		const bare = await startSandbox({ quiet: true, seedDemo: false });
		try {
			expectError(await request(bare, 'GET', '/hello'), 401);
			bare.control.reset();
			expectError(await request(bare, 'GET', '/hello'), 401);
		} finally {
			await bare.close();
		}
	});
});
