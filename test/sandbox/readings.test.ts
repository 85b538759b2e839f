/* eslint-disable @typescript-eslint/no-unused-expressions -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { DEFAULT_READINGS, startSandbox, type Account, type Sandbox } from '../../sandbox';
import { parseArgs } from '../../sandbox/cli';
import { control, expectError, post } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
});

/** Issues to two of the account's holders plus one unknown ID: a partial answer. */
async function issuePartial(as: Account = account) {
	const [template] = sb.control.seedTemplates(as.userId, 1);
	const holders = sb.control.seedHolders(as.userId, 2).map((holder) => holder._id);
	const reply = await post(
		sb,
		'/issueBadge',
		{
			userId: as.userId,
			validityPeriod: 30,
			templateId: template._id,
			badgeData: {},
			recipientIds: [...holders, 'hold_unknown'],
			type: 'achievement',
		},
		{ account: as },
	);
	return { reply, holders };
}

describe('readings of the issueBadge answer', () => {
	test("default: today's answer, successful = recipient IDs, badges as IDs, details always", async () => {
		const { reply, holders } = await issuePartial();
		expect(reply.body).toEqual({
			issuedBadges: [expect.any(String), expect.any(String)],
			status: 'partial',
			details: {
				successful: holders,
				failed: [{ recipientId: 'hold_unknown', error: 'Holder not found' }],
			},
		});
		expect(sb.control.getReadings()).toEqual(DEFAULT_READINGS);
	});

	test('successful = badge IDs, issuedBadges = full records naming their recipient', async () => {
		sb.control.setReadings(
			{ issueSuccessful: 'badge-ids', issuedBadges: 'objects' },
			account.clientId,
		);
		const { reply, holders } = await issuePartial();
		const ids = reply.body.issuedBadges.map((badge: { _id: string }) => badge._id);
		expect(reply.body.details.successful).toEqual(ids);
		expect(
			reply.body.issuedBadges.map((badge: { recipientId: string }) => badge.recipientId),
		).toEqual(holders);
		expect(reply.body.issuedBadges[0]).toMatchObject({
			templateId: expect.any(String),
			issuerId: account.userId,
			status: 'active',
		});
	});

	test('issuedBadges = {_id} objects; details only when not success, or never', async () => {
		sb.control.setReadings(
			{ issuedBadges: 'id-objects', issueDetails: 'unless-success' },
			account.clientId,
		);
		const partial = await issuePartial();
		expect(partial.reply.body.issuedBadges).toEqual([
			{ _id: expect.any(String) },
			{ _id: expect.any(String) },
		]);
		expect(partial.reply.body.details).toBeDefined();
		sb.control.setReadings({ issueDetails: 'never' }, account.clientId);
		const never = await issuePartial();
		expect(Object.keys(never.reply.body).sort()).toEqual(['issuedBadges', 'status']);
	});

	test('unless-success leaves details out of a success answer', async () => {
		sb.control.setReadings({ issueDetails: 'unless-success' });
		const [template] = sb.control.seedTemplates(account.userId, 1);
		const [holder] = sb.control.seedHolders(account.userId, 1);
		const reply = await post(
			sb,
			'/issueBadge',
			{
				userId: account.userId,
				validityPeriod: 1,
				templateId: template._id,
				badgeData: {},
				recipientIds: [holder._id],
				type: 'finance',
			},
			{ account },
		);
		expect(reply.body).toEqual({ issuedBadges: [expect.any(String)], status: 'success' });
	});

	test('per-account readings leave other accounts alone; reset restores the start readings', async () => {
		const other = sb.control.createAccount();
		sb.control.setReadings({ issueSuccessful: 'badge-ids' }, account.clientId);
		expect((await issuePartial(other)).reply.body.details.successful[0]).toMatch(/^hold_/);
		expect((await issuePartial()).reply.body.details.successful[0]).toMatch(/^badge_/);
		sb.control.reset();
		expect(sb.control.getReadings(account.clientId)).toEqual(DEFAULT_READINGS);
	});
});

