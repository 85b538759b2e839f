import { MAX_EMPTY_PAGES_IN_A_ROW, PageGuard } from '../../nodes/MyPit/operations/pageGuard';

const records = (count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => ({ _id: `r${from + index}` }));

describe('PageGuard: one listing read page by page', () => {
	test('the last page (hasMore not true) ends the listing, whatever its cursor', () => {
		expect(new PageGuard().read({ page: records(2), hasMore: false, cursor: 'c1' })).toEqual({
			records: records(2),
		});
		expect(new PageGuard().read({ page: [], hasMore: 'true', cursor: 'c1' })).toEqual({
			records: [],
		});
		expect(new PageGuard().read({ page: records(1) })).toEqual({ records: records(1) });
	});

	test('a page with more to come hands over its cursor', () => {
		expect(new PageGuard().read({ page: records(2), hasMore: true, cursor: 'c1' })).toEqual({
			records: records(2),
			next: 'c1',
		});
	});

	test.each([[undefined], [null], ['text'], [{}], [{ page: 'x' }], [{ page: { 0: 'a' } }]])(
		'%p has no page list',
		(answer) => {
			expect(new PageGuard().read(answer)).toEqual({
				records: [],
				problem: 'answered without a "page" list',
			});
		},
	);

	test.each([[undefined], [''], [7], [null]])(
		'more records with cursor %p is a fault; the page still counts',
		(cursor) => {
			expect(new PageGuard().read({ page: records(3), hasMore: true, cursor })).toEqual({
				records: records(3),
				problem: 'said more records follow but sent no cursor',
			});
		},
	);

	test('the same cursor twice in a row is a fault', () => {
		const guard = new PageGuard();
		guard.read({ page: records(1), hasMore: true, cursor: 'A' });

		expect(guard.read({ page: records(1, 1), hasMore: true, cursor: 'A' })).toEqual({
			records: records(1, 1),
			problem: 'sent a cursor it had already sent',
		});
	});

	// The survivor of the mutation audit: a check of the previous cursor alone lets A→B→A loop.
	test('a cursor cycle A→B→A is a fault on the page that closes it', () => {
		const guard = new PageGuard();

		expect(guard.read({ page: records(1), hasMore: true, cursor: 'A' }).next).toBe('A');
		expect(guard.read({ page: records(1, 1), hasMore: true, cursor: 'B' }).next).toBe('B');
		expect(guard.read({ page: records(1, 2), hasMore: true, cursor: 'A' }).problem).toBe(
			'sent a cursor it had already sent',
		);
	});

	test('a longer cycle A→B→C→B is a fault too', () => {
		const guard = new PageGuard();
		for (const cursor of ['A', 'B', 'C'])
			expect(guard.read({ page: [], hasMore: true, cursor }).problem).toBeUndefined();

		expect(guard.read({ page: [], hasMore: true, cursor: 'B' }).problem).toBe(
			'sent a cursor it had already sent',
		);
	});

	test(`${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row are a fault; ${MAX_EMPTY_PAGES_IN_A_ROW - 1} are not`, () => {
		const guard = new PageGuard();
		for (let page = 1; page < MAX_EMPTY_PAGES_IN_A_ROW; page++) {
			expect(guard.read({ page: [], hasMore: true, cursor: `e${page}` })).toEqual({
				records: [],
				next: `e${page}`,
			});
		}

		expect(guard.read({ page: [], hasMore: true, cursor: 'e5' })).toEqual({
			records: [],
			problem: 'returned 5 empty pages in a row while saying more records follow',
		});
	});

	// The survivor of the mutation audit: a counter that is never reset fails a long listing
	// with more than 5 empty pages scattered between full ones.
	test('empty pages count only in a row: 20 scattered ones are fine', () => {
		const guard = new PageGuard();
		for (let page = 1; page <= 20; page++) {
			for (let empty = 1; empty < MAX_EMPTY_PAGES_IN_A_ROW; empty++) {
				expect(
					guard.read({ page: [], hasMore: true, cursor: `e${page}.${empty}` }).problem,
				).toBeUndefined();
			}
			expect(guard.read({ page: records(1, page), hasMore: true, cursor: `f${page}` })).toEqual({
				records: records(1, page),
				next: `f${page}`,
			});
		}
		expect(guard.read({ page: records(1), hasMore: false })).toEqual({ records: records(1) });
	});

	test('a final empty page is simply the end', () => {
		const guard = new PageGuard();
		for (let page = 1; page < MAX_EMPTY_PAGES_IN_A_ROW; page++)
			guard.read({ page: [], hasMore: true, cursor: `e${page}` });

		expect(guard.read({ page: [], hasMore: false, cursor: 'e5' })).toEqual({ records: [] });
	});

	test('a refused cursor is not remembered, a good one is', () => {
		const guard = new PageGuard();
		guard.read({ page: records(1), hasMore: true, cursor: 'A' });
		expect(guard.read({ page: records(1), hasMore: true, cursor: 'A' }).problem).toBeDefined();

		const fresh = new PageGuard();
		for (let page = 1; page < MAX_EMPTY_PAGES_IN_A_ROW; page++)
			fresh.read({ page: [], hasMore: true, cursor: `e${page}` });
		expect(fresh.read({ page: [], hasMore: true, cursor: 'X' }).problem).toMatch(/empty pages/);
		// X was refused, so it was never added: a later page may not be told it was "already sent".
		expect(fresh.read({ page: records(1), hasMore: true, cursor: 'X' })).toEqual({
			records: records(1),
			next: 'X',
		});
	});
});
