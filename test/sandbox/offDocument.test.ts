import { DOCUMENTED, startSandbox, type Account, type Sandbox } from '../../sandbox';
import { control, post, templateBody } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
});

const listTemplates = (as: Account = account) =>
	post(
		sb,
		'/getAllBadgeTemplatesByOwnerId',
		{ userId: as.userId, paginationOpts: { numItems: 10 } },
		{ account: as },
	);

describe('answers outside the API document', () => {
	test('documented by default: lists have page and a boolean hasMore, timestamps are numbers', async () => {
		sb.control.seedTemplates(account.userId, 1);
		const reply = await listTemplates();
		expect(reply.body).toEqual({
			page: [expect.objectContaining({ createdAt: expect.any(Number) })],
			hasMore: false,
			cursor: expect.any(String),
		});
		expect(sb.control.getOffDocument()).toEqual(DOCUMENTED);
	});

	test('listPage "items": the records come under items, with no page key', async () => {
		const [template] = sb.control.seedTemplates(account.userId, 1);
		sb.control.setOffDocument({ listPage: 'items' }, account.clientId);
		const reply = await listTemplates();
		expect(reply.body).not.toHaveProperty('page');
		expect(reply.body.items).toEqual([template]);
		expect(reply.body.hasMore).toBe(false);
	});

	test('hasMore "text": "true" and "false" as strings', async () => {
		sb.control.seedTemplates(account.userId, 3);
		sb.control.setOffDocument({ hasMore: 'text' }, account.clientId);
		const first = await post(
			sb,
			'/getAllBadgeTemplatesByOwnerId',
			{ userId: account.userId, paginationOpts: { numItems: 2 } },
			{ account },
		);
		expect(first.body.hasMore).toBe('true');
		const last = await post(
			sb,
			'/getAllBadgeTemplatesByOwnerId',
			{ userId: account.userId, paginationOpts: { numItems: 2, cursor: first.body.cursor } },
			{ account },
		);
		expect(last.body.hasMore).toBe('false');
	});

	test('timestamps "iso": list, single-record and write answers carry ISO text, with the numbers reading too', async () => {
		sb.control.setOffDocument({ timestamps: 'iso' }, account.clientId);
		sb.control.setReadings({ numbers: 'strings' }, account.clientId);
		const created = await post(sb, '/createBadgeTemplate', templateBody(account.userId), {
			account,
		});
		const expected = new Date(created.body.createdAt).getTime();
		expect(created.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(Number.isFinite(expected)).toBe(true);
		const single = await post(
			sb,
			'/getASingleBadgeTemplate',
			{ userId: account.userId, templateId: created.body._id },
			{ account },
		);
		expect(single.body.updatedAt).toBe(created.body.updatedAt);
		expect(single.body.validityPeriod).toBe('365');
		const listed = await listTemplates();
		expect(listed.body.page[0].createdAt).toBe(created.body.createdAt);
	});

	test("per account: another account's answers stay documented", async () => {
		const other = sb.control.createAccount();
		sb.control.seedTemplates(other.userId, 1);
		sb.control.setOffDocument({ listPage: 'items' }, account.clientId);
		expect((await listTemplates(other)).body.page).toHaveLength(1);
		expect(sb.control.getOffDocument(other.clientId)).toEqual(DOCUMENTED);
	});

	test('over HTTP: set for one account, read back, unknown keys and values refused, reset restores', async () => {
		const set = await control(sb, 'POST', '/off-document', {
			clientId: account.clientId,
			switches: { listPage: 'items' },
		});
		expect(set.status).toBe(200);
		expect(set.body).toEqual({ ...DOCUMENTED, listPage: 'items' });
		expect((await control(sb, 'GET', '/off-document')).body).toEqual(DOCUMENTED);

		const unknownKey = await control(sb, 'POST', '/off-document', { switches: { page: 'x' } });
		expect(unknownKey.status).toBe(400);
		expect(unknownKey.body.error).toMatch(/Unknown off-document switch "page"/);
		const badValue = await control(sb, 'POST', '/off-document', {
			switches: { timestamps: 'dates' },
		});
		expect(badValue.status).toBe(400);
		expect(badValue.body.error).toMatch(/"timestamps" must be one of numbers, iso/);

		await control(sb, 'POST', '/reset');
		expect(sb.control.getOffDocument(account.clientId)).toEqual(DOCUMENTED);
	});
});
