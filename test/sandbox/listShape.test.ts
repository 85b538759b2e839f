import { startSandbox, type Sandbox } from '../../sandbox';
import { control, post, type Json } from './helpers';

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});

afterAll(async () => {
	await sb.close();
});

beforeEach(async () => {
	await control(sb, 'POST', '/reset');
});

describe('sandbox list shape', () => {
	const list = async (cursor?: string | null) =>
		await post(sb, '/getHolders', {
			userId: sb.demo.userId,
			paginationOpts: { numItems: 2, ...(cursor === undefined ? {} : { cursor }) },
		});

	test('newest-first pages walk from the newest record to the oldest', async () => {
		sb.control.seedHolders(sb.demo.userId, 3);
		const walk = async () => {
			const ids: string[] = [];
			let page = (await list()).body;
			ids.push(...page.page.map((holder: Json) => holder._id));
			while (page.hasMore) {
				page = (await list(page.cursor)).body;
				ids.push(...page.page.map((holder: Json) => holder._id));
			}
			return ids;
		};
		const oldestFirst = await walk();
		expect(oldestFirst).toHaveLength(3);
		await control(sb, 'POST', '/list-shape', { order: 'newest-first' });
		expect(await walk()).toEqual([...oldestFirst].reverse());
	});

	test('the last page cursor can be a string (resumes after the last record), null or absent', async () => {
		sb.control.seedHolders(sb.demo.userId, 5);
		const demoHolders = (await list()).body;
		expect(demoHolders.hasMore).toBe(true);
		let page = demoHolders;
		while (page.hasMore) page = (await list(page.cursor)).body;
		expect(typeof page.cursor).toBe('string');
		const [added] = sb.control.seedHolders(sb.demo.userId, 1);
		expect((await list(page.cursor)).body.page.map((holder: Json) => holder._id)).toEqual([
			added._id,
		]);

		// The last page's cursor is a reading; the list shape refuses it, naming the reading.
		const refused = await control(sb, 'POST', '/list-shape', { lastPageCursor: 'null' });
		expect(refused.status).toBe(400);
		expect(JSON.stringify(refused.body)).toContain('reading lastPageCursor');
		sb.control.setReadings({ lastPageCursor: 'null' });
		let last = (await list()).body;
		while (last.hasMore) last = (await list(last.cursor)).body;
		expect(last.cursor).toBeNull();
		sb.control.setReadings({ lastPageCursor: 'absent' });
		last = (await list()).body;
		while (last.hasMore) last = (await list(last.cursor)).body;
		expect('cursor' in last).toBe(false);
		expect((await control(sb, 'POST', '/list-shape', { order: 'sideways' })).status).toBe(400);
	});
});
