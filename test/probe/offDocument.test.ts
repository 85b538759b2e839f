import { startSandbox, type Account, type Sandbox } from '../../sandbox';
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
	seedInOrder(sb, account, 3);
});

describe('a sandbox switched to an answer outside the document is reported as not handled', () => {
	test('a list without "page": the node stops; exit code 1', async () => {
		sb.control.setOffDocument({ listPage: 'items' }, account.clientId);
		const run = await probe(sb, account);
		for (const list of LISTS) {
			expect(run.finding(list, 'records of a page')).toMatchObject({
				value: 'no-page',
				observed: 'no "page" list; the answer\'s keys: hasMore, cursor, items',
				verdict: 'not-handled',
			});
		}
		expect(run.table).toMatch(
			/✘ Lists: records of a page .* NOT HANDLED: Get Many and the MyPit Trigger stop/,
		);
		expect(run.exitCode).toBe(1);
		expect(run.lines.join('\n')).toMatch(/exit code 1 \(something is not handled/);
	});

	test('hasMore as text: Get Many would end after the first page without an error', async () => {
		sb.control.setOffDocument({ hasMore: 'text' }, account.clientId);
		const run = await probe(sb, account);
		for (const list of LISTS) {
			expect(run.finding(list, 'hasMore')).toMatchObject({ value: 'text', verdict: 'not-handled' });
		}
		expect(run.exitCode).toBe(1);
	});

	test("timestamps as ISO text: the MyPit Trigger's events cannot use them", async () => {
		sb.control.setOffDocument({ timestamps: 'iso' }, account.clientId);
		const run = await probe(sb, account);
		expect(run.finding('template', 'timestamps')).toMatchObject({
			value: 'iso',
			verdict: 'not-handled',
		});
		expect(run.finding('holder', 'timestamps').node).toMatch(/New Holder cannot use createdAt/);
		expect(run.exitCode).toBe(1);
	});

	test('the same probe against the documented answers exits 0', async () => {
		const run = await probe(sb, account);
		expect(run.report.summary).toMatchObject({ notHandled: 0, failed: 0 });
		expect(run.exitCode).toBe(0);
	});
});
