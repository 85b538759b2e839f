import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { expectError, post, walk } from './helpers';

const DAY = 86_400_000;
let sb: Sandbox;
let other: Account;
let templateId: string;
let holders: string[];

beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	other = sb.control.createAccount({ userId: 'other-user' });
	templateId = sb.control.seedTemplates('demo-user', 1)[0]._id;
	holders = sb.control.seedHolders('demo-user', 3).map((h) => h._id);
});

function issue(overrides: Record<string, unknown> = {}) {
	return post(sb, '/issueBadge', {
		userId: 'demo-user',
		validityPeriod: 30,
		templateId,
		badgeData: { courseId: 'course456' },
		recipientIds: holders,
		type: 'achievement',
		...overrides,
	});
}

async function listBadges() {
	const pages = await walk(sb, '/getIssuedBadges', 'demo-user', 100);
	return pages.flatMap((p) => p.page);
}

describe('POST /issueBadge', () => {
	it('success: one badge per recipient, ids in recipient order', async () => {
		const before = Date.now();
		const reply = await issue();
		const after = Date.now();
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			issuedBadges: [expect.stringMatching(/^badge_/), expect.any(String), expect.any(String)],
			status: 'success',
			details: { successful: holders, failed: [] },
		});
		const badges = await listBadges();
		expect(badges.map((b) => b._id)).toEqual(reply.body.issuedBadges);
		expect(badges.map((b) => b.recipientId)).toEqual(holders);
		const badge = badges[0];
		expect(badge).toEqual({
			_id: reply.body.issuedBadges[0],
			templateId,
			recipientId: holders[0],
			issuerId: 'demo-user',
			issuedAt: expect.any(Number),
			expiresAt: badge.issuedAt + 30 * DAY,
			status: 'active',
			type: 'achievement',
			badgeData: { courseId: 'course456' },
			validityPeriod: 30,
		});
		expect(badge.issuedAt).toBeGreaterThanOrEqual(before);
		expect(badge.issuedAt).toBeLessThanOrEqual(after);
	});

	it('expiresAt is issuedAt + validityPeriod days (body value, not the template one)', async () => {
		await issue({ validityPeriod: 365, recipientIds: [holders[0]] });
		await issue({ validityPeriod: 1, recipientIds: [holders[1]] });
		const [a, b] = await listBadges();
		expect(a.expiresAt - a.issuedAt).toBe(365 * DAY);
		expect(b.expiresAt - b.issuedAt).toBe(DAY);
		expect([a.validityPeriod, b.validityPeriod]).toEqual([365, 1]);
	});

	it('partial: unknown and foreign recipients fail with an error, the others get badges', async () => {
		const foreign = sb.control.seedHolders('other-user', 1)[0]._id;
		const reply = await issue({ recipientIds: ['hold_missing', holders[1], foreign, holders[0]] });
		expect(reply.status).toBe(200);
		expect(reply.body.status).toBe('partial');
		expect(reply.body.issuedBadges).toHaveLength(2);
		expect(reply.body.details.successful).toEqual([holders[1], holders[0]]);
		expect(reply.body.details.failed).toEqual([
			{ recipientId: 'hold_missing', error: 'Holder not found' },
			{ recipientId: foreign, error: expect.stringMatching(/^Insufficient permissions/) },
		]);
		const badges = await listBadges();
		expect(badges.map((b) => b.recipientId)).toEqual([holders[1], holders[0]]);
		expect(badges.map((b) => b._id)).toEqual(reply.body.issuedBadges);
	});

	it('failed: nobody valid, HTTP 200, nothing stored', async () => {
		const reply = await issue({ recipientIds: ['nobody-1', 'nobody-2'] });
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({
			issuedBadges: [],
			status: 'failed',
			details: {
				successful: [],
				failed: [
					{ recipientId: 'nobody-1', error: 'Holder not found' },
					{ recipientId: 'nobody-2', error: 'Holder not found' },
				],
			},
		});
		expect(await listBadges()).toEqual([]);
	});

	it('a deleted holder is no longer a valid recipient', async () => {
		await post(sb, '/deleteHolder', { holderID: holders[2], issuerId: 'demo-user' });
		const reply = await issue();
		expect(reply.body.status).toBe('partial');
		expect(reply.body.details.failed).toEqual([
			{ recipientId: holders[2], error: 'Holder not found' },
		]);
	});

	it('badgeData accepts any JSON value but is required', async () => {
		for (const badgeData of [null, 'text', 42, [1, 2], { nested: { deep: true } }]) {
			const reply = await issue({ badgeData, recipientIds: [holders[0]] });
			expect(reply.body.status).toBe('success');
		}
		const stored = (await listBadges()).map((b) => b.badgeData);
		expect(stored).toEqual([null, 'text', 42, [1, 2], { nested: { deep: true } }]);
		const body = {
			userId: 'demo-user',
			validityPeriod: 30,
			templateId,
			recipientIds: holders,
			type: 'achievement',
		};
		expectError(await post(sb, '/issueBadge', body), 400, /^Missing required field "badgeData"$/);
	});

	it.each([
		['duplicate recipients', { recipientIds: ['a', 'b', 'a'] }, /"recipientIds".*duplicate/],
		[
			'an empty recipient list',
			{ recipientIds: [] },
			/^Field "recipientIds" must be a non-empty array of strings$/,
		],
		[
			'recipientIds as a string',
			{ recipientIds: 'hold_1' },
			/^Field "recipientIds" must be an array of strings$/,
		],
		[
			'a non-string recipient',
			{ recipientIds: ['x', 5] },
			/^Field "recipientIds" must be an array of strings/,
		],
		[
			'an unknown type',
			{ type: 'gold' },
			/"type" must be one of "mobility", "achievement", "healthcare", "finance"/,
		],
		[
			'validityPeriod 0',
			{ validityPeriod: 0 },
			/^Field "validityPeriod" must be a positive integer$/,
		],
		[
			'validityPeriod 2.5',
			{ validityPeriod: 2.5 },
			/^Field "validityPeriod" must be a positive integer$/,
		],
		['an undocumented field', { expiresAt: 1 }, /^Unexpected field "expiresAt"$/],
		['an empty templateId', { templateId: '' }, /"templateId".*non-empty/],
	])('400 for %s, nothing issued', async (_label, overrides, message) => {
		expectError(await issue(overrides), 400, message);
		expect(await listBadges()).toEqual([]);
	});

	it('404 for an unknown template, 403 for another owner template, 403 for a foreign userId', async () => {
		const theirs = sb.control.seedTemplates('other-user', 1)[0]._id;
		expectError(await issue({ templateId: 'tmpl_gone' }), 404, /^Template not found$/);
		expectError(await issue({ templateId: theirs }), 403, /^Insufficient permissions/);
		expectError(await issue({ userId: 'other-user' }), 403);
		expect(await listBadges()).toEqual([]);
	});
});

