import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type Sandbox } from '../../sandbox';
import { control, post, type Json } from './helpers';

let sb: Sandbox;
let receiver: http.Server;
let receiverUrl: string;
const received: Json[] = [];

beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
	receiver = http.createServer((request, response) => {
		let text = '';
		request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		request.on('end', () => {
			received.push({ path: request.url, body: JSON.parse(text) });
			response
				.writeHead(request.url === '/gone' ? 410 : 200, { 'Content-Type': 'application/json' })
				.end('{"received":true}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await sb.close();
	await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(async () => {
	received.length = 0;
	await control(sb, 'POST', '/reset');
});

const holderBody = (userId: string, issuerDid: string) => ({
	issuerDid,
	issuerId: userId,
	data: {
		name: 'Ada',
		email: 'ada@example.com',
		phone: '+1',
		ownerId: userId,
		holderDid: 'did:x:1',
		holderId: 'ext-1',
	},
});

describe('sandbox webhooks', () => {
	test('POSTs {event, data} for template.created, holder.created and badge.issued to a subscribed URL', async () => {
		const added = await control(sb, 'POST', '/webhooks', { url: `${receiverUrl}/hook` });
		expect(added.status).toBe(201);
		const demo = sb.demo;
		const template = await post(sb, '/createBadgeTemplate', {
			userId: demo.userId,
			imageUrl: 'https://example.com/t.png',
			typeOfBadge: 'achievement',
			name: 'T',
			validityPeriod: 30,
			description: 'd',
			criteria: 'c',
			price: 0,
		});
		expect(template.body).toMatchObject({ _id: expect.any(String) });
		const holder = await post(sb, '/createHolder', holderBody(demo.userId, demo.issuerDid));
		const issued = await post(sb, '/issueBadge', {
			userId: demo.userId,
			validityPeriod: 30,
			templateId: template.body._id,
			badgeData: {},
			recipientIds: [holder.body._id],
			type: 'achievement',
		});
		await sb.control.webhookDeliveriesSettled();

		expect(received.map((hit) => hit.body.event)).toEqual([
			'template.created',
			'holder.created',
			'badge.issued',
		]);
		expect(received[0].body.data).toMatchObject({
			_id: template.body._id,
			templateId: template.body._id,
			name: 'T',
		});
		expect(received[1].body.data).toMatchObject({
			_id: holder.body._id,
			holderId: 'ext-1',
			email: 'ada@example.com',
		});
		expect(received[2].body.data).toMatchObject({
			_id: issued.body.issuedBadges[0],
			badgeId: issued.body.issuedBadges[0],
			recipientId: holder.body._id,
		});
		const listed = await control(sb, 'GET', '/webhooks');
		expect(listed.body.deliveries.map((delivery: Json) => delivery.status)).toEqual([
			200, 200, 200,
		]);
	});

	test('Subscriptions filter by event and account; failed deliveries are recorded; DELETE and reset remove them', async () => {
		const other = sb.control.createAccount();
		sb.control.addWebhook({
			url: `${receiverUrl}/holders`,
			events: ['holder.created'],
			userId: other.userId,
		});
		sb.control.addWebhook({ url: `${receiverUrl}/gone`, events: ['template.created'] });
		sb.control.seedHolders(sb.demo.userId, 1);
		sb.control.seedHolders(other.userId, 2);
		sb.control.seedTemplates(other.userId, 1);
		await sb.control.webhookDeliveriesSettled();
		expect(received.map((hit) => hit.path).sort()).toEqual(['/gone', '/holders', '/holders']);
		expect(
			sb.control.webhooks().deliveries.find((delivery) => delivery.url.endsWith('/gone'))?.status,
		).toBe(410);

		const bad = await control(sb, 'POST', '/webhooks', {
			url: receiverUrl,
			events: ['badge.revoked'],
		});
		expect(bad.status).toBe(400);
		expect((await control(sb, 'DELETE', '/webhooks')).status).toBe(200);
		sb.control.seedHolders(other.userId, 1);
		await sb.control.webhookDeliveriesSettled();
		expect(received).toHaveLength(3);
	});
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
