/**
 * The other answers the API document leaves open, each given by a sandbox reading, and the node
 * accepting every one: the cursor of the last page, bare IDs from writes, deleteHolder's bare
 * answers, records without optional fields, numbers sent as strings, timestamps in seconds.
 */
import type { Readings } from '../../sandbox';
import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const read = (readings: Partial<Readings>) =>
	sandbox.sandbox.control.setReadings(readings, sandbox.account.clientId);

describe('cursor on the last page', () => {
	test.each(['string', 'null', 'absent'] as const)(
		'%s: Get Many reads every page and stops',
		async (lastPageCursor) => {
			read({ lastPageCursor });
			sandbox.sandbox.control.setPageCap(2);
			const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5);

			const result = await sandbox.run({
				resource: 'holder',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
			});

			expect(result.error).toBeUndefined();
			expect(jsonOf(result).map((holder) => holder._id)).toEqual(
				holders.map((holder) => holder._id),
			);
			expect(sandbox.requests()).toHaveLength(3);
		},
	);
});

describe('IDs as bare strings or objects', () => {
	test.each(['record', 'id-object', 'id-string'] as const)(
		'writeAnswer %s: create, update and delete each give an item with _id',
		async (writeAnswer) => {
			read({ writeAnswer });
			const created = await sandbox.run({
				resource: 'template',
				operation: 'create',
				name: 'Course',
				typeOfBadge: 'achievement',
				validityPeriod: 30,
				description: 'd',
				criteria: 'c',
				imageUrl: 'https://example.com/b.png',
				price: 0,
			});
			expect(created.error).toBeUndefined();
			const templateId = jsonOf(created)[0]._id as string;
			expect(templateId).toMatch(/^tmpl_/);
			if (writeAnswer === 'record') expect(jsonOf(created)[0].name).toBe('Course');
			else expect(jsonOf(created)).toEqual([{ _id: templateId }]);

			const updated = await sandbox.run({
				resource: 'template',
				operation: 'update',
				templateId: byId(templateId),
				updateFields: { name: 'Renamed' },
			});
			expect(jsonOf(updated)).toEqual([{ _id: templateId }]);
			const deleted = await sandbox.run({
				resource: 'template',
				operation: 'delete',
				templateId: byId(templateId),
			});
			expect(jsonOf(deleted)).toEqual([{ _id: templateId }]);

			const holder = await sandbox.run({
				resource: 'holder',
				operation: 'create',
				name: 'Jane',
				email: 'jane@example.com',
				phone: '+1234567',
				holderDid: 'did:ethr:0x1',
				externalHolderId: 'ext-1',
			});
			const holderId = jsonOf(holder)[0]._id as string;
			expect(holderId).toMatch(/^hold_/);
			const renamed = await sandbox.run({
				resource: 'holder',
				operation: 'update',
				holderId: byId(holderId),
				updateFields: { name: 'Janet' },
			});
			expect(jsonOf(renamed)).toEqual([{ _id: holderId }]);
		},
	);

	test.each(['success', 'true', 'null'] as const)(
		'deleteHolder answering %s gives {success: true}',
		async (deleteHolderAnswer) => {
			read({ deleteHolderAnswer });
			const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

			const result = await sandbox.run({
				resource: 'holder',
				operation: 'delete',
				holderId: byId(holder._id),
			});

			expect(result.error).toBeUndefined();
			expect(jsonOf(result)).toEqual([{ success: true }]);
		},
	);

	test('a 200 with an HTML page from a write is still an error, never an ID', async () => {
		sandbox.sandbox.control.injectFault({
			path: '/deleteBadgeTemplate',
			kind: 'non-json',
			afterProcessing: true,
		});
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'template',
			operation: 'delete',
			templateId: byId(template._id),
		});

		expect(result.error?.message).toMatch(/not JSON/);
	});
});

