import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { expectError, post, templateBody, templateData } from './helpers';

let sb: Sandbox;
let other: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	other = sb.control.createAccount({ userId: 'other-user' });
});

async function create(overrides: Record<string, unknown> = {}) {
	const reply = await post(sb, '/createBadgeTemplate', templateBody('demo-user', overrides));
	expect(reply.status).toBe(200);
	return reply.body;
}

describe('POST /createBadgeTemplate', () => {
	it('stores the template and answers the whole stored record', async () => {
		const before = Date.now();
		const template = await create();
		expect(template).toEqual({
			_id: expect.stringMatching(/^tmpl_/),
			name: 'Course Completion',
			type: 'achievement',
			description: 'Awarded for completing the course',
			criteria: 'Complete all modules and pass final exam',
			validityPeriod: 365,
			imageUrl: 'https://example.com/badge.png',
			backgroundColor: '#1E3A8A',
			textColor: '#FFFFFF',
			price: 0,
			isActive: true,
			ownerId: 'demo-user',
			createdAt: expect.any(Number),
			updatedAt: expect.any(Number),
		});
		expect(template.createdAt).toBeGreaterThanOrEqual(before);
		expect(template.updatedAt).toBe(template.createdAt);
		const fetched = await post(sb, '/getASingleBadgeTemplate', {
			userId: 'demo-user',
			templateId: template._id,
		});
		expect(fetched.body).toEqual(template);
	});

	it('gives every template its own id', async () => {
		const a = await create();
		const b = await create();
		expect(a._id).not.toBe(b._id);
	});

	it('403 when userId is not the authenticated user', async () => {
		expectError(
			await post(sb, '/createBadgeTemplate', templateBody('other-user')),
			403,
			/^Insufficient permissions/,
		);
	});

	it.each([
		['an undocumented field', { color: 'red' }, /^Unexpected field "color"$/],
		['a misspelled field', { typeofBadge: 'achievement' }, /^Unexpected field "typeofBadge"$/],
		[
			'update-style "type" instead of "typeOfBadge"',
			{ type: 'achievement' },
			/^Unexpected field "type"$/,
		],
		['price as a string', { price: '10' }, /^Field "price" must be a number$/],
		[
			'validityPeriod as a string',
			{ validityPeriod: '30' },
			/^Field "validityPeriod" must be a number$/,
		],
		['name as a number', { name: 7 }, /^Field "name" must be a string$/],
		['an empty name', { name: '' }, /"name".*non-empty/],
		['a whitespace-only criteria', { criteria: '  \t' }, /"criteria".*non-empty/],
		['an empty imageUrl', { imageUrl: '' }, /"imageUrl".*non-empty/],
		[
			'validityPeriod 0',
			{ validityPeriod: 0 },
			/^Field "validityPeriod" must be a positive integer$/,
		],
		[
			'a negative validityPeriod',
			{ validityPeriod: -5 },
			/^Field "validityPeriod" must be a positive integer$/,
		],
		[
			'a fractional validityPeriod',
			{ validityPeriod: 1.5 },
			/^Field "validityPeriod" must be a positive integer$/,
		],
		['a negative price', { price: -1 }, /^Field "price" must be a non-negative number$/],
		['price null', { price: null }, /^Field "price" must be a number$/],
	])('400 for %s', async (_label, overrides, message) => {
		expectError(
			await post(sb, '/createBadgeTemplate', templateBody('demo-user', overrides)),
			400,
			message,
		);
	});

	it('400 for an unknown badge type, listing the four types', async () => {
		const reply = await post(
			sb,
			'/createBadgeTemplate',
			templateBody('demo-user', { typeOfBadge: 'sports' }),
		);
		expectError(reply, 400);
		expect(reply.body.error).toContain('"typeOfBadge"');
		for (const type of ['mobility', 'achievement', 'healthcare', 'finance'])
			expect(reply.body.error).toContain(`"${type}"`);
	});

	it.each([
		'userId',
		'imageUrl',
		'typeOfBadge',
		'name',
		'validityPeriod',
		'description',
		'criteria',
		'price',
	])('400 when required field %s is missing', async (field) => {
		const body = templateBody('demo-user');
		delete body[field];
		expectError(
			await post(sb, '/createBadgeTemplate', body),
			400,
			new RegExp(`^Missing required field "${field}"$`),
		);
	});

	it('accepts a non-integer price', async () => {
		expect((await create({ price: 9.99 })).price).toBe(9.99);
	});
});

