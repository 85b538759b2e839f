import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();

const createParameters = {
	resource: 'template',
	operation: 'create',
	name: 'Course Completion',
	typeOfBadge: 'achievement',
	validityPeriod: 365,
	description: 'Awarded for completing the course',
	criteria: 'Complete all modules',
	imageUrl: 'https://example.com/badge.png',
	price: 0,
};

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Template', () => {
	test('Create sends exactly the documented body and returns the created template', async () => {
		const result = await sandbox.run(createParameters);

		expect(result.error).toBeUndefined();
		expect(bodiesOf(sandbox.requests())).toEqual([
			{
				userId: sandbox.account.userId,
				imageUrl: 'https://example.com/badge.png',
				typeOfBadge: 'achievement',
				name: 'Course Completion',
				validityPeriod: 365,
				description: 'Awarded for completing the course',
				criteria: 'Complete all modules',
				price: 0,
			},
		]);
		expect(sandbox.requests()[0].path).toBe('/createBadgeTemplate');
		const [created] = jsonOf(result);
		expect(created).toMatchObject({
			name: 'Course Completion',
			type: 'achievement',
			ownerId: sandbox.account.userId,
		});
		expect(typeof created._id).toBe('string');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Create maps fields from input items, one request per item, numbers from text accepted', async () => {
		const result = await sandbox.run(
			{
				...createParameters,
				name: '={{ $json.title }}',
				validityPeriod: '={{ $json.days }}',
			},
			{
				input: [
					{ title: 'First', days: '30' },
					{ title: 'Second', days: 60 },
				],
			},
		);

		expect(result.error).toBeUndefined();
		const bodies = bodiesOf(sandbox.requests());
		expect(bodies.map((body) => [body.name, body.validityPeriod])).toEqual([
			['First', 30],
			['Second', 60],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Get returns a simplified template, or the whole record with Simplify off', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);

		const simple = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: byId(template._id),
		});
		const raw = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: {
				__rl: true,
				mode: 'list',
				value: template._id,
				cachedResultName: template.name,
			},
			simplify: false,
		});

		expect(bodiesOf(sandbox.requests())).toEqual([
			{ userId: sandbox.account.userId, templateId: template._id },
			{ userId: sandbox.account.userId, templateId: template._id },
		]);
		expect(jsonOf(simple)).toEqual([
			{
				_id: template._id,
				name: template.name,
				type: template.type,
				description: template.description,
				criteria: template.criteria,
				validityPeriod: template.validityPeriod,
				price: template.price,
				imageUrl: template.imageUrl,
				isActive: template.isActive,
				createdAt: template.createdAt,
				createdAtIso: new Date(template.createdAt).toISOString(),
				updatedAt: template.updatedAt,
				updatedAtIso: new Date(template.updatedAt).toISOString(),
			},
		]);
		expect(jsonOf(raw)).toEqual([template]);
	});

	test('Delete sends userId and templateId and returns the API answer', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'template',
			operation: 'delete',
			templateId: byId(template._id),
		});

		expect(sandbox.requests().map((request) => request.path)).toEqual(['/deleteBadgeTemplate']);
		expect(bodiesOf(sandbox.requests())).toEqual([
			{ userId: sandbox.account.userId, templateId: template._id },
		]);
		expect(jsonOf(result)).toEqual([{ _id: template._id }]);
	});

	test('Update reads the template and sends the full data object with only the chosen changes', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const before = Date.now();

		const result = await sandbox.run({
			resource: 'template',
			operation: 'update',
			templateId: byId(template._id),
			updateFields: { name: 'Renamed', price: 25 },
		});

		expect(result.error).toBeUndefined();
		const requests = sandbox.requests();
		expect(requests.map((request) => request.path)).toEqual([
			'/getASingleBadgeTemplate',
			'/updateBadgeTemplate',
		]);
		const update = bodiesOf(requests)[1];
		expect(update).toEqual({
			userId: sandbox.account.userId,
			templateId: template._id,
			data: {
				name: 'Renamed',
				type: template.type,
				description: template.description,
				criteria: template.criteria,
				validityPeriod: template.validityPeriod,
				imageUrl: template.imageUrl,
				backgroundColor: template.backgroundColor,
				textColor: template.textColor,
				price: 25,
				updatedAt: expect.any(Number),
			},
		});
		expect((update.data as { updatedAt: number }).updatedAt).toBeGreaterThanOrEqual(before);
		expect(jsonOf(result)).toEqual([{ _id: template._id }]);

		const after = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: byId(template._id),
			simplify: false,
		});
		expect(jsonOf(after)[0]).toMatchObject({
			name: 'Renamed',
			price: 25,
			criteria: template.criteria,
			type: template.type,
		});
	});

	test('Update with no field to change fails before any request', async () => {
		const result = await sandbox.run({
			resource: 'template',
			operation: 'update',
			templateId: byId('tmpl_1'),
			updateFields: {},
		});

		expect(result.error?.message).toMatch(/Update Fields/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test.each([
		['empty name', { name: '   ' }, /"Name".*non-empty text.*white space/],
		['zero validity', { validityPeriod: 0 }, /"Validity Period \(Days\)".*whole number from 1/],
		['fractional validity', { validityPeriod: 1.5 }, /"Validity Period \(Days\)".*whole number/],
		['negative price', { price: -1 }, /"Price".*number of 0 or more/],
		[
			'unknown type',
			{ typeOfBadge: 'sports' },
			/"Type".*achievement, finance, healthcare, mobility/,
		],
		['image URL that is not a URL', { imageUrl: 'badge.png' }, /"Image URL".*http\(s\) URL/],
		['empty criteria from an expression', { criteria: '={{ "" }}' }, /"Criteria".*non-empty text/],
		['text as a price', { price: '={{ "free" }}' }, /"Price".*number of 0 or more.*"free"/],
	])('Create rejects %s before sending anything', async (_case, change, message) => {
		const result = await sandbox.run({ ...createParameters, ...change });

		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('a missing User ID names both places to set it', async () => {
		sandbox.credentials.userId = '';
		const result = await sandbox.run(createParameters);

		expect(result.error?.message).toMatch(/"User ID"/);
		expect(result.error?.message).toMatch(/Default User ID/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('the User ID under Options overrides the credential default', async () => {
		const other = sandbox.sandbox.control.createAccount({
			clientId: 'x-client',
			secretKey: 'x-secret',
		});
		sandbox.credentials.userId = 'not-used';
		Object.assign(sandbox.credentials, { clientId: other.clientId, secretKey: other.secretKey });

		const result = await sandbox.run({ ...createParameters, options: { userId: other.userId } });

		expect(result.error).toBeUndefined();
		expect(bodiesOf(sandbox.requests())[0].userId).toBe(other.userId);
	});

	test.each([
		['unknown template', 404, () => 'tmpl_does_not_exist', /Template not found/],
		[
			'template of another owner',
			403,
			() =>
				sandbox.sandbox.control.seedTemplates(sandbox.sandbox.control.createAccount().userId, 1)[0]
					._id,
			/permission/i,
		],
	])('Get of an %s keeps the API message and status %i', async (_case, status, id, message) => {
		const result = await sandbox.run({
			resource: 'template',
			operation: 'get',
			templateId: byId(id()),
		});

		expect(result.error?.message).toMatch(message);
		expect((result.error as { httpCode?: string }).httpCode).toBe(String(status));
	});

	test('a wrong secret key keeps the API message and status 401', async () => {
		sandbox.credentials.secretKey = 'wrong';
		const result = await sandbox.run({ resource: 'template', operation: 'getAll' });

		expect(result.error?.message).toBe('Invalid clientId or secretKey');
		expect((result.error as { httpCode?: string }).httpCode).toBe('401');
	});

	test('Continue On Fail: every input item gives one output item, linked to it', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const result = await sandbox.run(
			{ resource: 'template', operation: 'get', templateId: byId('={{ $json.id }}') },
			{
				input: [{ id: template._id }, { id: '' }, { id: 'tmpl_missing' }, { id: template._id }],
				onError: 'continueRegularOutput',
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		const json = jsonOf(result);
		expect(json[0]._id).toBe(template._id);
		expect(json[1].error).toMatch(/"Template"/);
		expect(json[2]).toEqual({ error: 'Template not found' });
		expect(result.items[2].error).toMatchObject({ httpCode: '404', message: 'Template not found' });
		expect(json[3]._id).toBe(template._id);
		// The empty ID never reached the API.
		expect(sandbox.requests()).toHaveLength(3);
	});
});