describe('records without optional fields', () => {
	beforeEach(() => read({ records: 'sparse' }));

	test('Get and Get Many, simplified or not, return what the record has', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const simple = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: byId(template._id),
		});
		expect(jsonOf(simple)[0]).toEqual({
			_id: template._id,
			name: template.name,
			type: template.type,
			description: template.description,
			criteria: template.criteria,
			validityPeriod: template.validityPeriod,
			price: template.price,
			createdAt: template.createdAt,
			createdAtIso: new Date(template.createdAt).toISOString(),
			updatedAt: template.updatedAt,
			updatedAtIso: new Date(template.updatedAt).toISOString(),
		});
		const created = await sandbox.run({
			resource: 'holder',
			operation: 'create',
			name: 'Jane',
			email: 'jane@example.com',
			phone: '+1234567',
			holderDid: 'did:ethr:0x1',
			externalHolderId: 'ext-1',
			additionalFields: { memo: 'kept by the API, not answered' },
		});
		expect(bodiesOf(sandbox.requests()).at(-1)).toMatchObject({
			data: { memo: 'kept by the API, not answered' },
		});
		const holders = await sandbox.run({ resource: 'holder', operation: 'getAll', returnAll: true });
		const { createdAt } = jsonOf(created)[0];
		expect(jsonOf(holders)).toEqual([
			{
				_id: jsonOf(created)[0]._id,
				name: 'Jane',
				email: 'jane@example.com',
				phone: '+1234567',
				holderDid: 'did:ethr:0x1',
				holderId: 'ext-1',
				createdAt,
				createdAtIso: new Date(createdAt as number).toISOString(),
			},
		]);
	});

	test('Update leaves out the colours the record lacks instead of failing or inventing them', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'template',
			operation: 'update',
			templateId: byId(template._id),
			updateFields: { price: 3 },
		});

		expect(result.error).toBeUndefined();
		const data = bodiesOf(sandbox.requests())[1].data as Record<string, unknown>;
		expect(Object.keys(data).sort()).toEqual([
			'criteria',
			'description',
			'name',
			'price',
			'type',
			'updatedAt',
			'validityPeriod',
		]);
		const set = await sandbox.run({
			resource: 'template',
			operation: 'update',
			templateId: byId(template._id),
			updateFields: { textColor: '#000000' },
		});
		expect((bodiesOf(sandbox.requests())[3].data as Record<string, unknown>).textColor).toBe(
			'#000000',
		);
		expect(set.error).toBeUndefined();
	});

	test('Issue reads type and validity from a sparse template', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
			validityPeriod: 9,
			type: 'mobility',
		});
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			holderId: byId(holder._id),
		});

		expect(jsonOf(result)[0]).toMatchObject({ issued: true, status: 'success' });
		expect(bodiesOf(sandbox.requests())[1]).toMatchObject({ validityPeriod: 9, type: 'mobility' });
	});
});

describe('numbers sent as strings', () => {
	beforeEach(() => read({ numbers: 'strings' }));

	test('Issue reads validityPeriod "30" and sends the number 30', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
			validityPeriod: 30,
			type: 'finance',
		});
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			holderId: byId(holder._id),
		});

		expect(result.error).toBeUndefined();
		expect(bodiesOf(sandbox.requests())[1]).toMatchObject({ validityPeriod: 30, type: 'finance' });
		expect(jsonOf(result)[0]).toMatchObject({ issued: true, badgeId: expect.any(String) });
	});

	test('Update sends price "5" and validityPeriod "30" back as numbers; lists pass the strings through', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
			validityPeriod: 30,
			price: 5,
		});

		const result = await sandbox.run({
			resource: 'template',
			operation: 'update',
			templateId: byId(template._id),
			updateFields: { name: 'N' },
		});

		expect(result.error).toBeUndefined();
		expect(bodiesOf(sandbox.requests())[1].data).toMatchObject({ price: 5, validityPeriod: 30 });
		const listed = await sandbox.run({
			resource: 'template',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});
		expect(jsonOf(listed)[0]).toMatchObject({
			price: '5',
			validityPeriod: '30',
			createdAt: String(template.createdAt),
		});
	});
});

describe('Skip Holders Who Already Have It under every timestamp reading', () => {
	test.each([
		['numbers sent as text ("1772…")', { numbers: 'strings' }],
		['seconds (timestamps: seconds)', { timestamps: 'seconds' }],
	] as const)(
		'expiresAt in %s: an expired badge is not held, a valid one is',
		async (_name, readings) => {
			read(readings);
			const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
			const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 2);
			sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, {
				templateId: template._id,
				recipientIds: [holders[0]._id],
				expiresInDays: () => -1,
			});
			const [valid] = sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, {
				templateId: template._id,
				recipientIds: [holders[1]._id],
			});

			const result = await sandbox.run(
				{
					resource: 'badge',
					operation: 'issue',
					templateId: byId(template._id),
					recipientMode: 'allItems',
					holderIdField: 'id',
					options: { skipHoldersWithBadge: true, heldBadgeStatus: 'any' },
				},
				{ input: holders.map((holder) => ({ id: holder._id })) },
			);

			expect(result.error).toBeUndefined();
			const listed = sandbox.requests().find((request) => request.path === '/getIssuedBadges');
			expect(listed?.status).toBe(200);
			expect(
				jsonOf(result).map((item) => [item.recipientId, item.issued, item.skipped, item.badgeId]),
			).toEqual([
				[holders[0]._id, true, false, expect.any(String)],
				[holders[1]._id, false, true, valid._id],
			]);
		},
	);
});