describe('other readings', () => {
	test('lastPageCursor: string, null or absent on the last page only', async () => {
		sb.control.seedHolders(account.userId, 3);
		const list = (cursor?: string) =>
			post(
				sb,
				'/getHolders',
				{ userId: account.userId, paginationOpts: { numItems: 2, ...(cursor ? { cursor } : {}) } },
				{ account },
			);
		sb.control.setReadings({ lastPageCursor: 'null' });
		const first = await list();
		expect(first.body).toMatchObject({ hasMore: true, cursor: expect.any(String) });
		const last = await list(first.body.cursor);
		expect(last.body).toEqual({ page: [expect.any(Object)], hasMore: false, cursor: null });
		sb.control.setReadings({ lastPageCursor: 'absent' });
		expect(Object.keys((await list(first.body.cursor)).body).sort()).toEqual(['hasMore', 'page']);
	});

	test('writeAnswer: a bare ID string or {_id} for create/update/delete', async () => {
		sb.control.setReadings({ writeAnswer: 'id-string' }, account.clientId);
		const created = await post(
			sb,
			'/createHolder',
			{
				issuerDid: account.issuerDid,
				issuerId: account.userId,
				data: {
					name: 'A',
					email: 'a@example.com',
					phone: '+1 555',
					ownerId: account.userId,
					holderDid: 'did:x:1',
					holderId: 'ext-1',
				},
			},
			{ account },
		);
		expect(created.text).toMatch(/^"hold_[^"]+"$/);
		const [template] = sb.control.seedTemplates(account.userId, 1);
		sb.control.setReadings({ writeAnswer: 'id-object' }, account.clientId);
		const deleted = await post(
			sb,
			'/deleteBadgeTemplate',
			{ userId: account.userId, templateId: template._id },
			{ account },
		);
		expect(deleted.body).toEqual({ _id: template._id });
	});

	test.each([
		['true', 'true'],
		['null', 'null'],
		['success', '{"success":true}'],
	] as const)('deleteHolderAnswer %s', async (choice, text) => {
		sb.control.setReadings({ deleteHolderAnswer: choice }, account.clientId);
		const [holder] = sb.control.seedHolders(account.userId, 1);
		const reply = await post(
			sb,
			'/deleteHolder',
			{ holderID: holder._id, issuerId: account.userId },
			{ account },
		);
		expect(reply.status).toBe(200);
		expect(reply.text).toBe(text);
	});

	test('records: sparse drops optional fields; numbers: strings', async () => {
		sb.control.setReadings({ records: 'sparse', numbers: 'strings' }, account.clientId);
		const [template] = sb.control.seedTemplates(account.userId, 1, {
			validityPeriod: 30,
			price: 5,
		});
		const reply = await post(
			sb,
			'/getASingleBadgeTemplate',
			{ userId: account.userId, templateId: template._id },
			{ account },
		);
		expect(reply.body).toMatchObject({
			validityPeriod: '30',
			price: '5',
			createdAt: String(template.createdAt),
		});
		for (const field of ['imageUrl', 'backgroundColor', 'textColor', 'isActive'])
			expect(reply.body).not.toHaveProperty(field);
		// Sparse also accepts an update without the colours, and keeps the stored ones.
		const update = await post(
			sb,
			'/updateBadgeTemplate',
			{
				userId: account.userId,
				templateId: template._id,
				data: {
					name: 'N',
					type: 'finance',
					description: 'd',
					criteria: 'c',
					validityPeriod: 3,
					price: 0,
					updatedAt: 1,
				},
			},
			{ account },
		);
		expect(update.status).toBe(200);
		sb.control.setReadings({ records: 'full' }, account.clientId);
		const full = await post(
			sb,
			'/getASingleBadgeTemplate',
			{ userId: account.userId, templateId: template._id },
			{ account },
		);
		expect(full.body).toMatchObject({
			name: 'N',
			backgroundColor: template.backgroundColor,
			textColor: template.textColor,
			validityPeriod: '3',
		});
	});

	test("timestamps: seconds answers whole seconds and reads an update's updatedAt as seconds", async () => {
		sb.control.setReadings({ timestamps: 'seconds' }, account.clientId);
		const [template] = sb.control.seedTemplates(account.userId, 1);
		const [badge] = sb.control.seedBadges(account.userId, 1, { templateId: template._id });
		const ref = { userId: account.userId, templateId: template._id };
		const read = async () => (await post(sb, '/getASingleBadgeTemplate', ref, { account })).body;
		expect(await read()).toMatchObject({
			createdAt: Math.floor(template.createdAt / 1000),
			updatedAt: Math.floor(template.updatedAt / 1000),
		});
		const badges = await post(
			sb,
			'/getIssuedBadges',
			{ userId: account.userId, paginationOpts: { numItems: 10 } },
			{ account },
		);
		expect(badges.body.page[0]).toMatchObject({
			issuedAt: Math.floor(badge.issuedAt / 1000),
			expiresAt: Math.floor(badge.expiresAt / 1000),
		});

		const { _id, ownerId, createdAt, isActive, updatedAt, ...data } = template;
		(void _id, void ownerId, void createdAt, void isActive, void updatedAt);
		const update = await post(
			sb,
			'/updateBadgeTemplate',
			{ ...ref, data: { ...data, updatedAt: 1_800_000_000 } },
			{ account },
		);
		expect(update.status).toBe(200);
		expect((await read()).updatedAt).toBe(1_800_000_000);
		// Kept as the instant it stands for: read in milliseconds, it is the same time.
		sb.control.setReadings({ timestamps: 'milliseconds' }, account.clientId);
		expect((await read()).updatedAt).toBe(1_800_000_000_000);
	});
});

