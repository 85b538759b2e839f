import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { expectError, holderBody, post } from './helpers';

let sb: Sandbox;
let other: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	other = sb.control.createAccount({ userId: 'other-user' });
});

async function create(data: Record<string, unknown> = {}) {
	const reply = await post(sb, '/createHolder', holderBody(sb.demo, data));
	expect(reply.status).toBe(200);
	return reply.body;
}

const get = (holderId: string, account?: Account) =>
	post(sb, '/getHolderById', { userId: (account ?? sb.demo).userId, holderId }, { account });

describe('POST /createHolder', () => {
	it('stores the holder and answers the stored record', async () => {
		const before = Date.now();
		const holder = await create({ memo: 'VIP' });
		expect(holder).toEqual({
			_id: expect.stringMatching(/^hold_/),
			name: 'John Doe',
			email: 'john@example.com',
			phone: '+1234567890',
			ownerId: 'demo-user',
			holderDid: 'did:ethr:0x456',
			issuerDid: 'did:mypit:demo-issuer',
			holderId: 'holder789',
			memo: 'VIP',
			createdAt: expect.any(Number),
		});
		expect(holder.createdAt).toBeGreaterThanOrEqual(before);
		expect(holder._id).not.toBe(holder.holderId);
		expect((await get(holder._id)).body).toEqual(holder);
	});

	it('memo is optional and absent from the record when not given', async () => {
		const holder = await create();
		expect('memo' in holder).toBe(false);
	});

	it('403 when issuerId is not the authenticated user', async () => {
		const body = holderBody(sb.demo, { ownerId: 'other-user' }, { issuerId: 'other-user' });
		expectError(await post(sb, '/createHolder', body), 403, /"issuerId"/);
	});

	it('403 naming data.ownerId when it differs from issuerId', async () => {
		expectError(
			await post(sb, '/createHolder', holderBody(sb.demo, { ownerId: 'other-user' })),
			403,
			/"data\.ownerId"/,
		);
	});

	it.each([
		['a nested unknown field', { foo: 'bar' }, {}, /^Unexpected field "data\.foo"$/],
		['a top-level unknown field', {}, { userId: 'demo-user' }, /^Unexpected field "userId"$/],
		[
			'a malformed email',
			{ email: 'john.example.com' },
			{},
			/^Field "data\.email" must be a valid email address$/,
		],
		[
			'an email with spaces',
			{ email: 'john doe@example.com' },
			{},
			/"data\.email" must be a valid email/,
		],
		[
			'an email without domain dot',
			{ email: 'john@localhost' },
			{},
			/"data\.email" must be a valid email/,
		],
		['a numeric phone', { phone: 1234567 }, {}, /^Field "data\.phone" must be a string$/],
		['an empty name', { name: '   ' }, {}, /"data\.name".*non-empty/],
		['a memo that is not a string', { memo: 5 }, {}, /^Field "data\.memo" must be a string$/],
		['data as a string', {}, { data: 'x' }, /^Field "data" must be an object$/],
		['an empty issuerDid', {}, { issuerDid: '' }, /"issuerDid".*non-empty/],
	])('400 for %s', async (_label, data, top, message) => {
		expectError(await post(sb, '/createHolder', holderBody(sb.demo, data, top)), 400, message);
	});

	it.each(['name', 'email', 'phone', 'ownerId', 'holderDid', 'holderId'])(
		'400 when data.%s is missing',
		async (field) => {
			const body = holderBody(sb.demo) as { data: Record<string, unknown> };
			delete body.data[field];
			expectError(
				await post(sb, '/createHolder', body),
				400,
				new RegExp(`^Missing required field "data\\.${field}"$`),
			);
		},
	);

	it.each(['issuerDid', 'issuerId', 'data'])('400 when %s is missing', async (field) => {
		const body = holderBody(sb.demo);
		delete body[field];
		expectError(
			await post(sb, '/createHolder', body),
			400,
			new RegExp(`^Missing required field "${field}"$`),
		);
	});
});

describe('POST /getHolderById', () => {
	it('404 for an unknown id, 403 for another owner holder', async () => {
		const theirs = sb.control.seedHolders('other-user', 1)[0];
		expectError(await get('hold_missing'), 404, /^Holder not found$/);
		expectError(await get(theirs._id), 403, /^Insufficient permissions/);
		expect((await get(theirs._id, other)).body._id).toBe(theirs._id);
	});

	it('uses holderId (lowercase d); holderID is an unexpected field here', async () => {
		const holder = await create();
		const reply = await post(sb, '/getHolderById', { userId: 'demo-user', holderID: holder._id });
		expectError(reply, 400, /^Unexpected field "holderID"$/);
	});

	it('looks holders up by server _id, not by the client holderId', async () => {
		await create({ holderId: 'external-1' });
		expectError(await get('external-1'), 404);
	});

	it('403 for a foreign userId', async () => {
		const holder = await create();
		expectError(
			await post(sb, '/getHolderById', { userId: 'other-user', holderId: holder._id }),
			403,
		);
	});
});

