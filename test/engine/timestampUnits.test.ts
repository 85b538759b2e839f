/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Timestamps in seconds: the API document types every date as `number` without a unit, so a
 * MyPit may send seconds since 1970 where the sandbox's default sends milliseconds (the
 * `timestamps` reading). The node reads a number below 10^11 as seconds everywhere it reads a date
 * (ISO text, Skip Holders Who Already Have It, the MyPit Trigger) and writes Update Template's
 * updatedAt in the unit of the template (Skip Holders under this reading is tested beside the
 * other readings, in documentReadings.test.ts).
 * Real engine, real HTTP to the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { PolledTrigger } from '../../tooling/engine/poll';
import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const DAY_MS = 86_400_000;

beforeEach(() =>
	sandbox.sandbox.control.setReadings({ timestamps: 'seconds' }, sandbox.account.clientId),
);

/** A stored instant (ms) as MyPit answers it under the seconds reading. */
const inSeconds = (ms: number) => Math.floor(ms / 1000);

test('Get Many: the epoch fields as MyPit sent them (seconds), the ISO text of the right day', async () => {
	const [badge] = sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, {
		expiresInDays: () => 30,
	});

	const [item] = jsonOf(
		await sandbox.run({ resource: 'badge', operation: 'getAll', returnAll: true }),
	);

	expect(item.expiresAt).toBe(inSeconds(badge.expiresAt));
	expect(item.expiresAtIso).toBe(new Date(inSeconds(badge.expiresAt) * 1000).toISOString());
	expect(item.issuedAtIso).toBe(new Date(inSeconds(badge.issuedAt) * 1000).toISOString());
});

test('Update Template sends updatedAt in whole seconds, and Template Updated fires once for it', async () => {
	const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		createdAt: Date.now() - 10 * DAY_MS,
		updatedAt: Date.now() - 10 * DAY_MS,
	});
	const watcher = await PolledTrigger.create(sandbox.credentials, { event: 'template.updated' });
	expect((await watcher.activate()).items).toEqual([]);

	const before = Date.now();
	const result = await sandbox.run({
		resource: 'template',
		operation: 'update',
		templateId: byId(template._id),
		updateFields: { name: 'Renamed' },
	});

	expect(result.error).toBeUndefined();
	const sent = bodiesOf(sandbox.requests()).find((body) => body.templateId && body.data)!;
	const updatedAt = (sent.data as IDataObject).updatedAt as number;
	expect(updatedAt).toBeGreaterThanOrEqual(inSeconds(before));
	expect(updatedAt).toBeLessThanOrEqual(inSeconds(Date.now()));
	const fired = (await watcher.poll()).items.map((item) => item.json.data as IDataObject);
	expect(fired.map((record) => [record._id, record.name, record.updatedAt])).toEqual([
		[template._id, 'Renamed', updatedAt],
	]);
	expect((await watcher.poll()).items).toEqual([]);
});

test("Update Template right after Create (same second, or MyPit's clock ahead): updatedAt still moves past createdAt", async () => {
	// MyPit stamped the template 2 s ahead of n8n's clock: now, in seconds, is before createdAt.
	const createdAt = Date.now() + 2000;
	const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		createdAt,
		updatedAt: createdAt,
	});
	const watcher = await PolledTrigger.create(sandbox.credentials, { event: 'template.updated' });
	await watcher.activate();

	const result = await sandbox.run({
		resource: 'template',
		operation: 'update',
		templateId: byId(template._id),
		updateFields: { name: 'Renamed at once' },
	});

	expect(result.error).toBeUndefined();
	const sent = bodiesOf(sandbox.requests()).find((body) => body.templateId && body.data)!;
	expect((sent.data as IDataObject).updatedAt).toBe(inSeconds(createdAt) + 1);
	const fired = (await watcher.poll()).items.map((item) => item.json.data as IDataObject);
	expect(fired.map((record) => record.name)).toEqual(['Renamed at once']);
});

test('the MyPit Trigger: New Issued Badge, Badge Expiring and Badge Expired each fire once', async () => {
	const trigger = async (event: string) =>
		await PolledTrigger.create(sandbox.credentials, { event, daysAhead: 7 });
	const issued = await trigger('badge.issued');
	const expiring = await trigger('badge.expiring');
	const expired = await trigger('badge.expired');
	for (const node of [issued, expiring, expired]) expect((await node.activate()).items).toEqual([]);

	// Issued now, each already inside a window: one expires in 3 days, one in 1.5 seconds.
	const [soon, gone] = sandbox.sandbox.control.seedBadges(sandbox.account.userId, 2, {
		expiresInDays: (i) => [3, 1.5 / 86_400][i],
		issuedDaysAgo: () => 0,
	});
	// Poll once the second badge has expired and the second both were issued in has ended (their
	// dates are whole seconds).
	await new Promise((resolve) => setTimeout(resolve, 2600));

	const idsOf = async (node: PolledTrigger) =>
		(await node.poll()).items.map((item) => (item.json.data as IDataObject)._id);
	expect(await idsOf(issued)).toEqual([soon._id, gone._id]);
	expect(await idsOf(expiring)).toEqual([soon._id]);
	expect(await idsOf(expired)).toEqual([gone._id]);
	for (const node of [issued, expiring, expired]) expect(await idsOf(node)).toEqual([]);
});

test('Badge Expiring: a badge issued after a poll but within the same second still fires, once', async () => {
	// The case needs a poll and an issue within one second: tried again (each time with a template
	// of its own, so an earlier try's badge stays out) until the machine is quick enough.
	const alignToSecond = async () =>
		await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
	for (let attempt = 1; ; attempt++) {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const expiring = await PolledTrigger.create(sandbox.credentials, {
			event: 'badge.expiring',
			daysAhead: 7,
			templateId: byId(template._id),
		});
		expect((await expiring.activate()).items).toEqual([]);
		// Just after a second begins: poll, then issue (its issuedAt, whole seconds, reads as
		// earlier than that poll).
		await alignToSecond();
		const polledFrom = Date.now();
		expect((await expiring.poll()).items).toEqual([]);
		const [badge] = sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, {
			templateId: template._id,
			expiresInDays: () => 3,
			issuedDaysAgo: () => 0,
		});
		if (inSeconds(badge.issuedAt) !== inSeconds(polledFrom)) {
			if (attempt < 5) continue;
			throw new Error('5 tries could not poll and issue within one second');
		}
		await alignToSecond();

		const fired = (await expiring.poll()).items.map((item) => (item.json.data as IDataObject)._id);
		expect(fired).toEqual([badge._id]);
		expect((await expiring.poll()).items).toEqual([]);
		return;
	}
});
