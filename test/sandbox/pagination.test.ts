import { startSandbox, type Sandbox } from '../../sandbox';
import { expectError, post, walk } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true, pageCap: 1000 });
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const list = (paginationOpts: Record<string, unknown>, path = '/getHolders') =>
	post(sb, path, { userId: 'demo-user', paginationOpts });

const ids = (page: { _id: string }[]) => page.map((r) => r._id);

describe('pagination with a page cap smaller than numItems', () => {
	it('short pages while hasMore, a cursor on the last page, every record exactly once', async () => {
		const seeded = sb.control.seedHolders('demo-user', 23).map((h) => h._id);
		sb.control.setPageCap(5);
		const pages = await walk(sb, '/getHolders', 'demo-user', 10);
		expect(pages.map((p) => p.page.length)).toEqual([5, 5, 5, 5, 3]);
		expect(pages.map((p) => p.hasMore)).toEqual([true, true, true, true, false]);
		for (const p of pages) expect(typeof p.cursor).toBe('string');
		expect(pages.flatMap((p) => ids(p.page))).toEqual(seeded);
	});

	it('numItems smaller than the cap is honoured', async () => {
		sb.control.seedHolders('demo-user', 10);
		sb.control.setPageCap(5);
		const reply = await list({ numItems: 3 });
		expect(reply.body.page).toHaveLength(3);
		expect(reply.body.hasMore).toBe(true);
	});

	it('hasMore is false when the page ends exactly at the last record', async () => {
		sb.control.seedHolders('demo-user', 4);
		const reply = await list({ numItems: 4 });
		expect(reply.body.page).toHaveLength(4);
		expect(reply.body.hasMore).toBe(false);
		const next = await list({ numItems: 4, cursor: reply.body.cursor });
		expect(next.body).toEqual({ page: [], hasMore: false, cursor: reply.body.cursor });
	});

	it('an empty listing still returns a cursor string', async () => {
		const reply = await list({ numItems: 10 });
		expect(reply.body).toEqual({ page: [], hasMore: false, cursor: expect.any(String) });
	});

	it('applies to templates and issued badges too', async () => {
		const templates = sb.control.seedTemplates('demo-user', 7).map((t) => t._id);
		const badges = sb.control.seedBadges('demo-user', 7).map((b) => b._id);
		sb.control.setPageCap(3);
		const tPages = await walk(sb, '/getAllBadgeTemplatesByOwnerId', 'demo-user', 100);
		expect(tPages.map((p) => p.page.length)).toEqual([3, 3, 1]);
		expect(tPages.flatMap((p) => ids(p.page))).toEqual(templates);
		const bPages = await walk(sb, '/getIssuedBadges', 'demo-user', 100);
		expect(bPages.flatMap((p) => ids(p.page))).toEqual(badges);
	});
});

describe('cursor stability', () => {
	it('stays valid when the last returned record and the next one are deleted', async () => {
		const seeded = sb.control.seedHolders('demo-user', 10).map((h) => h._id);
		const first = await list({ numItems: 4 });
		expect(ids(first.body.page)).toEqual(seeded.slice(0, 4));
		for (const holderID of [seeded[3], seeded[4]]) {
			expect((await post(sb, '/deleteHolder', { holderID, issuerId: 'demo-user' })).status).toBe(
				200,
			);
		}
		const second = await list({ numItems: 4, cursor: first.body.cursor });
		expect(second.status).toBe(200);
		expect(ids(second.body.page)).toEqual(seeded.slice(5, 9));
		const third = await list({ numItems: 4, cursor: second.body.cursor });
		expect(ids(third.body.page)).toEqual([seeded[9]]);
		expect(third.body.hasMore).toBe(false);
	});

	it('records created after a page appear on later pages', async () => {
		sb.control.seedHolders('demo-user', 2);
		const first = await list({ numItems: 2 });
		expect(first.body.hasMore).toBe(false);
		const added = sb.control.seedHolders('demo-user', 1)[0];
		const next = await list({ numItems: 2, cursor: first.body.cursor });
		expect(ids(next.body.page)).toEqual([added._id]);
	});
});

describe('paginationOpts validation', () => {
	it.each([
		['0', 0],
		['-1', -1],
		['1.5', 1.5],
		['"10"', '10'],
		['null', null],
	])('400 naming paginationOpts.numItems for numItems %s', async (_label, numItems) => {
		expectError(await list({ numItems }), 400, /"paginationOpts\.numItems"/);
	});

	it('400 for a missing numItems and for an unexpected field', async () => {
		expectError(await list({}), 400, /^Missing required field "paginationOpts\.numItems"$/);
		expectError(
			await list({ numItems: 5, pageSize: 5 }),
			400,
			/^Unexpected field "paginationOpts\.pageSize"$/,
		);
		expectError(
			await list({ numItems: 5, cursor: 5 }),
			400,
			/^Field "paginationOpts\.cursor" must be a string or null$/,
		);
	});

	it.each([
		['garbage', 'not a cursor!'],
		['an empty string', ''],
		['base64 of junk', Buffer.from('hello').toString('base64url')],
	])('400 naming paginationOpts.cursor for %s', async (_label, cursor) => {
		expectError(await list({ numItems: 5, cursor }), 400, /"paginationOpts\.cursor"/);
	});

	it('rejects a holder cursor on the template listing', async () => {
		sb.control.seedHolders('demo-user', 3);
		const holders = await list({ numItems: 1 });
		const reply = await list(
			{ numItems: 1, cursor: holders.body.cursor },
			'/getAllBadgeTemplatesByOwnerId',
		);
		expectError(reply, 400, /"paginationOpts\.cursor"/);
	});
});