describe('POST /updateHolder', () => {
	it('replaces name, email and phone and answers {_id}', async () => {
		const holder = await create({ memo: 'keep me' });
		const data = { name: 'Jane Roe', email: 'jane@example.org', phone: '+4912345' };
		const reply = await post(sb, '/updateHolder', {
			holderID: holder._id,
			issuerId: 'demo-user',
			data,
		});
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ _id: holder._id });
		expect((await get(holder._id)).body).toEqual({ ...holder, ...data });
	});

	it.each([
		['holderId instead of holderID', { holderId: 'X' }, /^Unexpected field "holderId"$/],
		[
			'a bad email',
			{ data: { name: 'A', email: 'nope', phone: '1' } },
			/"data\.email" must be a valid email/,
		],
		[
			'a missing phone',
			{ data: { name: 'A', email: 'a@b.co' } },
			/^Missing required field "data\.phone"$/,
		],
		[
			'an extra data field',
			{ data: { name: 'A', email: 'a@b.co', phone: '1', memo: 'm' } },
			/^Unexpected field "data\.memo"$/,
		],
	])('400 for %s', async (_label, patch, message) => {
		const holder = await create();
		const body: Record<string, unknown> = {
			holderID: holder._id,
			issuerId: 'demo-user',
			data: { name: 'A', email: 'a@b.co', phone: '1' },
			...patch,
		};
		expectError(await post(sb, '/updateHolder', body), 400, message);
		expect((await get(holder._id)).body.name).toBe('John Doe');
	});

	it('404 unknown, 403 other owner, 403 foreign issuerId', async () => {
		const theirs = sb.control.seedHolders('other-user', 1)[0];
		const data = { name: 'A', email: 'a@b.co', phone: '1' };
		expectError(
			await post(sb, '/updateHolder', { holderID: 'hold_x', issuerId: 'demo-user', data }),
			404,
			/^Holder not found$/,
		);
		expectError(
			await post(sb, '/updateHolder', { holderID: theirs._id, issuerId: 'demo-user', data }),
			403,
		);
		expectError(
			await post(sb, '/updateHolder', { holderID: theirs._id, issuerId: 'other-user', data }),
			403,
		);
		expect((await get(theirs._id, other)).body.name).toBe(theirs.name);
	});
});

describe('POST /deleteHolder', () => {
	it('deletes and answers {success: true}', async () => {
		const holder = await create();
		const reply = await post(sb, '/deleteHolder', { holderID: holder._id, issuerId: 'demo-user' });
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ success: true });
		expectError(await get(holder._id), 404);
		expectError(
			await post(sb, '/deleteHolder', { holderID: holder._id, issuerId: 'demo-user' }),
			404,
		);
	});

	it('403 for another owner holder, which survives; 400 for a missing holderID', async () => {
		const theirs = sb.control.seedHolders('other-user', 1)[0];
		expectError(
			await post(sb, '/deleteHolder', { holderID: theirs._id, issuerId: 'demo-user' }),
			403,
		);
		expect((await get(theirs._id, other)).status).toBe(200);
		expectError(
			await post(sb, '/deleteHolder', { issuerId: 'demo-user' }),
			400,
			/^Missing required field "holderID"$/,
		);
	});
});

describe('POST /getHolders', () => {
	it('lists the owner holders in creation order with full records', async () => {
		const a = await create({ name: 'A' });
		sb.control.seedHolders('other-user', 2);
		const b = await create({ name: 'B', email: 'b@example.com' });
		const reply = await post(sb, '/getHolders', {
			userId: 'demo-user',
			paginationOpts: { numItems: 50, cursor: null },
		});
		expect(reply.status).toBe(200);
		expect(reply.body.page).toEqual([a, b]);
		expect(reply.body.hasMore).toBe(false);
	});

	it('403 for a foreign userId, 400 for a missing paginationOpts', async () => {
		expectError(
			await post(sb, '/getHolders', { userId: 'other-user', paginationOpts: { numItems: 5 } }),
			403,
		);
		expectError(
			await post(sb, '/getHolders', { userId: 'demo-user' }),
			400,
			/^Missing required field "paginationOpts"$/,
		);
	});
});
