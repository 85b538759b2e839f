import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();

const listHolders = (extra: Record<string, unknown> = {}) => ({
	resource: 'holder',
	operation: 'getAll',
	simplify: false,
	...extra,
});

const pagesAsked = () =>
	bodiesOf(sandbox.requests()).map(
		(body) => (body.paginationOpts as { numItems: number }).numItems,
	);

describe('Get Many: Return All', () => {
	test.each([0, 1, 100, 101, 1000])(
		'%i holders, page size 100: every record once, ⌈N/100⌉ requests',
		async (count) => {
			const seeded = sandbox.sandbox.control.seedHolders(sandbox.account.userId, count);

			const result = await sandbox.run(listHolders({ returnAll: true }));

			expect(result.error).toBeUndefined();
			expect(jsonOf(result).map((holder) => holder._id)).toEqual(
				seeded.map((holder) => holder._id),
			);
			expect(sandbox.requests()).toHaveLength(Math.max(1, Math.ceil(count / 100)));
			expect(bodiesOf(sandbox.requests())[0]).toEqual({
				userId: sandbox.account.userId,
				paginationOpts: { numItems: 100 },
			});
		},
	);

	test.each([0, 1, 100, 101, 1000, 10000])(
		'%i holders with a server page cap of 37 under a page size of 100: all records, ⌈N/37⌉ requests',
		async (count) => {
			const seeded = sandbox.sandbox.control.seedHolders(sandbox.account.userId, count);
			sandbox.sandbox.control.setPageCap(37);

			const result = await sandbox.run(listHolders({ returnAll: true }));

			expect(result.error).toBeUndefined();
			const ids = jsonOf(result).map((holder) => holder._id);
			expect(ids).toHaveLength(count);
			expect(ids).toEqual(seeded.map((holder) => holder._id));
			expect(sandbox.requests()).toHaveLength(Math.max(1, Math.ceil(count / 37)));
			// Every page after the first carries the cursor of the page before.
			const cursors = bodiesOf(sandbox.requests()).map(
				(body) => (body.paginationOpts as { cursor?: string }).cursor,
			);
			expect(cursors[0]).toBeUndefined();
			expect(cursors.slice(1).every((cursor) => typeof cursor === 'string')).toBe(true);
		},
		30_000,
	);

	test('10,000 holders in pages of 1,000 take 10 requests', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 10_000);

		const result = await sandbox.run(listHolders({ returnAll: true, options: { pageSize: 1000 } }));

		expect(result.items).toHaveLength(10_000);
		expect(sandbox.requests()).toHaveLength(10);
		expect(new Set(result.items.map((item) => item.json._id)).size).toBe(10_000);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});
});

