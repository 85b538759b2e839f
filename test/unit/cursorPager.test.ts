import { NodeApiError, type INode } from 'n8n-workflow';

import {
	MAX_EMPTY_PAGES_IN_A_ROW,
	PageGuard,
	readPages,
	type PaginationOpts,
} from '../../nodes/MyPit/transport/cursorPager';

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

/** A list of `total` records served `cap` at most per page, with every request it was asked. */
function listOf(total: number, cap = Infinity, refuseMissingCursor = false) {
	const asked: PaginationOpts[] = [];
	const request = async (opts: PaginationOpts) => {
		asked.push(opts);
		if (refuseMissingCursor && !('cursor' in opts)) throw cursorRefusal();
		const from = typeof opts.cursor === 'string' ? Number(opts.cursor) : 0;
		const to = Math.min(total, from + Math.min(opts.numItems, cap));
		return { page: records(to - from, from), hasMore: to < total, cursor: String(to) };
	};
	return { asked, request };
}

const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit' } as INode;
const cursorRefusal = () =>
	new NodeApiError(
		node,
		{ message: 'x' },
		{ message: 'paginationOpts.cursor is required', httpCode: '400' },
	);
const problem = (text: string) => new Error(text);

describe('readPages: the one cursor pager', () => {
	test('reads every page to the end, asking pageSize each time', async () => {
		const list = listOf(250);
		const read = await readPages(list.request, { pageSize: 100, problem });
		expect(read.records.map((r) => r._id)).toEqual(records(250).map((r) => r._id));
		expect(list.asked).toEqual([
			{ numItems: 100 },
			{ numItems: 100, cursor: '100' },
			{ numItems: 100, cursor: '200' },
		]);
		expect(read).toMatchObject({ reachedEnd: true, endCursor: '250', requests: 3, scanned: 250 });
	});

	test('a Limit trims the last request to the records still missing', async () => {
		const list = listOf(1000);
		const read = await readPages(list.request, { pageSize: 100, limit: 150, problem });
		expect(read.records).toHaveLength(150);
		expect(list.asked.map((o) => o.numItems)).toEqual([100, 50]);
		expect(read).toMatchObject({ reachedEnd: false, nextCursor: '150', moreMatched: 0 });
	});

	test('a filter reads full pages until Limit records match, and counts the rest of that page', async () => {
		const list = listOf(1000);
		const even = (record: { _id?: unknown }) => Number(String(record._id).slice(1)) % 2 === 0;
		const read = await readPages(list.request, {
			pageSize: 100,
			limit: 60,
			matches: even,
			problem,
		});
		expect(read.records).toHaveLength(60);
		expect(read.records.every(even)).toBe(true);
		// 60 even records end inside the second page: it is read whole, 40 more matches counted.
		expect(list.asked.map((o) => o.numItems)).toEqual([100, 100]);
		expect(read).toMatchObject({ moreMatched: 40, scanned: 200, reachedEnd: false });
	});

	test('countBeyondLimit without a filter asks full pages and counts what it did not keep', async () => {
		const list = listOf(30);
		const read = await readPages(list.request, {
			pageSize: 100,
			limit: 10,
			countBeyondLimit: true,
			problem,
		});
		expect(list.asked).toEqual([{ numItems: 100 }]);
		expect(read).toMatchObject({ moreMatched: 20, reachedEnd: true });
		expect(read.records).toHaveLength(10);
	});

	test('a first page refused for its missing cursor is asked once more with cursor: null', async () => {
		const list = listOf(5, Infinity, true);
		const read = await readPages(list.request, { pageSize: 100, problem });
		expect(list.asked).toEqual([{ numItems: 100 }, { numItems: 100, cursor: null }]);
		expect(read).toMatchObject({ requests: 2, reachedEnd: true });
		expect(read.records).toHaveLength(5);
	});

	test('a failure that is not about the cursor is thrown through `failure`, page and records named', async () => {
		let calls = 0;
		const request = async () => {
			if (++calls === 2) throw new Error('down');
			return { page: records(3), hasMore: true, cursor: 'c1' };
		};
		const failure = jest.fn((error: unknown, at: object) => ({ error, at }));
		await expect(readPages(request, { pageSize: 3, problem, failure })).rejects.toEqual({
			error: new Error('down'),
			at: { page: 2, kept: 3, scanned: 3 },
		});
		expect(calls).toBe(2);
	});

	test('the start cursor counts as sent: a page handing it back is refused', async () => {
		const request = async () => ({ page: records(1), hasMore: true, cursor: 'start' });
		await expect(
			readPages(request, { pageSize: 10, startCursor: 'start', problem }),
		).rejects.toThrow('sent a cursor it had already sent');
	});

	test(`${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row stop the listing with the guard's problem`, async () => {
		let n = 0;
		const request = async () => ({ page: [], hasMore: true, cursor: `e${++n}` });
		await expect(readPages(request, { pageSize: 10, problem })).rejects.toThrow(
			`returned ${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row`,
		);
		expect(n).toBe(MAX_EMPTY_PAGES_IN_A_ROW);
	});

	test('maxPages and keepReading stop early and say where to resume', async () => {
		const one = await readPages(listOf(500).request, {
			pageSize: 100,
			maxPages: 1,
			startCursor: '200',
			problem,
		});
		expect(one).toMatchObject({ requests: 1, nextCursor: '300', reachedEnd: false });
		expect(one.records[0]._id).toBe('r200');

		let pages = 0;
		const kept = await readPages(listOf(500).request, {
			pageSize: 100,
			keepReading: () => ++pages < 3,
			problem,
		});
		expect(kept).toMatchObject({ requests: 3, nextCursor: '300' });
	});

	test('a page after which keepReading wants nothing ends the listing, whatever it says of the next page', async () => {
		// The trigger's newest-first read stops at a record it has seen: a missing or repeated
		// cursor on that page is not held against the poll. A page without a list still is.
		for (const cursor of [undefined, 'start']) {
			const request = async () => ({ page: records(2), hasMore: true, cursor });
			const read = await readPages(request, {
				pageSize: 10,
				startCursor: 'start',
				keepReading: () => false,
				problem,
			});
			expect(read).toMatchObject({ requests: 1, reachedEnd: false, records: records(2) });
		}
		await expect(
			readPages(async () => ({ hasMore: true, cursor: 'c' }), {
				pageSize: 10,
				keepReading: () => false,
				problem,
			}),
		).rejects.toThrow('answered without a "page" list');
		let asked = 0;
		await readPages(async () => ({ page: records(1), hasMore: true, cursor: `c${++asked}` }), {
			pageSize: 10,
			keepReading: () => asked < 2,
			problem,
		});
		expect(asked).toBe(2);
	});
});
