/**
 * Filters on Get Many in a workflow run: MyPit has no search, so the node keeps the matching
 * records while it pages, in pages of 1,000, and stops reading once Limit records match.
 * Runs on both n8n lines against the sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const seedHolders = (count: number) =>
	sandbox.sandbox.control.seedHolders(sandbox.account.userId, count);
const pagesAsked = () =>
	bodiesOf(sandbox.requests()).map((body) => (body.paginationOpts as IDataObject).numItems);
const getHolders = (filters: INodeParameters, more: INodeParameters = {}) =>
	sandbox.run({ resource: 'holder', operation: 'getAll', filters, ...more });

describe('Holder → Get Many with Filters', () => {
	test('Email: exact, ignoring case and surrounding spaces; read in pages of 1,000', async () => {
		const holders = seedHolders(2500);
		const result = await getHolders({ email: '  HOLDER2200@Example.COM ' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((holder) => holder._id)).toEqual([holders[2199]._id]);
		// Default Limit 50 is not reached by one match: the whole list is read, 3 full pages.
		expect(pagesAsked()).toEqual([1000, 1000, 1000]);
	});

	test('Email: a part of an address is not an email and is refused before any request', async () => {
		seedHolders(3);
		const result = await getHolders({ email: 'holder2' });
		expect(result.error?.message).toBe(
			'Invalid "Filters: Email": expected an email address such as name@example.com, got the text "holder2"',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	test('Name: contains, ignoring case; Return All gives every match', async () => {
		seedHolders(1500);
		const result = await getHolders({ name: 'seed HOLDER 12' }, { returnAll: true });
		const names = jsonOf(result).map((holder) => holder.name);
		// 12, 120–129, 1200–1299.
		expect(names).toHaveLength(1 + 10 + 100);
		expect(names.every((name) => String(name).startsWith('Seed Holder 12'))).toBe(true);
		expect(pagesAsked()).toEqual([1000, 1000]);
	});

	test('with a Limit, reading stops once that many match', async () => {
		seedHolders(5000);
		const result = await getHolders({ name: 'Seed Holder 1' }, { limit: 5 });
		expect(jsonOf(result).map((holder) => holder.name)).toEqual([
			'Seed Holder 1',
			'Seed Holder 10',
			'Seed Holder 11',
			'Seed Holder 12',
			'Seed Holder 13',
		]);
		expect(pagesAsked()).toEqual([1000]);
	});

	test('Holder User ID: exact, so ext-holder-7 is not ext-holder-70', async () => {
		const holders = seedHolders(80);
		const result = await getHolders({ holderId: 'ext-holder-7' });
		expect(jsonOf(result).map((holder) => holder._id)).toEqual([holders[6]._id]);
	});

	test('no match: no output items, every page read once', async () => {
		seedHolders(1200);
		const result = await getHolders({ email: 'nobody@example.com' });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(pagesAsked()).toEqual([1000, 1000]);
	});

	test('filters combine: every filter must match', async () => {
		const holders = seedHolders(30);
		const result = await getHolders({ name: 'holder 2', email: 'holder21@example.com' });
		expect(jsonOf(result).map((holder) => holder._id)).toEqual([holders[20]._id]);
	});

	test('a Page Size set in the Options is kept with a filter', async () => {
		seedHolders(250);
		await getHolders({ name: 'Seed' }, { returnAll: true, options: { pageSize: 100 } });
		expect(pagesAsked()).toEqual([100, 100, 100]);
	});
});

describe('Template → Get Many with Filters', () => {
	test('Type, Active and Name', async () => {
		const { userId } = sandbox.account;
		const control = sandbox.sandbox.control;
		// Types cycle mobility, achievement, healthcare, finance; names run Seed template 1 to 12.
		const active = control.seedTemplates(userId, 8);
		const inactive = control.seedTemplates(userId, 4, { isActive: false });
		const run = async (filters: INodeParameters) =>
			jsonOf(await sandbox.run({ resource: 'template', operation: 'getAll', filters })).map(
				(template) => template._id,
			);
		expect(await run({ type: 'finance' })).toEqual([active[3]._id, active[7]._id, inactive[3]._id]);
		expect(await run({ type: 'finance', active: true })).toEqual([active[3]._id, active[7]._id]);
		expect(await run({ active: false })).toEqual(inactive.map((template) => template._id));
		expect(await run({ name: 'TEMPLATE 1' })).toEqual([
			active[0]._id,
			inactive[1]._id,
			inactive[2]._id,
			inactive[3]._id,
		]);
	});

	test('Active matches neither way on records that carry no isActive (sparse records)', async () => {
		const { userId, clientId } = sandbox.account;
		sandbox.sandbox.control.seedTemplates(userId, 3);
		sandbox.sandbox.control.setReadings({ records: 'sparse' }, clientId);
		for (const active of [true, false]) {
			const result = await sandbox.run({
				resource: 'template',
				operation: 'getAll',
				filters: { active },
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toEqual([]);
		}
	});

	test('a type outside the four is refused before any request', async () => {
		const result = await sandbox.run({
			resource: 'template',
			operation: 'getAll',
			filters: { type: 'gold' },
		});
		expect(result.error?.message).toMatch(
			/^Invalid "Filters: Type": expected one of achievement, finance/,
		);
		expect(sandbox.requests()).toEqual([]);
	});
});

describe('Badge → Get Many with Filters', () => {
	test('Holder ID, Template ID and Status (case ignored)', async () => {
		const { userId } = sandbox.account;
		const control = sandbox.sandbox.control;
		const [ada, alan] = control.seedHolders(userId, 2);
		const [first, second] = control.seedTemplates(userId, 2);
		control.seedBadges(userId, 3, { templateId: first._id, recipientIds: [ada._id] });
		control.seedBadges(userId, 2, { templateId: second._id, recipientIds: [alan._id] });
		control.seedBadges(userId, 1, {
			templateId: second._id,
			recipientIds: [ada._id],
			expiresInDays: () => -1,
		});
		const run = async (filters: INodeParameters) =>
			jsonOf(await sandbox.run({ resource: 'badge', operation: 'getAll', filters }));

		expect((await run({ holder: ada._id })).map((badge) => badge.recipientId)).toEqual(
			Array(4).fill(ada._id),
		);
		expect((await run({ template: second._id })).map((badge) => badge.templateId)).toEqual(
			Array(3).fill(second._id),
		);
		const expired = await run({ status: 'EXPIRED', holder: ada._id });
		expect(expired.map((badge) => [badge.templateId, badge.status])).toEqual([
			[second._id, 'expired'],
		]);
		expect(await run({ holder: alan._id, template: first._id })).toEqual([]);
	});

	test('a holder ID with a space is refused before any request', async () => {
		const result = await sandbox.run({
			resource: 'badge',
			operation: 'getAll',
			filters: { holder: 'hold 7' },
		});
		expect(result.error?.message).toMatch(
			/^Invalid "Filters: Holder ID": expected an ID without spaces/,
		);
		expect(sandbox.requests()).toEqual([]);
	});
});