describe('cursor rules', () => {
	beforeEach(() => {
		sb.control.seedHolders('demo-user', 3);
	});

	it("'optional' (default) accepts an absent, null or string cursor", async () => {
		const start = await list({ numItems: 1 });
		expect(start.status).toBe(200);
		expect((await list({ numItems: 1, cursor: null })).body).toEqual(start.body);
		expect((await list({ numItems: 1, cursor: start.body.cursor })).status).toBe(200);
	});

	it("'null-required' requires the key, string or null", async () => {
		sb.control.setCursorRule('null-required');
		expectError(
			await list({ numItems: 1 }),
			400,
			/^Missing required field "paginationOpts\.cursor"$/,
		);
		const start = await list({ numItems: 1, cursor: null });
		expect(start.status).toBe(200);
		expect((await list({ numItems: 1, cursor: start.body.cursor })).status).toBe(200);
	});

	it("'string-only' rejects null but accepts an absent or string cursor", async () => {
		sb.control.setCursorRule('string-only');
		expectError(
			await list({ numItems: 1, cursor: null }),
			400,
			/^Field "paginationOpts\.cursor" must be a string$/,
		);
		const start = await list({ numItems: 1 });
		expect(start.status).toBe(200);
		expect((await list({ numItems: 1, cursor: start.body.cursor })).status).toBe(200);
	});

	it('reset() restores the default rule', async () => {
		sb.control.setCursorRule('null-required');
		sb.control.reset();
		expect((await list({ numItems: 1 })).status).toBe(200);
	});
});

describe('misbehaving pagination modes', () => {
	beforeEach(() => {
		sb.control.seedHolders('demo-user', 6);
	});

	it("'repeat-cursor' always answers the same cursor with hasMore true", async () => {
		sb.control.setPaginationBehaviour('repeat-cursor');
		const first = await list({ numItems: 2 });
		const second = await list({ numItems: 2, cursor: first.body.cursor });
		const third = await list({ numItems: 2, cursor: second.body.cursor });
		for (const reply of [first, second, third]) {
			expect(reply.body.hasMore).toBe(true);
			expect(reply.body.cursor).toBe(first.body.cursor);
			expect(reply.body.page).toHaveLength(2);
		}
		expect(ids(second.body.page)).toEqual(ids(first.body.page));
		// Even past the end it claims there is more.
		sb.control.setPageCap(100);
		const all = await list({ numItems: 100 });
		expect(all.body.page).toHaveLength(6);
		expect(all.body.hasMore).toBe(true);
	});

	it("'empty-pages' answers [] with hasMore true and a fresh, accepted cursor forever", async () => {
		sb.control.setPaginationBehaviour('empty-pages');
		const seen = new Set<string>();
		let cursor: string | null = null;
		for (let i = 0; i < 5; i++) {
			const reply = await list({ numItems: 10, cursor });
			expect(reply.status).toBe(200);
			expect(reply.body.page).toEqual([]);
			expect(reply.body.hasMore).toBe(true);
			expect(seen.has(reply.body.cursor)).toBe(false);
			seen.add(reply.body.cursor);
			cursor = reply.body.cursor;
		}
	});

	it("'cycle-cursor' hands out real pages with cursors A, B, A, B…: a cycle, not a repeat", async () => {
		sb.control.setPaginationBehaviour('cycle-cursor');
		const first = await list({ numItems: 2 });
		const second = await list({ numItems: 2, cursor: first.body.cursor });
		const third = await list({ numItems: 2, cursor: second.body.cursor });
		const fourth = await list({ numItems: 2, cursor: third.body.cursor });

		expect([first, second, third, fourth].map((reply) => reply.body.hasMore)).toEqual([
			true,
			true,
			true,
			true,
		]);
		expect(second.body.cursor).not.toBe(first.body.cursor);
		expect(third.body.cursor).toBe(first.body.cursor);
		expect(fourth.body.cursor).toBe(second.body.cursor);
		expect(ids(second.body.page)).not.toEqual(ids(first.body.page));
		expect(ids(third.body.page)).toHaveLength(2);
		expect(ids(third.body.page)).not.toEqual(ids(second.body.page));
		expect(ids(fourth.body.page)).toEqual(ids(second.body.page));
	});

	it("'scattered-empty-pages' puts one empty page before every real page but the first; every record once", async () => {
		sb.control.setPaginationBehaviour('scattered-empty-pages');
		const sizes: number[] = [];
		const cursors = new Set<string>();
		const seen: string[] = [];
		let cursor: string | null = null;
		for (let request = 0; request < 20; request++) {
			const reply = await list({ numItems: 2, cursor });
			expect(reply.status).toBe(200);
			sizes.push(reply.body.page.length);
			seen.push(...ids(reply.body.page));
			if (!reply.body.hasMore) break;
			expect(cursors.has(reply.body.cursor)).toBe(false);
			cursors.add(reply.body.cursor);
			cursor = reply.body.cursor;
		}

		expect(sizes).toEqual([2, 0, 2, 0, 2]);
		expect(seen).toHaveLength(6);
		expect(new Set(seen).size).toBe(6);
	});

	it("back to 'normal' pages correctly again", async () => {
		sb.control.setPaginationBehaviour('empty-pages');
		sb.control.setPaginationBehaviour('normal');
		const pages = await walk(sb, '/getHolders', 'demo-user', 4);
		expect(pages.flatMap((p) => p.page)).toHaveLength(6);
	});
});