describe('POST /getASingleBadgeTemplate', () => {
	it('404 for an unknown id, 403 for another owner, 403 for a foreign userId', async () => {
		const mine = await create();
		const theirs = sb.control.seedTemplates('other-user', 1)[0];
		expectError(
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: 'tmpl_nope' }),
			404,
			/^Template not found$/,
		);
		expectError(
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: theirs._id }),
			403,
			/^Insufficient permissions/,
		);
		expectError(
			await post(sb, '/getASingleBadgeTemplate', { userId: 'other-user', templateId: mine._id }),
			403,
		);
		const asOther = await post(
			sb,
			'/getASingleBadgeTemplate',
			{ userId: 'other-user', templateId: theirs._id },
			{ account: other },
		);
		expect(asOther.body._id).toBe(theirs._id);
	});

	it('400 for a missing templateId and for an unexpected field', async () => {
		expectError(
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user' }),
			400,
			/^Missing required field "templateId"$/,
		);
		expectError(
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: 'x', id: 'x' }),
			400,
			/^Unexpected field "id"$/,
		);
	});
});

describe('POST /updateBadgeTemplate', () => {
	it('replaces the data fields and answers {_id}', async () => {
		const template = await create();
		const reply = await post(sb, '/updateBadgeTemplate', {
			userId: 'demo-user',
			templateId: template._id,
			data: templateData(),
		});
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ _id: template._id });
		const after = (
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: template._id })
		).body;
		expect(after).toEqual({
			...template,
			name: 'Renamed',
			type: 'finance',
			description: 'New description',
			criteria: 'New criteria',
			validityPeriod: 30,
			backgroundColor: '#000000',
			textColor: '#EEEEEE',
			price: 12.5,
			updatedAt: 1_700_000_000_000,
		});
		expect(after.imageUrl).toBe('https://example.com/badge.png');
	});

	it('replaces imageUrl when given', async () => {
		const template = await create();
		await post(sb, '/updateBadgeTemplate', {
			userId: 'demo-user',
			templateId: template._id,
			data: templateData({ imageUrl: 'https://example.com/new.png' }),
		});
		const after = (
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: template._id })
		).body;
		expect(after.imageUrl).toBe('https://example.com/new.png');
	});

	it.each([
		'name',
		'type',
		'description',
		'criteria',
		'validityPeriod',
		'backgroundColor',
		'textColor',
		'price',
		'updatedAt',
	])('400 when data.%s is missing', async (field) => {
		const template = await create();
		const data = templateData();
		delete data[field];
		const reply = await post(sb, '/updateBadgeTemplate', {
			userId: 'demo-user',
			templateId: template._id,
			data,
		});
		expectError(reply, 400, new RegExp(`^Missing required field "data\\.${field}"$`));
	});

	it.each([
		['a nested unknown field', { foo: 1 }, /^Unexpected field "data\.foo"$/],
		[
			'create-style typeOfBadge',
			{ typeOfBadge: 'finance' },
			/^Unexpected field "data\.typeOfBadge"$/,
		],
		[
			'a bad type',
			{ type: 'gold' },
			/"data\.type" must be one of "mobility", "achievement", "healthcare", "finance"/,
		],
		['a negative price', { price: -0.5 }, /"data\.price" must be a non-negative number/],
		[
			'validityPeriod 0',
			{ validityPeriod: 0 },
			/"data\.validityPeriod" must be a positive integer/,
		],
		[
			'updatedAt as a string',
			{ updatedAt: '2024-01-01' },
			/^Field "data\.updatedAt" must be a number$/,
		],
		['an empty textColor', { textColor: ' ' }, /"data\.textColor".*non-empty/],
	])('400 for %s', async (_label, overrides, message) => {
		const template = await create();
		const reply = await post(sb, '/updateBadgeTemplate', {
			userId: 'demo-user',
			templateId: template._id,
			data: templateData(overrides),
		});
		expectError(reply, 400, message);
		const unchanged = (
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: template._id })
		).body;
		expect(unchanged.name).toBe('Course Completion');
	});

	it('400 when data is not an object', async () => {
		const template = await create();
		expectError(
			await post(sb, '/updateBadgeTemplate', {
				userId: 'demo-user',
				templateId: template._id,
				data: [],
			}),
			400,
			/^Field "data" must be an object$/,
		);
	});

	it('404 for an unknown template and 403 for another owner', async () => {
		const theirs = sb.control.seedTemplates('other-user', 1)[0];
		expectError(
			await post(sb, '/updateBadgeTemplate', {
				userId: 'demo-user',
				templateId: 'tmpl_zz',
				data: templateData(),
			}),
			404,
			/^Template not found$/,
		);
		expectError(
			await post(sb, '/updateBadgeTemplate', {
				userId: 'demo-user',
				templateId: theirs._id,
				data: templateData(),
			}),
			403,
		);
		const untouched = (
			await post(
				sb,
				'/getASingleBadgeTemplate',
				{ userId: 'other-user', templateId: theirs._id },
				{ account: other },
			)
		).body;
		expect(untouched.name).toBe(theirs.name);
	});
});

