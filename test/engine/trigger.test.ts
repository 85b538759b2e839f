/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-unused-expressions -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../helpers/fixture';
import { PolledTrigger } from '../../tooling/engine/poll';

const sandbox = useSandbox();
const DAY_MS = 86_400_000;

beforeEach(() => {
	sandbox.sandbox.control.setListShape({ order: 'oldest-first' });
	sandbox.sandbox.control.setReadings({ lastPageCursor: 'string' });
});

const trigger = async (parameters: INodeParameters) =>
	await PolledTrigger.create(sandbox.credentials, parameters);
const ids = (items: INodeExecutionData[]) =>
	items.map((item) => String((item.json.data as IDataObject)._id));
const listRequests = () => sandbox.requests().filter((request) => request.path !== '/hello').length;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function seedBadges(
	count: number,
	opts: Parameters<typeof sandbox.sandbox.control.seedBadges>[2] = {},
) {
	return sandbox.sandbox.control
		.seedBadges(sandbox.account.userId, count, opts)
		.map((badge) => badge._id);
}

async function api(path: string, body: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sandbox.sandbox.url}${path}`, {
		method: 'POST',
		headers: {
			clientId: sandbox.account.clientId,
			secretKey: sandbox.account.secretKey,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

describe('MyPit Trigger: new records', () => {
	test('New Issued Badge starts from now, fires each new badge once as {event, data}, idles on one request', async () => {
		seedBadges(5);
		const node = await trigger({ event: 'badge.issued' });
		expect((await node.activate()).items).toEqual([]);

		const fresh = seedBadges(3);
		const first = await node.poll();
		expect(ids(first.items)).toEqual(fresh);
		expect(first.saved).toBe(true);
		expect(first.items[0].json.event).toBe('badge.issued');
		expect(Object.keys(first.items[0].json.data as object).sort()).toEqual(
			[
				'_id',
				'expiresAt',
				'expiresAtIso',
				'issuedAt',
				'issuedAtIso',
				'recipientId',
				'status',
				'templateId',
				'type',
			].sort(),
		);

		sandbox.sandbox.control.clearLog();
		const idle = await node.poll();
		expect(idle.items).toEqual([]);
		expect(listRequests()).toBe(1);
	});

	test('New Holder and New Template; Simplify off gives the raw record', async () => {
		const holders = await trigger({ event: 'holder.created', simplify: false });
		const templates = await trigger({ event: 'template.created' });
		await holders.activate();
		await templates.activate();
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);

		const holderItems = (await holders.poll()).items;
		expect(holderItems.map((item) => item.json)).toEqual([
			{ event: 'holder.created', data: { ...holder } },
		]);
		const templateItems = (await templates.poll()).items;
		expect(ids(templateItems)).toEqual([template._id]);
		expect(templateItems[0].json.event).toBe('template.created');
		expect((templateItems[0].json.data as IDataObject).ownerId).toBeUndefined();
	});

	test('Include Existing Records fires the records already there on activation, then only new ones', async () => {
		const existing = seedBadges(4);
		const node = await trigger({ event: 'badge.issued', options: { includeExisting: true } });
		expect(ids((await node.activate()).items)).toEqual(existing);
		expect((await node.poll()).items).toEqual([]);
	});

	test('Template and Badge Type filters keep only matching badges; the position still moves past the others', async () => {
		const [wanted, other] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 2);
		const node = await trigger({
			event: 'badge.issued',
			templateId: { __rl: true, mode: 'id', value: wanted._id },
			badgeType: wanted.type,
		});
		await node.activate();
		const match = seedBadges(2, { templateId: wanted._id });
		seedBadges(2, { templateId: other._id });
		expect(ids((await node.poll()).items)).toEqual(match);
		sandbox.sandbox.control.clearLog();
		expect((await node.poll()).items).toEqual([]);
		expect(listRequests()).toBe(1);
	});

	test('A newest-first list is detected: new records fire oldest first, an idle poll reads one page', async () => {
		sandbox.sandbox.control.setListShape({ order: 'newest-first' });
		sandbox.sandbox.control.setPageCap(10);
		seedHolders(25);
		const node = await trigger({ event: 'holder.created' });
		await node.activate();
		const fresh = seedHoldersOneByOne(3);
		await sleep(5);
		const first = await node.poll();
		expect(ids(first.items)).toEqual(fresh);
		expect((node.saved['node:MyPit Trigger'] as IDataObject).mypitTrigger).toMatchObject({
			position: { order: 'newest-first' },
		});
		sandbox.sandbox.control.clearLog();
		expect((await node.poll()).items).toEqual([]);
		expect(listRequests()).toBe(1);
	});

	test('One bulk issue stamps every badge alike: idle polls cost at most 2 requests, the tied IDs kept stay bounded', async () => {
		seedBadges(1500);
		const node = await trigger({ event: 'badge.issued' });
		await node.activate();
		const position = () =>
			((node.saved['node:MyPit Trigger'] as IDataObject).mypitTrigger as IDataObject)
				.position as IDataObject;
		expect(position()).toMatchObject({
			order: 'unknown',
			cursor: expect.any(String),
			latestIds: [],
			tiesOverflow: true,
		});
		sandbox.sandbox.control.clearLog();
		expect((await node.poll()).items).toEqual([]);
		expect(listRequests()).toBe(2);
		const fresh = seedBadgesOneByOne(2);
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect(position()).toMatchObject({ order: 'oldest-first' });
		sandbox.sandbox.control.clearLog();
		expect((await node.poll()).items).toEqual([]);
		expect(listRequests()).toBe(1);
	});

	test('Newest first behind a tie: new records landing on top of the list switch the trigger to newest first', async () => {
		sandbox.sandbox.control.setListShape({ order: 'newest-first' });
		sandbox.sandbox.control.setPageCap(10);
		seedBadges(30);
		const node = await trigger({ event: 'badge.issued' });
		await node.activate();
		const fresh = seedBadgesOneByOne(3);
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect(
			((node.saved['node:MyPit Trigger'] as IDataObject).mypitTrigger as IDataObject).position,
		).toMatchObject({ order: 'newest-first' });
		sandbox.sandbox.control.clearLog();
		expect((await node.poll()).items).toEqual([]);
		expect(listRequests()).toBe(1);
		const more = seedBadgesOneByOne(2);
		expect(ids((await node.poll()).items)).toEqual(more);
	});

	test.each(['null', 'absent'] as const)(
		'A last page whose cursor is %s cannot be resumed: every poll reads the list, still exactly once',
		async (lastPageCursor) => {
			sandbox.sandbox.control.setReadings({ lastPageCursor });
			sandbox.sandbox.control.setPageCap(10);
			seedHolders(35);
			const node = await trigger({ event: 'holder.created' });
			await node.activate();
			const fresh = seedHoldersOneByOne(2);
			expect(ids((await node.poll()).items)).toEqual(fresh);
			sandbox.sandbox.control.clearLog();
			expect((await node.poll()).items).toEqual([]);
			expect(listRequests()).toBe(4);
			const position = (node.saved['node:MyPit Trigger'] as IDataObject)
				.mypitTrigger as IDataObject;
			expect((position.position as IDataObject).cursor).toBeUndefined();
		},
	);

	test('Records created while a poll runs fire exactly once, in this poll or the next', async () => {
		sandbox.sandbox.control.setPageCap(10);
		const node = await trigger({ event: 'badge.issued' });
		await node.activate();
		const before = seedBadges(25);
		// The third page answers late; badges are issued meanwhile.
		sandbox.sandbox.control.injectFault({
			path: '/getIssuedBadges',
			kind: 'delay',
			delayMs: 400,
			skip: 2,
		});
		const polling = node.poll();
		await sleep(150);
		const during = seedBadges(7);
		const first = await polling;
		const second = await node.poll();
		const third = await node.poll();
		const fired = [...ids(first.items), ...ids(second.items), ...ids(third.items)];
		expect(fired).toEqual([...before, ...during]);
	});

	test("A poll failing halfway throws MyPit's message and moves nothing; the next poll catches up", async () => {
		sandbox.sandbox.control.setPageCap(10);
		const node = await trigger({ event: 'badge.issued' });
		await node.activate();
		const savedBefore = JSON.stringify(node.saved);
		const fresh = seedBadges(30);
		sandbox.sandbox.control.injectFault({
			path: '/getIssuedBadges',
			kind: 'status',
			status: 503,
			message: 'Maintenance window',
			skip: 1,
			times: 4,
		});
		await expect(node.poll()).rejects.toMatchObject({
			message: expect.stringContaining('Maintenance window'),
		});
		expect(JSON.stringify(node.saved)).toBe(savedBefore);
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect((await node.poll()).items).toEqual([]);
	});

	test('Restart: the saved position survives a JSON round trip; nothing is lost or repeated', async () => {
		const node = await trigger({ event: 'badge.issued' });
		await node.activate();
		const a = seedBadges(2);
		expect(ids((await node.poll()).items)).toEqual(a);
		// Idle polls are not saved by n8n; after a restart the saved position must still be right.
		expect((await node.poll()).saved).toBe(false);
		const b = seedBadges(3);
		const restarted = await node.restart();
		expect(ids(restarted.items)).toEqual(b);
		expect((await node.restart()).items).toEqual([]);
		const c = seedBadges(1);
		expect(ids((await node.poll()).items)).toEqual(c);
	});

	test('Deleting records between polls (the one at the saved cursor too) loses and repeats nothing', async () => {
		const node = await trigger({ event: 'holder.created' });
		await node.activate();
		const created = sandbox.sandbox.control
			.seedHolders(sandbox.account.userId, 3)
			.map((holder) => holder._id);
		expect(ids((await node.poll()).items)).toEqual(created);
		await api('/deleteHolder', { holderID: created[2], issuerId: sandbox.account.userId });
		await api('/deleteHolder', { holderID: created[0], issuerId: sandbox.account.userId });
		const fresh = sandbox.sandbox.control
			.seedHolders(sandbox.account.userId, 2)
			.map((holder) => holder._id);
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect((await node.poll()).items).toEqual([]);
	});

	test('Changing the Event of an active trigger starts the new event from now; nothing fires twice or is lost', async () => {
		const node = await trigger({ event: 'holder.created' });
		await node.activate();
		const holders = seedHoldersOneByOne(2);
		expect(ids((await node.poll()).items)).toEqual(holders);
		// Badges issued after the last holder the old event saw, before the change: not new to the
		// new event, whatever the old event's saved position says.
		seedBadgesOneByOne(2);

		const changed = await node.reconfigure({ event: 'badge.issued' });
		expect(changed.items).toEqual([]);
		seedHolders(1);
		const fresh = seedBadgesOneByOne(2);
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect((await node.poll()).items).toEqual([]);

		// And back: the holder list starts from now as well, not from its old position.
		expect((await node.reconfigure({ event: 'holder.created' })).items).toEqual([]);
		const later = seedHoldersOneByOne(1);
		seedBadges(1);
		expect(ids((await node.poll()).items)).toEqual(later);
		expect((await node.restart()).items).toEqual([]);
	});

	test('Changing the Event with Include Existing Records fires every existing record of the new event once', async () => {
		// Badges older than everything the old event saw: the new event must still fire them.
		const badges = seedBadgesOneByOne(3);
		const node = await trigger({ event: 'holder.created' });
		await node.activate();
		seedHoldersOneByOne(2);
		expect((await node.poll()).items).toHaveLength(2);

		const changed = await node.reconfigure({
			event: 'badge.issued',
			options: { includeExisting: true },
		});
		expect(ids(changed.items)).toEqual(badges);
		expect((await node.poll()).items).toEqual([]);
		const fresh = seedBadgesOneByOne(1);
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect((await node.restart()).items).toEqual([]);
	});

	test('Template Updated fires when updatedAt moves, once, and not for new templates', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 2);
		const node = await trigger({ event: 'template.updated' });
		await node.activate();
		sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		expect((await node.poll()).items).toEqual([]);
		const { _id, ownerId, createdAt, isActive, updatedAt, ...data } =
			template as unknown as IDataObject;
		(void ownerId, void createdAt, void isActive);
		const answer = await api('/updateBadgeTemplate', {
			userId: sandbox.account.userId,
			templateId: _id,
			data: { ...data, name: 'Renamed', updatedAt: (updatedAt as number) + 1000 },
		});
		expect(answer._id).toBe(_id);
		const fired = (await node.poll()).items;
		expect(fired.map((item) => item.json)).toEqual([
			{ event: 'template.updated', data: expect.objectContaining({ _id, name: 'Renamed' }) },
		]);
		expect((await node.poll()).items).toEqual([]);
		expect((await node.restart()).items).toEqual([]);
	});
});

describe('MyPit Trigger: expiry', () => {
	test('Badge Expiring fires once per badge when expiresAt enters the window, also after restarts', async () => {
		seedBadges(1, { expiresInDays: () => 3 });
		const node = await trigger({ event: 'badge.expiring', daysAhead: 7 });
		// Already in the window on activation: history, not fired.
		expect((await node.activate()).items).toEqual([]);
		// Issued later and already inside the window; another 2.5 s beyond the window's end; one far off.
		const inside = seedBadges(1, { expiresInDays: () => 2 });
		const edge = seedBadges(1, { expiresInDays: () => 7 + 2500 / DAY_MS });
		seedBadges(1, { expiresInDays: () => 30 });
		expect(ids((await node.poll()).items)).toEqual(inside);
		expect((await node.poll()).items).toEqual([]);
		await sleep(2700);
		expect(ids((await node.poll()).items)).toEqual(edge);
		expect((await node.restart()).items).toEqual([]);
		expect((await node.poll()).items).toEqual([]);
	});

	test('Badge Expiring with Include Existing fires the badges already in the window on activation', async () => {
		const soon = seedBadges(2, { expiresInDays: () => 1 });
		seedBadges(1, { expiresInDays: () => 20 });
		const node = await trigger({
			event: 'badge.expiring',
			daysAhead: 7,
			options: { includeExisting: true },
		});
		expect(ids((await node.activate()).items).sort()).toEqual([...soon].sort());
		expect((await node.poll()).items).toEqual([]);
	});

	test('Badge Expired fires once when a badge expires, respecting the Badge Type filter', async () => {
		const node = await trigger({ event: 'badge.expired', badgeType: 'achievement' });
		await node.activate();
		const [achievement, other] = ensureTemplates();
		const expiring = seedBadges(1, { templateId: achievement, expiresInDays: () => 1500 / DAY_MS });
		seedBadges(1, { templateId: other, expiresInDays: () => 1500 / DAY_MS });
		expect((await node.poll()).items).toEqual([]);
		await sleep(1700);
		const fired = (await node.poll()).items;
		expect(ids(fired)).toEqual(expiring);
		expect(fired[0].json.event).toBe('badge.expired');
		expect((await node.poll()).items).toEqual([]);
		expect((await node.restart()).items).toEqual([]);
	});
});

describe('MyPit Trigger: manual test and errors', () => {
	test('Fetch Test Event returns the most recent matching record and leaves the position alone', async () => {
		const node = await trigger({ event: 'badge.issued' });
		await node.activate();
		const savedBefore = JSON.stringify(node.saved);
		const badges = seedBadgesOneByOne(3);
		const sample = await node.manual();
		expect(ids(sample)).toEqual([badges[2]]);
		expect(JSON.stringify(node.saved)).toBe(savedBefore);
		expect(ids((await node.poll()).items)).toEqual(badges);
	});

	test('Fetch Test Event with nothing to show says so', async () => {
		const node = await trigger({ event: 'badge.expired' });
		await expect(node.manual()).rejects.toThrow('No badge matching this trigger has expired yet');
	});

	test("A wrong secret fails activation with MyPit's own message, never the secret", async () => {
		const node = await PolledTrigger.create(
			{ ...sandbox.credentials, secretKey: 'wrong-secret-value' },
			{ event: 'holder.created' },
		);
		const failure = await node.activate().then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(failure?.message).toContain('Invalid clientId or secretKey');
		expect(
			JSON.stringify({ message: failure?.message, description: failure?.description }),
		).not.toContain('wrong-secret-value');
	});
});

function seedHolders(count: number) {
	return sandbox.sandbox.control
		.seedHolders(sandbox.account.userId, count)
		.map((holder) => holder._id);
}

/** Records one millisecond apart, so their timestamps give away the list's order. */
function seedHoldersOneByOne(count: number) {
	const created: string[] = [];
	for (let i = 0; i < count; i++) {
		const start = Date.now();
		while (Date.now() === start) {
			// wait for the next millisecond
		}
		created.push(...seedHolders(1));
	}
	return created;
}

function seedBadgesOneByOne(count: number) {
	const created: string[] = [];
	for (let i = 0; i < count; i++) {
		const start = Date.now();
		while (Date.now() === start) {
			// wait for the next millisecond
		}
		created.push(...seedBadges(1));
	}
	return created;
}

function ensureTemplates(): [string, string] {
	const achievement = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		type: 'achievement',
	})[0];
	const other = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		type: 'finance',
	})[0];
	return [achievement._id, other._id];
}

describe('MyPit Trigger: the API client budget', () => {
	test("a poll keeps to the credential's Max Requests per Minute, like the action node", async () => {
		seedBadges(200);
		sandbox.sandbox.control.setPageCap(50);
		try {
			const limited = await PolledTrigger.create(
				{ ...sandbox.credentials, maxRequestsPerMinute: 120 },
				{ event: 'badge.issued' },
			);
			sandbox.sandbox.control.clearLog();
			await limited.activate();
			const times = sandbox.requests().map((request) => request.at);
			// 200 badges in pages of at most 50: at least four list requests.
			expect(times.length).toBeGreaterThanOrEqual(4);
			// 120 a minute: one request every 500 ms at most (a little slack for timers).
			const gaps = times.slice(1).map((at, index) => at - times[index]);
			expect(Math.min(...gaps)).toBeGreaterThanOrEqual(450);
		} finally {
			sandbox.sandbox.control.setPageCap(1000);
		}
	});
});
