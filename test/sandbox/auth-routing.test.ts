import { startSandbox, type Sandbox } from '../../sandbox';
import { expectError, post, request } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

describe('GET /hello', () => {
	it('answers the documented message to an authenticated client', async () => {
		const reply = await request(sb, 'GET', '/hello');
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
		expect(reply.body).toEqual({ message: 'Hello, from MyPit!' });
	});

	it('has a url without trailing slash and the documented demo account', () => {
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.demo).toEqual({
			clientId: 'demo-client-id',
			secretKey: 'demo-secret-key',
			userId: 'demo-user',
			issuerDid: 'did:mypit:demo-issuer',
		});
	});

	it('treats header names case-insensitively', async () => {
		const reply = await request(sb, 'GET', '/hello', {
			account: null,
			headers: { CLIENTID: sb.demo.clientId, secretkey: sb.demo.secretKey },
		});
		expect(reply.status).toBe(200);
	});
});

describe('authentication', () => {
	it.each([
		['no headers', {}],
		['no secretKey', { clientId: 'demo-client-id' }],
		['no clientId', { secretKey: 'demo-secret-key' }],
		['empty clientId', { clientId: '', secretKey: 'demo-secret-key' }],
		['whitespace secretKey', { clientId: 'demo-client-id', secretKey: '   ' }],
	])('400 with %s', async (_label, headers) => {
		const reply = await request(sb, 'GET', '/hello', { account: null, headers });
		expectError(reply, 400, /^Missing clientId or secretKey$/);
	});

	it('401 for a wrong secret and for an unknown client', async () => {
		const wrongSecret = await request(sb, 'GET', '/hello', {
			account: { ...sb.demo, secretKey: 'nope' },
		});
		expectError(wrongSecret, 401, /^Invalid clientId or secretKey$/);
		const unknownClient = await post(
			sb,
			'/getHolders',
			{ userId: 'demo-user', paginationOpts: { numItems: 1 } },
			{
				account: { ...sb.demo, clientId: 'who-is-this' },
			},
		);
		expectError(unknownClient, 401, /^Invalid clientId or secretKey$/);
	});

	it('accepts an account created through the control', async () => {
		const account = sb.control.createAccount();
		expect(account.clientId).not.toBe(sb.demo.clientId);
		const reply = await post(
			sb,
			'/getHolders',
			{ userId: account.userId, paginationOpts: { numItems: 5 } },
			{ account },
		);
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ page: [], hasMore: false, cursor: expect.any(String) });
	});

	it('refuses a closed account with 401', async () => {
		const account = sb.control.createAccount();
		sb.control.seedHolders(account.userId, 2);
		const list = () =>
			post(
				sb,
				'/getHolders',
				{ userId: account.userId, paginationOpts: { numItems: 5 } },
				{ account },
			);
		expect((await list()).status).toBe(200);

		sb.control.closeAccount(account.clientId);

		expectError(await list(), 401, /^Invalid clientId or secretKey$/);
		expect(() => sb.control.closeAccount(account.clientId)).toThrow(/No account with clientId/);
	});

	it('checks credentials before the body', async () => {
		const reply = await post(sb, '/getHolders', undefined, {
			account: { ...sb.demo, secretKey: 'x' },
			raw: '{not json',
		});
		expectError(reply, 401);
	});
});

describe('routing and bodies', () => {
	it('404 for an unknown route, even unauthenticated', async () => {
		expectError(await post(sb, '/getTemplates', {}), 404);
		expectError(await request(sb, 'GET', '/', { account: null }), 404);
		expectError(await request(sb, 'GET', '/Hello'), 404);
	});

	it('405 for a wrong method, with an Allow header', async () => {
		const getOnPost = await request(sb, 'GET', '/getHolders');
		expectError(getOnPost, 405);
		expect(getOnPost.headers.get('allow')).toBe('POST');
		const postOnGet = await post(sb, '/hello', {});
		expectError(postOnGet, 405);
		expect(postOnGet.headers.get('allow')).toBe('GET');
		expectError(await request(sb, 'DELETE', '/createHolder'), 405);
	});

	it.each([
		['malformed JSON', '{"userId": "demo-user",'],
		['an empty body', ''],
		['plain text', 'hello'],
	])('400 Invalid JSON body for %s', async (_label, raw) => {
		expectError(await post(sb, '/getHolders', undefined, { raw }), 400, /^Invalid JSON body$/);
	});

	it.each([
		['an array', '[]'],
		['a string', '"x"'],
		['null', 'null'],
		['a number', '42'],
	])('400 when the JSON body is %s instead of an object', async (_label, raw) => {
		expectError(await post(sb, '/getHolders', undefined, { raw }), 400, /must be a JSON object/);
	});

	it('ignores the query string when routing', async () => {
		const reply = await request(sb, 'GET', '/hello?x=1');
		expect(reply.body).toEqual({ message: 'Hello, from MyPit!' });
	});
});