describe('POST /deleteBadgeTemplate', () => {
	it('deletes and answers {_id}; the template is then gone', async () => {
		const template = await create();
		const reply = await post(sb, '/deleteBadgeTemplate', {
			userId: 'demo-user',
			templateId: template._id,
		});
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ _id: template._id });
		expectError(
			await post(sb, '/getASingleBadgeTemplate', { userId: 'demo-user', templateId: template._id }),
			404,
		);
		expectError(
			await post(sb, '/deleteBadgeTemplate', { userId: 'demo-user', templateId: template._id }),
			404,
		);
	});

	it('403 for another owner template; it survives', async () => {
		const theirs = sb.control.seedTemplates('other-user', 1)[0];
		expectError(
			await post(sb, '/deleteBadgeTemplate', { userId: 'demo-user', templateId: theirs._id }),
			403,
		);
		const still = await post(
			sb,
			'/getASingleBadgeTemplate',
			{ userId: 'other-user', templateId: theirs._id },
			{ account: other },
		);
		expect(still.status).toBe(200);
	});
});

describe('POST /getAllBadgeTemplatesByOwnerId', () => {
	it('lists only the owner templates, in creation order', async () => {
		const a = await create({ name: 'A' });
		sb.control.seedTemplates('other-user', 3);
		const b = await create({ name: 'B' });
		const reply = await post(sb, '/getAllBadgeTemplatesByOwnerId', {
			userId: 'demo-user',
			paginationOpts: { numItems: 10 },
		});
		expect(reply.status).toBe(200);
		expect(reply.body.page.map((t: { _id: string }) => t._id)).toEqual([a._id, b._id]);
		expect(reply.body.page[0]).toEqual(a);
		expect(reply.body.hasMore).toBe(false);
		expect(typeof reply.body.cursor).toBe('string');
	});

	it('403 when listing someone else', async () => {
		expectError(
			await post(sb, '/getAllBadgeTemplatesByOwnerId', {
				userId: 'other-user',
				paginationOpts: { numItems: 10 },
			}),
			403,
		);
	});
});