describe('setting readings', () => {
	test('/__sandbox/config and /__sandbox/readings, checked before anything changes', async () => {
		const set = await control(sb, 'POST', '/config', { readings: { lastPageCursor: 'absent' } });
		expect(set.status).toBe(200);
		expect(sb.control.getReadings().lastPageCursor).toBe('absent');
		expectError(
			await control(sb, 'POST', '/config', { pageCap: 7, readings: { lastPageCursor: 'maybe' } }),
			400,
			/lastPageCursor/,
		);
		expect(sb.control.getConfig().pageCap).not.toBe(7);
		expectError(
			await control(sb, 'POST', '/readings', { readings: { colour: 'x' } }),
			400,
			/Unknown reading "colour"/,
		);
		const perAccount = await control(sb, 'POST', '/readings', {
			clientId: account.clientId,
			readings: { numbers: 'strings' },
		});
		expect(perAccount.body).toMatchObject({ numbers: 'strings', lastPageCursor: 'absent' });
		expect((await control(sb, 'GET', '/readings')).body.numbers).toBe('numbers');
	});

	test('start option and CLI flag', async () => {
		const started = await startSandbox({ quiet: true, readings: { issueSuccessful: 'badge-ids' } });
		try {
			expect(started.control.getReadings().issueSuccessful).toBe('badge-ids');
			started.control.reset();
			expect(started.control.getReadings().issueSuccessful).toBe('badge-ids');
		} finally {
			await started.close();
		}
		expect(
			parseArgs(['--reading', 'issuedBadges=objects', '--reading=issueDetails=never'], {}).readings,
		).toEqual({
			issuedBadges: 'objects',
			issueDetails: 'never',
		});
		expect(() => parseArgs(['--reading', 'issuedBadges=maybe'], {})).toThrow(/issuedBadges/);
		await expect(
			startSandbox({ quiet: true, readings: { numbers: 'words' as never } }),
		).rejects.toThrow(/numbers/);
	});
});
