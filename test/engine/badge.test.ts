import type { Holder, Template } from '../../sandbox';
import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const DAY = 86_400_000;

let template: Template;
let holders: Holder[];
beforeEach(() => {
	[template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		type: 'healthcare',
		validityPeriod: 30,
	});
	holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5);
});

const issue = (extra: Record<string, unknown>) => ({
	resource: 'badge',
	operation: 'issue',
	templateId: byId(template._id),
	...extra,
});

describe('Badge: Issue', () => {
	test('to one holder: type and validity come from the template, one item with the badge ID', async () => {
		const result = await sandbox.run(
			issue({ holderId: byId(holders[0]._id), badgeData: '{"course":"A1"}' }),
		);

		expect(result.error).toBeUndefined();
		expect(sandbox.requests().map((request) => request.path)).toEqual([
			'/getASingleBadgeTemplate',
			'/issueBadge',
		]);
		expect(bodiesOf(sandbox.requests())[1]).toEqual({
			userId: sandbox.account.userId,
			validityPeriod: 30,
			templateId: template._id,
			badgeData: { course: 'A1' },
			recipientIds: [holders[0]._id],
			type: 'healthcare',
		});
		const [item] = jsonOf(result);
		expect(item).toEqual({
			recipientId: holders[0]._id,
			issued: true,
			badgeId: expect.any(String),
			outcome: 'issued',
			batchStatus: 'success',
			status: 'success',
			templateId: template._id,
		});
		const listed = await sandbox.run({
			resource: 'badge',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		const stored = jsonOf(listed)[0];
		expect(stored._id).toBe(item.badgeId);
		expect((stored.expiresAt as number) - (stored.issuedAt as number)).toBe(30 * DAY);
	});

	test('one holder per item: the items of one run read the template once', async () => {
		const result = await sandbox.run(issue({ holderId: byId('={{ $json.id }}') }), {
			input: holders.map((holder) => ({ id: holder._id })),
		});

		expect(result.items.map((item) => item.json.issued)).toEqual(holders.map(() => true));
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			holders.map((_, item) => ({ item })),
		);
		const paths = sandbox.requests().map((request) => request.path);
		expect(paths.filter((path) => path === '/getASingleBadgeTemplate')).toHaveLength(1);
		expect(paths.filter((path) => path === '/issueBadge')).toHaveLength(holders.length);
	});

	test('a template read that fails fails every item of the run, each with its own error item', async () => {
		const result = await sandbox.run(
			{ ...issue({ holderId: byId('={{ $json.id }}') }), templateId: byId('tmpl_missing') },
			{
				input: holders.slice(0, 3).map((holder) => ({ id: holder._id })),
				onError: 'continueRegularOutput',
			},
		);

		expect(jsonOf(result)).toEqual([0, 1, 2].map(() => ({ error: 'Template not found' })));
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2].map((item) => ({ item })),
		);
		expect(sandbox.requests()).toHaveLength(1);
	});

	test('overriding type and validity skips the template lookup', async () => {
		await sandbox.run(
			issue({ holderId: byId(holders[0]._id), options: { type: 'finance', validityPeriod: 7 } }),
		);

		expect(sandbox.requests().map((request) => request.path)).toEqual(['/issueBadge']);
		expect(bodiesOf(sandbox.requests())[0]).toMatchObject({
			type: 'finance',
			validityPeriod: 7,
			badgeData: {},
		});
	});

	test('to a comma-separated list of IDs: one request, one item per recipient', async () => {
		const ids = holders.slice(0, 3).map((holder) => holder._id);
		const result = await sandbox.run(
			issue({ recipientMode: 'list', recipientIds: ids.join(', ') }),
		);

		expect(bodiesOf(sandbox.requests())[1].recipientIds).toEqual(ids);
		expect(jsonOf(result).map((item) => [item.recipientId, item.issued, item.status])).toEqual(
			ids.map((id) => [id, true, 'success']),
		);
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map(() => ({ item: 0 })));
	});

	test("partial: a holder that does not exist gets its own item with the API's error", async () => {
		const ids = [holders[0]._id, 'hold_missing', holders[1]._id];
		const result = await sandbox.run(
			issue({ recipientMode: 'list', recipientIds: `={{ ${JSON.stringify(ids)} }}` }),
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{
				recipientId: ids[0],
				issued: true,
				badgeId: expect.any(String),
				outcome: 'issued',
				batchStatus: 'partial',
				status: 'partial',
				templateId: template._id,
			},
			{
				recipientId: 'hold_missing',
				issued: false,
				badgeId: null,
				outcome: 'not issued',
				batchStatus: 'partial',
				error: 'Holder not found',
				status: 'partial',
				templateId: template._id,
			},
			{
				recipientId: ids[2],
				issued: true,
				badgeId: expect.any(String),
				outcome: 'issued',
				batchStatus: 'partial',
				status: 'partial',
				templateId: template._id,
			},
		]);
	});

	test('all recipients failing gives status failed, not an exception', async () => {
		const result = await sandbox.run(
			issue({ recipientMode: 'list', recipientIds: 'hold_x, hold_y' }),
		);

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((item) => [item.issued, item.status])).toEqual([
			[false, 'failed'],
			[false, 'failed'],
		]);
	});

	test('a list in batches: 250 recipients with Batch Size 100 take 3 issue requests', async () => {
		const many = sandbox.sandbox.control
			.seedHolders(sandbox.account.userId, 250)
			.map((holder) => holder._id);
		const result = await sandbox.run(
			issue({ recipientMode: 'list', recipientIds: '={{ $json.ids }}' }),
			{ input: [{ ids: many }] },
		);

		const issueBodies = bodiesOf(
			sandbox.requests().filter((request) => request.path === '/issueBadge'),
		);
		expect(issueBodies.map((body) => (body.recipientIds as string[]).length)).toEqual([
			100, 100, 50,
		]);
		expect(issueBodies.flatMap((body) => body.recipientIds as string[])).toEqual(many);
		expect(result.items).toHaveLength(250);
		expect(new Set(jsonOf(result).map((item) => item.badgeId)).size).toBe(250);
	});

	test.each([
		[
			'an empty list',
			{ recipientMode: 'list', recipientIds: '={{ [] }}' },
			/"Holder IDs".*at least one holder ID/,
		],
		[
			'a duplicated ID',
			{ recipientMode: 'list', recipientIds: 'a1, b2, a1' },
			/"Holder IDs".*each holder ID once.*"a1" twice/,
		],
		[
			'a number instead of a list',
			{ recipientMode: 'list', recipientIds: '={{ 5 }}' },
			/"Holder IDs"/,
		],
		[
			'an ID with a slash',
			{ holderId: byId('../etc') },
			/"Holder".*without spaces, quotes, slashes/,
		],
		[
			'invalid badge data JSON',
			{ holderId: byId('hold_1'), badgeData: '{course: A1}' },
			/"Badge Data".*valid JSON/,
		],
		[
			'badge data that is a list',
			{ holderId: byId('hold_1'), badgeData: '[1,2]' },
			/"Badge Data".*JSON object/,
		],
		[
			'zero validity',
			{ holderId: byId('hold_1'), options: { validityPeriod: 0 } },
			/"Validity Period \(Days\)"/,
		],
		[
			'an unknown type',
			{ holderId: byId('hold_1'), options: { type: 'sports' } },
			/"Type".*achievement/,
		],
		[
			'a batch size over the maximum',
			{ holderId: byId('hold_1'), options: { batchSize: 5000 } },
			/"Batch Size".*1 to 1000/,
		],
	])('rejects %s before sending anything', async (_case, parameters, message) => {
		const result = await sandbox.run(issue(parameters));

		expect(result.error?.message).toMatch(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('an unknown template fails with the API 404 and issues nothing', async () => {
		const result = await sandbox.run({
			...issue({ holderId: byId(holders[0]._id) }),
			templateId: byId('tmpl_missing'),
		});

		expect(result.error?.message).toBe('Template not found');
		expect(sandbox.requests().map((request) => request.path)).toEqual(['/getASingleBadgeTemplate']);
	});
});

describe('Badge: Issue in bulk (all input items)', () => {
	test('1,000 input items become ⌈1000/B⌉ requests, one output per recipient linked to its row', async () => {
		const many = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1000);
		const rows = many.map((holder, row) => ({ holderId: holder._id, row }));

		const result = await sandbox.run(
			issue({ recipientMode: 'allItems', holderIdField: 'holderId', options: { batchSize: 150 } }),
			{ input: rows },
		);

		expect(result.error).toBeUndefined();
		const paths = sandbox.requests().map((request) => request.path);
		expect(paths.filter((path) => path === '/issueBadge')).toHaveLength(Math.ceil(1000 / 150));
		expect(paths.filter((path) => path === '/getASingleBadgeTemplate')).toHaveLength(1);
		expect(result.items).toHaveLength(1000);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({
				recipientId: rows[index].holderId,
				issued: true,
				status: 'success',
			});
		});
	});

	test('the Holder ID Field may point into nested fields; the default is _id', async () => {
		const nested = await sandbox.run(
			issue({ recipientMode: 'allItems', holderIdField: 'holder.ref' }),
			{
				input: holders.slice(0, 2).map((holder) => ({ holder: { ref: holder._id } })),
			},
		);
		const byDefault = await sandbox.run(issue({ recipientMode: 'allItems' }), {
			input: holders.slice(2, 4).map((holder) => ({ _id: holder._id, name: holder.name })),
		});

		expect(jsonOf(nested).map((item) => item.recipientId)).toEqual([
			holders[0]._id,
			holders[1]._id,
		]);
		expect(jsonOf(byDefault).map((item) => item.recipientId)).toEqual([
			holders[2]._id,
			holders[3]._id,
		]);
	});

	test('partial in bulk: missing holders are mapped to their own rows', async () => {
		const rows = [
			{ id: holders[0]._id },
			{ id: 'hold_gone' },
			{ id: holders[1]._id },
			{ id: 'hold_gone_too' },
		];
		const result = await sandbox.run(issue({ recipientMode: 'allItems', holderIdField: 'id' }), {
			input: rows,
		});

		expect(jsonOf(result).map((item) => [item.recipientId, item.issued, item.status])).toEqual([
			[holders[0]._id, true, 'partial'],
			['hold_gone', false, 'partial'],
			[holders[1]._id, true, 'partial'],
			['hold_gone_too', false, 'partial'],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	test('a bad row stops the run before any request, naming the item', async () => {
		const result = await sandbox.run(issue({ recipientMode: 'allItems', holderIdField: 'id' }), {
			input: [{ id: holders[0]._id }, { id: '' }, { id: holders[1]._id }],
		});

		expect(result.error?.message).toMatch(/"id \(item 1\)"/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('with Continue On Fail a bad or duplicate row gets an error item and the rest is issued', async () => {
		const rows = [
			{ id: holders[0]._id },
			{ id: '' },
			{ id: holders[0]._id },
			{ id: holders[2]._id },
		];
		const result = await sandbox.run(issue({ recipientMode: 'allItems', holderIdField: 'id' }), {
			input: rows,
			onError: 'continueRegularOutput',
		});

		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3].map((item) => ({ item })),
		);
		const json = jsonOf(result);
		expect(json[0]).toMatchObject({ recipientId: holders[0]._id, issued: true });
		expect(json[1].error).toMatch(/"id \(item 1\)"/);
		expect(json[2].error).toMatch(/also named by item 0/);
		expect(json[3]).toMatchObject({ recipientId: holders[2]._id, issued: true });
		expect(
			bodiesOf(sandbox.requests().filter((request) => request.path === '/issueBadge'))[0]
				.recipientIds,
		).toEqual([holders[0]._id, holders[2]._id]);
	});

	test('with Continue On Fail a bulk issue refused before any request gives every row its error item', async () => {
		const result = await sandbox.run(
			{
				...issue({ recipientMode: 'allItems', holderIdField: 'id' }),
				badgeData: '{ not json',
			},
			{
				input: holders.slice(0, 3).map((holder) => ({ id: holder._id })),
				onError: 'continueRegularOutput',
			},
		);

		expect(jsonOf(result).map((item) => String(item.error))).toEqual([
			expect.stringContaining('Invalid "Badge Data"'),
			expect.stringContaining('Invalid "Badge Data"'),
			expect.stringContaining('Invalid "Badge Data"'),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2].map((item) => ({ item })),
		);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('with Continue On Fail an unknown template gives every row an error item', async () => {
		const result = await sandbox.run(
			{
				...issue({ recipientMode: 'allItems', holderIdField: 'id' }),
				templateId: byId('tmpl_missing'),
			},
			{
				input: holders.slice(0, 3).map((holder) => ({ id: holder._id })),
				onError: 'continueRegularOutput',
			},
		);

		expect(jsonOf(result)).toEqual([
			{ error: 'Template not found' },
			{ error: 'Template not found' },
			{ error: 'Template not found' },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2].map((item) => ({ item })),
		);
	});
});
