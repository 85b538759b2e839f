/**
 * Seeded data holds together in time: every seeded badge is issued no later than now and no later
 * than it expires, and `npm start`'s demo account tells a believable history (templates, then
 * holders, then badges issued over the past year; some expiring soon, one expired). Read back over
 * real HTTP, as the node reads it.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { DEMO_BADGE_EXPIRY_DAYS, seedDemoData, type DemoData } from '../../sandbox/demoData';
import { control, walk, type Json } from './helpers';

const DAY = 86_400_000;
let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const listed = async (path: string): Promise<Json[]> =>
	(await walk(sb, path, 'demo-user', 100)).flatMap((page) => page.page);

/**
 * The check every seeded badge must pass: issued no later than now and no later than it expires,
 * valid for the days between the two, "expired" exactly when its expiry has passed.
 */
function expectSensibleDates(badges: Json[], now: number): void {
	expect(badges.length).toBeGreaterThan(0);
	for (const badge of badges) {
		const dates = { _id: badge._id, issuedAt: badge.issuedAt, expiresAt: badge.expiresAt };
		expect({ ...dates, issuedNoLaterThanExpiry: badge.issuedAt <= badge.expiresAt }).toEqual({
			...dates,
			issuedNoLaterThanExpiry: true,
		});
		expect({ ...dates, issuedNoLaterThanNow: badge.issuedAt <= now }).toEqual({
			...dates,
			issuedNoLaterThanNow: true,
		});
		expect(badge.validityPeriod * DAY).toBeCloseTo(badge.expiresAt - badge.issuedAt, 0);
		expect({ ...dates, status: badge.status }).toEqual({
			...dates,
			status: badge.expiresAt <= now ? 'expired' : 'active',
		});
	}
}

describe("npm start's demo account", () => {
	let demo: DemoData;
	let now: number;
	beforeEach(async () => {
		demo = await seedDemoData(sb);
		now = Date.now();
	});

	test('every demo badge is issued in the past and expires after it was issued', async () => {
		const badges = await listed('/getIssuedBadges');
		expect(badges.map((badge) => badge._id)).toEqual(demo.badges.map((badge) => badge._id));
		expectSensibleDates(badges, now);
		// Expired and expiring badges too: all issued long before today.
		for (const badge of badges) expect(badge.issuedAt).toBeLessThan(now - 100 * DAY);
	});

	test('one badge has expired, four expire within 30 days; each issued for its template validity', async () => {
		const badges = await listed('/getIssuedBadges');
		const expired = badges.filter((badge) => badge.expiresAt <= now);
		expect(expired).toHaveLength(1);
		expect(expired[0].status).toBe('expired');
		expect(demo.expiringWithin30Days).toHaveLength(4);
		expect(DEMO_BADGE_EXPIRY_DAYS.filter((days) => days > 0 && days <= 30)).toHaveLength(4);
		for (const badge of badges) expect(badge.validityPeriod).toBe(demo.templates[0].validityPeriod);
	});

	test('a history in order: templates, then holders, then badges, each list oldest first', async () => {
		const templates = await listed('/getAllBadgeTemplatesByOwnerId');
		const holders = await listed('/getHolders');
		const badges = await listed('/getIssuedBadges');
		const rising = (values: number[]) =>
			values.every((value, index) => index === 0 || value > values[index - 1]);
		expect(rising(templates.map((template) => template.createdAt))).toBe(true);
		expect(rising(holders.map((holder) => holder.createdAt))).toBe(true);
		expect(rising(badges.map((badge) => badge.issuedAt))).toBe(true);

		const lastTemplate = Math.max(...templates.map((template) => template.createdAt));
		const firstHolder = Math.min(...holders.map((holder) => holder.createdAt));
		const lastHolder = Math.max(...holders.map((holder) => holder.createdAt));
		const firstBadge = Math.min(...badges.map((badge) => badge.issuedAt));
		expect(lastTemplate).toBeLessThan(firstHolder);
		expect(lastHolder).toBeLessThan(firstBadge);
		for (const template of templates) {
			expect(template.updatedAt).toBeGreaterThanOrEqual(template.createdAt);
			expect(template.updatedAt).toBeLessThanOrEqual(now);
		}
		// One template was edited since it was created: Template Updated has an event to show.
		expect(templates.filter((template) => template.updatedAt > template.createdAt)).toHaveLength(1);
		expect(holders.map((holder) => holder.name)).toContain('Marie Curie');
	});
});

describe('seeded badges, whatever their expiry', () => {
	test('expired, expiring today, due later, far off: issued no later than now or than their expiry', async () => {
		sb.control.seedTemplates('demo-user', 1, { validityPeriod: 90 });
		sb.control.seedBadges('demo-user', 7, {
			expiresInDays: (i) => [-400, -3, -0.5, 0, 0.5, 30, 400][i],
		});
		const badges = await listed('/getIssuedBadges');
		expectSensibleDates(badges, Date.now());
		// An expired badge was issued one template validity period (90 days) before it expired.
		expect(badges[1].expiresAt - badges[1].issuedAt).toBe(90 * DAY);
		// The others are issued today, as before.
		expect(badges[5].expiresAt - badges[5].issuedAt).toBe(30 * DAY);
	});

	test('issuedDaysAgo sets the issue date; the control surface over HTTP takes it too', async () => {
		const [badge] = sb.control.seedBadges('demo-user', 1, {
			expiresInDays: () => 5,
			issuedDaysAgo: () => 360,
		});
		expect(badge.expiresAt - badge.issuedAt).toBe(365 * DAY);
		expect(badge.validityPeriod).toBe(365);

		const reply = await control(sb, 'POST', '/seed', {
			userId: 'demo-user',
			badges: { count: 2, expiresInDays: -10, issuedDaysAgo: 40 },
		});
		expect(reply.status).toBe(200);
		const badges = await listed('/getIssuedBadges');
		expect(badges).toHaveLength(3);
		expectSensibleDates(badges, Date.now());
		expect(badges[2].expiresAt - badges[2].issuedAt).toBe(30 * DAY);
	});

	test('a badge issued in the future or after its expiry is refused', async () => {
		expect(() =>
			sb.control.seedBadges('demo-user', 1, { expiresInDays: () => -10, issuedDaysAgo: () => 5 }),
		).toThrow('a badge cannot expire before it is issued (issued 5 days ago, expired 10 days ago)');
		expect(() =>
			sb.control.seedBadges('demo-user', 1, { expiresInDays: () => 10, issuedDaysAgo: () => -1 }),
		).toThrow('issuedDaysAgo must return a number of days, 0 or more');
		const reply = await control(sb, 'POST', '/seed', {
			userId: 'demo-user',
			badges: { count: 1, issuedDaysAgo: 'yesterday' },
		});
		expect(reply.status).toBe(400);
		expect(reply.body.error).toContain('issuedDaysAgo must be a number over HTTP');
		expect(await listed('/getIssuedBadges')).toEqual([]);
	});

	test('seeded holders can be given their details and a creation time, never a future one', () => {
		const [holder] = sb.control.seedHolders('demo-user', 1, () => ({
			name: 'Ada Lovelace',
			createdAt: Date.now() - 10 * DAY,
		}));
		expect(holder).toMatchObject({ name: 'Ada Lovelace', email: 'holder1@example.com' });
		expect(holder.createdAt).toBeLessThan(Date.now() - 9 * DAY);
		expect(() =>
			sb.control.seedHolders('demo-user', 1, () => ({ createdAt: Date.now() + DAY })),
		).toThrow('a seeded holder is created at a time up to now');
	});
});