describe('POST /getIssuedBadges', () => {
	it('lists only the caller badges', async () => {
		sb.control.seedBadges('other-user', 4);
		await issue();
		const mine = await listBadges();
		expect(mine).toHaveLength(3);
		expect(mine.every((b) => b.issuerId === 'demo-user')).toBe(true);
		const theirs = await walk(sb, '/getIssuedBadges', 'other-user', 10, other);
		expect(theirs.flatMap((p) => p.page)).toHaveLength(4);
	});

	it('403 for a foreign userId; 400 for a bad numItems', async () => {
		expectError(
			await post(sb, '/getIssuedBadges', {
				userId: 'other-user',
				paginationOpts: { numItems: 10 },
			}),
			403,
		);
		expectError(
			await post(sb, '/getIssuedBadges', { userId: 'demo-user', paginationOpts: { numItems: 0 } }),
			400,
			/"paginationOpts\.numItems"/,
		);
	});

	it('seeded badges can be already expired', async () => {
		const seeded = sb.control.seedBadges('demo-user', 3, { expiresInDays: (i) => i - 1 });
		expect(seeded.map((b) => b.status)).toEqual(['expired', 'expired', 'active']);
		expect(seeded[2].expiresAt - seeded[2].issuedAt).toBe(DAY);
		const listed = await listBadges();
		expect(listed.map((b) => b.status)).toEqual(['expired', 'expired', 'active']);
	});
});
