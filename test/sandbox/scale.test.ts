/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { startSandbox, type Sandbox } from '../../sandbox';
import { post } from './helpers';

const N = 100_000;
const timing = (label: string, started: number) => {
	if (process.env.SANDBOX_TIMING) console.log(`${label}: ${Date.now() - started} ms`);
};

let sb: Sandbox;
let seeded: string[];
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
	const started = Date.now();
	seeded = sb.control.seedHolders('demo-user', N).map((h) => h._id);
	timing(`seed ${N} holders`, started);
});
afterAll(() => sb.close());

const page = (numItems: number, cursor: string | null = null) =>
	post(sb, '/getHolders', { userId: 'demo-user', paginationOpts: { numItems, cursor } });

describe(`${N} holders`, () => {
	it('are all distinct', () => {
		expect(seeded).toHaveLength(N);
		expect(new Set(seeded).size).toBe(N);
	});

	it('serve a first page of 100', async () => {
		const started = Date.now();
		const reply = await page(100);
		timing('page of 100', started);
		expect(reply.body.page.map((h: { _id: string }) => h._id)).toEqual(seeded.slice(0, 100));
		expect(reply.body.hasMore).toBe(true);
	});

	it('walk completely in capped pages, each record once, and resume deep inside', async () => {
		sb.control.setPageCap(25_000);
		const started = Date.now();
		const seen: string[] = [];
		const cursors: string[] = [];
		let cursor: string | null = null;
		for (let i = 0; i < 10; i++) {
			const reply = await page(50_000, cursor);
			seen.push(...reply.body.page.map((h: { _id: string }) => h._id));
			cursors.push(reply.body.cursor);
			cursor = reply.body.cursor;
			if (!reply.body.hasMore) break;
		}
		timing('full walk', started);
		expect(cursors).toHaveLength(4);
		expect(seen).toEqual(seeded);

		const deep = await page(100, cursors[1]);
		expect(deep.body.page.map((h: { _id: string }) => h._id)).toEqual(seeded.slice(50_000, 50_100));
	});

	it('keep a deep cursor valid after deleting the record it points after', async () => {
		sb.control.setPageCap(1000);
		let cursor: string | null = null;
		for (let i = 0; i < 3; i++) cursor = (await page(1000, cursor)).body.cursor;
		const deleted = await post(sb, '/deleteHolder', {
			holderID: seeded[2999],
			issuerId: 'demo-user',
		});
		expect(deleted.body).toEqual({ success: true });
		const next = await page(100, cursor);
		expect(next.body.page.map((h: { _id: string }) => h._id)).toEqual(seeded.slice(3000, 3100));
	});
});