describe('Get Many: Limit', () => {
	beforeEach(() => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 500);
	});

	test.each([
		[30, [30]],
		[100, [100]],
		[250, [100, 100, 50]],
	])('Limit %i asks exactly for what it needs: pages %j', async (limit, pages) => {
		const result = await sandbox.run(listHolders({ returnAll: false, limit }));

		expect(result.items).toHaveLength(limit);
		expect(pagesAsked()).toEqual(pages);
	});

	test('Limit 250 with a server page cap of 37 stops as soon as it has 250', async () => {
		sandbox.sandbox.control.setPageCap(37);

		const result = await sandbox.run(listHolders({ returnAll: false, limit: 250 }));

		expect(result.items).toHaveLength(250);
		expect(sandbox.requests()).toHaveLength(Math.ceil(250 / 37));
		expect(pagesAsked().at(-1)).toBe(250 - 6 * 37);
	});

	test('Limit larger than the list returns the whole list', async () => {
		const result = await sandbox.run(listHolders({ returnAll: false, limit: 800 }));

		expect(result.items).toHaveLength(500);
		expect(pagesAsked()).toEqual([100, 100, 100, 100, 100]);
	});

	test('Page Size option is validated before any request', async () => {
		const result = await sandbox.run(listHolders({ returnAll: true, options: { pageSize: 0 } }));

		expect(result.error?.message).toMatch(/"Page Size".*1 to 1000/);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Get Many on every list', () => {
	test('templates, simplified', async () => {
		const seeded = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 3);

		const result = await sandbox.run({
			resource: 'template',
			operation: 'getAll',
			returnAll: true,
		});

		expect(sandbox.requests()[0].path).toBe('/getAllBadgeTemplatesByOwnerId');
		expect(jsonOf(result).map((template) => template._id)).toEqual(
			seeded.map((template) => template._id),
		);
		expect(Object.keys(jsonOf(result)[0])).not.toContain('ownerId');
	});

	test('issued badges with their expiry, simplified', async () => {
		const seeded = sandbox.sandbox.control.seedBadges(sandbox.account.userId, 5);

		const result = await sandbox.run({ resource: 'badge', operation: 'getAll', limit: 3 });

		expect(sandbox.requests()[0].path).toBe('/getIssuedBadges');
		expect(jsonOf(result)).toEqual(
			seeded.slice(0, 3).map((badge) => ({
				_id: badge._id,
				templateId: badge.templateId,
				recipientId: badge.recipientId,
				type: badge.type,
				status: badge.status,
				issuedAt: badge.issuedAt,
				issuedAtIso: new Date(badge.issuedAt).toISOString(),
				expiresAt: badge.expiresAt,
				expiresAtIso: new Date(badge.expiresAt).toISOString(),
			})),
		);
	});
});

describe('Misbehaving servers end in clear errors, never an endless loop', () => {
	beforeEach(() => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 50);
		sandbox.sandbox.control.setPageCap(10);
	});

	test('a repeated cursor', async () => {
		sandbox.sandbox.control.setPaginationBehaviour('repeat-cursor');

		const result = await sandbox.run(listHolders({ returnAll: true }));

		expect(result.error?.message).toMatch(
			/getHolders sent a cursor it had already sent \(page 2\)/,
		);
		expect(sandbox.requests()).toHaveLength(2);
	});

	test('endless empty pages with hasMore true', async () => {
		sandbox.sandbox.control.setPaginationBehaviour('empty-pages');

		const result = await sandbox.run(listHolders({ returnAll: true }));

		expect(result.error?.message).toMatch(/returned 5 empty pages in a row/);
		expect(sandbox.requests().length).toBeLessThanOrEqual(6);
	});

	test('a page that is not JSON', async () => {
		sandbox.sandbox.control.injectFault({ path: '/getHolders', kind: 'non-json', skip: 1 });

		const result = await sandbox.run(listHolders({ returnAll: true }));

		expect(result.error?.message).toMatch(
			/answered POST \/getHolders with something that is not JSON/,
		);
		expect(result.error?.description).toMatch(/Page 2 of the listing failed after 10 records/);
	});

	test('with Continue On Fail the failed listing is one error item linked to its input', async () => {
		sandbox.sandbox.control.setPaginationBehaviour('repeat-cursor');

		const result = await sandbox.run(listHolders({ returnAll: true }), {
			onError: 'continueRegularOutput',
		});

		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/cursor it had already sent/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('The first cursor: absent or null', () => {
	test('a backend that requires cursor: null gets it after refusing the first page once', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 150);
		sandbox.sandbox.control.setCursorRule('null-required');

		const result = await sandbox.run(listHolders({ returnAll: true }));

		expect(result.items).toHaveLength(150);
		expect(sandbox.requests().map((request) => request.status)).toEqual([400, 200, 200]);
		expect(bodiesOf(sandbox.requests())[1].paginationOpts).toEqual({ numItems: 100, cursor: null });
	});

	test('a backend that refuses null never sees it', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 150);
		sandbox.sandbox.control.setCursorRule('string-only');

		const result = await sandbox.run(listHolders({ returnAll: true }));

		expect(result.items).toHaveLength(150);
		expect(sandbox.requests().map((request) => request.status)).toEqual([200, 200]);
	});
});
