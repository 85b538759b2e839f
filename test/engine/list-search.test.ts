import { searchList } from '../helpers/list-search';
import { bodiesOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();

describe('"From list" pickers', () => {
	test('templates are listed a page at a time, with a token for the next page', async () => {
		const seeded = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 130);
		const parameters = { resource: 'template', operation: 'get' };

		const first = await searchList('searchTemplates', sandbox.credentials, parameters);
		const second = await searchList(
			'searchTemplates',
			sandbox.credentials,
			parameters,
			undefined,
			first.paginationToken as string,
		);

		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: `${seeded[0].name} (${seeded[0].type})`,
			value: seeded[0]._id,
		});
		expect(typeof first.paginationToken).toBe('string');
		expect(second.results.map((entry) => entry.value)).toEqual(
			seeded.slice(100).map((template) => template._id),
		);
		expect(second.paginationToken).toBeUndefined();
		expect(bodiesOf(sandbox.requests())[1]).toEqual({
			userId: sandbox.account.userId,
			paginationOpts: { numItems: 100, cursor: first.paginationToken },
		});
	});

	test('a backend that requires cursor: null on the first page still fills the picker', async () => {
		const seeded = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 3);
		sandbox.sandbox.control.setCursorRule('null-required');

		const first = await searchList('searchTemplates', sandbox.credentials, {
			resource: 'template',
			operation: 'get',
		});

		expect(first.results.map((entry) => entry.value)).toEqual(seeded.map((t) => t._id));
		expect(sandbox.requests().map((request) => request.status)).toEqual([400, 200]);
		expect(bodiesOf(sandbox.requests())[1].paginationOpts).toEqual({ numItems: 100, cursor: null });
	});

	test('holders are filtered by name or ID, case-insensitively', async () => {
		const [target] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 20);

		const byName = await searchList(
			'searchHolders',
			sandbox.credentials,
			{},
			target.name.toUpperCase(),
		);
		const byId = await searchList('searchHolders', sandbox.credentials, {}, target._id);

		expect(byName.results.map((entry) => entry.value)).toContain(target._id);
		expect(
			byName.results.every((entry) => entry.name.toLowerCase().includes(target.name.toLowerCase())),
		).toBe(true);
		expect(byId.results).toEqual([{ name: `${target.name} <${target.email}>`, value: target._id }]);
	});

	test('the User ID option of the node wins over the credential', async () => {
		sandbox.credentials.userId = 'someone-else';
		await searchList('searchHolders', sandbox.credentials, {
			options: { userId: sandbox.account.userId },
		});

		expect(bodiesOf(sandbox.requests())[0].userId).toBe(sandbox.account.userId);
	});

	test("an API error in the picker keeps the API's message", async () => {
		sandbox.credentials.secretKey = 'wrong';

		await expect(searchList('searchTemplates', sandbox.credentials, {})).rejects.toThrow(
			'Invalid clientId or secretKey',
		);
	});

	test('without any User ID the picker says where to set one', async () => {
		sandbox.credentials.userId = '';

		await expect(searchList('searchHolders', sandbox.credentials, {})).rejects.toThrow(
			/Default User ID/,
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
