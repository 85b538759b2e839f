import {
	CURSOR_RULES,
	PAGINATION_BEHAVIOURS,
	READING_CHOICES,
	startSandbox,
	type Account,
	type Sandbox,
} from '../../sandbox';
import { LISTS, probe, seedInOrder } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
	seedInOrder(sb, account, 5);
});

describe('the probe names each list reading as the sandbox was set', () => {
	test.each(READING_CHOICES.lastPageCursor)("last page's cursor: %s", async (choice) => {
		sb.control.setReadings({ lastPageCursor: choice }, account.clientId);
		const run = await probe(sb, account);
		for (const list of LISTS) {
			expect(run.value(list, "last page's cursor")).toBe(choice);
			expect(run.finding(list, "last page's cursor").verdict).toBe('handled');
		}
		expect(run.exitCode).toBe(0);
		// Only a cursor string can be read on from: the trigger's idle poll.
		const resumes = run.report.findings.filter(
			(f) => f.reading === "reading on from the last page's cursor",
		);
		expect(resumes.map((f) => f.value)).toEqual(
			choice === 'string' ? ['resumes', 'resumes', 'resumes'] : [],
		);
	});

	test.each(CURSOR_RULES)("first page's cursor: %s", async (rule) => {
		sb.control.setCursorRule(rule);
		const run = await probe(sb, account);
		for (const list of LISTS) expect(run.value(list, "first page's cursor")).toBe(rule);
		expect(run.exitCode).toBe(0);
		// The node's own fallback: absent first, then null after the 400 about the cursor.
		const first = sb.control
			.requestLog()
			.filter((r) => r.path === '/getHolders')
			.slice(0, 2);
		if (rule === 'null-required') {
			expect(
				first.map((r) => [r.status, (r.body as { paginationOpts: object }).paginationOpts]),
			).toEqual([
				[400, { numItems: 2 }],
				[200, { numItems: 2, cursor: null }],
			]);
		} else {
			expect(first[0]).toMatchObject({ status: 200, body: { paginationOpts: { numItems: 2 } } });
		}
	});

	test.each(['oldest-first', 'newest-first'] as const)('order: %s', async (order) => {
		sb.control.setListShape({ order });
		const run = await probe(sb, account);
		for (const list of LISTS) expect(run.value(list, 'order')).toBe(order);
		expect(run.exitCode).toBe(0);
	});

	test.each(PAGINATION_BEHAVIOURS)('from page to page: %s', async (behaviour) => {
		sb.control.setPaginationBehaviour(behaviour);
		const run = await probe(sb, account);
		const handled = behaviour === 'normal' || behaviour === 'scattered-empty-pages';
		for (const list of LISTS) {
			const finding = run.finding(list, 'from page to page');
			expect(finding.value).toBe(behaviour === 'empty-pages' ? 'empty-pages' : behaviour);
			expect(finding.verdict).toBe(
				behaviour === 'normal' ? 'handled' : handled ? 'observation' : 'not-handled',
			);
		}
		expect(run.exitCode).toBe(handled ? 0 : 1);
		if (!handled) expect(run.table).toMatch(/✘ Holders list: from page to page .*NOT HANDLED/);
	});

	test('records per page: a server page cap shows as the largest short page', async () => {
		sb.control.setPageCap(1);
		const run = await probe(sb, account);
		for (const list of LISTS) expect(run.value(list, 'records per page')).toBe('cap-1');
		expect(run.exitCode).toBe(0);
	});

	test('mixed: null last cursor, null-required first cursor, newest first, page cap 2, scattered empty pages', async () => {
		sb.control.setReadings({ lastPageCursor: 'null' }, account.clientId);
		sb.control.setCursorRule('null-required');
		sb.control.setListShape({ order: 'newest-first' });
		sb.control.setPageCap(2);
		sb.control.setPaginationBehaviour('scattered-empty-pages');
		seedInOrder(sb, account, 3); // 8 records: the large pages after the small ones meet the cap
		const run = await probe(sb, account);
		for (const list of LISTS) {
			expect(run.value(list, "last page's cursor")).toBe('null');
			expect(run.value(list, "first page's cursor")).toBe('null-required');
			expect(run.value(list, 'order')).toBe('newest-first');
			expect(run.value(list, 'from page to page')).toBe('scattered-empty-pages');
			expect(run.value(list, 'records per page')).toBe('cap-2');
		}
		expect(run.exitCode).toBe(0);
	});
});
