import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();

const createParameters = {
	resource: 'holder',
	operation: 'create',
	name: 'Jane Doe',
	email: 'jane@example.com',
	phone: '+1234567890',
	holderDid: 'did:ethr:0x456abc',
	externalHolderId: 'holder-789',
};

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Holder', () => {
	test('Create nests the holder under data, with issuer fields from the credential', async () => {
		const result = await sandbox.run({
			...createParameters,
			additionalFields: { memo: 'Cohort 7' },
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.requests().map((request) => request.path)).toEqual(['/createHolder']);
		expect(bodiesOf(sandbox.requests())).toEqual([
			{
				issuerDid: sandbox.account.issuerDid,
				issuerId: sandbox.account.userId,
				data: {
					name: 'Jane Doe',
					email: 'jane@example.com',
					phone: '+1234567890',
					ownerId: sandbox.account.userId,
					memo: 'Cohort 7',
					holderDid: 'did:ethr:0x456abc',
					holderId: 'holder-789',
				},
			},
		]);
		expect(jsonOf(result)[0]).toMatchObject({
			name: 'Jane Doe',
			email: 'jane@example.com',
			memo: 'Cohort 7',
		});
		expect(typeof jsonOf(result)[0]._id).toBe('string');
	});

	test('Create without a memo sends no memo field; the Issuer DID option overrides the credential', async () => {
		await sandbox.run({
			...createParameters,
			options: { issuerDid: 'did:web:issuer.example.com' },
		});

		const [body] = bodiesOf(sandbox.requests());
		expect(body.issuerDid).toBe('did:web:issuer.example.com');
		expect(Object.keys(body.data as object).sort()).toEqual([
			'email',
			'holderDid',
			'holderId',
			'name',
			'ownerId',
			'phone',
		]);
	});

	test('Create from form rows: one holder per input item, each output linked to its row', async () => {
		const rows = [
			{ name: 'Ann', email: 'ann@example.com' },
			{ name: 'Bob', email: 'bob@example.com' },
			{ name: 'Cid', email: 'cid@example.com' },
		];
		const result = await sandbox.run(
			{ ...createParameters, name: '={{ $json.name }}', email: '={{ $json.email }}' },
			{ input: rows },
		);

		expect(jsonOf(result).map((holder) => holder.name)).toEqual(['Ann', 'Bob', 'Cid']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(sandbox.requests()).toHaveLength(3);
	});

	test.each([
		['malformed email', { email: 'jane-at-example' }, /"Email".*email address/],
		['empty name', { name: '={{ " " }}' }, /"Name".*non-empty text/],
		['malformed holder DID', { holderDid: 'ethr:0x1' }, /"Holder DID".*DID such as did:ethr/],
		['letters as phone', { phone: 'call me' }, /"Phone".*phone number/],
		['a number as the name', { name: '={{ 42 }}' }, null],
	])('Create with %s', async (_case, change, message) => {
		const result = await sandbox.run({ ...createParameters, ...change });

		if (message === null) {
			// A number is plain text to the API: it is sent as "42", not refused.
			expect(result.error).toBeUndefined();
			expect((bodiesOf(sandbox.requests())[0].data as { name: string }).name).toBe('42');
			return;
		}
		expect(result.error?.message).toMatch(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('a missing Issuer DID names the credential field and the option', async () => {
		sandbox.credentials.issuerDid = '';
		const result = await sandbox.run(createParameters);

		expect(result.error?.message).toMatch(/"Issuer DID".*Default Issuer DID/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('Get sends holderId (lower-case d) and simplifies by default', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'get',
			holderId: byId(holder._id),
		});

		expect(sandbox.requests().map((request) => request.path)).toEqual(['/getHolderById']);
		expect(bodiesOf(sandbox.requests())).toEqual([
			{ userId: sandbox.account.userId, holderId: holder._id },
		]);
		const expected: Record<string, unknown> = {
			_id: holder._id,
			name: holder.name,
			email: holder.email,
			phone: holder.phone,
			holderDid: holder.holderDid,
			holderId: holder.holderId,
		};
		if (holder.memo !== undefined) expected.memo = holder.memo;
		expected.createdAt = holder.createdAt;
		expected.createdAtIso = new Date(holder.createdAt).toISOString();
		expect(jsonOf(result)).toEqual([expected]);
	});

	test('Delete sends holderID (capital ID) and issuerId', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'delete',
			holderId: byId(holder._id),
		});

		expect(sandbox.requests().map((request) => request.path)).toEqual(['/deleteHolder']);
		expect(bodiesOf(sandbox.requests())).toEqual([
			{ holderID: holder._id, issuerId: sandbox.account.userId },
		]);
		expect(jsonOf(result)).toEqual([{ success: true }]);
	});

	test('Update reads the holder and sends name, email and phone with only the change applied', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'update',
			holderId: byId(holder._id),
			updateFields: { email: 'new@example.com' },
		});

		expect(result.error).toBeUndefined();
		expect(sandbox.requests().map((request) => request.path)).toEqual([
			'/getHolderById',
			'/updateHolder',
		]);
		expect(bodiesOf(sandbox.requests())[1]).toEqual({
			holderID: holder._id,
			issuerId: sandbox.account.userId,
			data: { name: holder.name, email: 'new@example.com', phone: holder.phone },
		});
		expect(jsonOf(result)).toEqual([{ _id: holder._id }]);
	});

	test('Update of an unknown holder keeps the API 404 and sends no update', async () => {
		const result = await sandbox.run({
			resource: 'holder',
			operation: 'update',
			holderId: byId('hold_missing'),
			updateFields: { name: 'X' },
		});

		expect(result.error?.message).toBe('Holder not found');
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect(sandbox.requests().map((request) => request.path)).toEqual(['/getHolderById']);
	});

	test('Update with a malformed email fails before reading the holder', async () => {
		const result = await sandbox.run({
			resource: 'holder',
			operation: 'update',
			holderId: byId('hold_1'),
			updateFields: { email: 'nope' },
		});

		expect(result.error?.message).toMatch(/"Email"/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	test('Continue On Fail with mixed rows: good rows create holders, bad rows become linked error items', async () => {
		const result = await sandbox.run(
			{ ...createParameters, email: '={{ $json.email }}' },
			{
				input: [{ email: 'a@example.com' }, { email: 'broken' }, { email: 'c@example.com' }],
				onError: 'continueRegularOutput',
			},
		);

		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(jsonOf(result)[0].email).toBe('a@example.com');
		expect(jsonOf(result)[1].error).toMatch(/"Email"/);
		expect(result.items[1].error).toBeDefined();
		expect(jsonOf(result)[2].email).toBe('c@example.com');
		expect(sandbox.requests()).toHaveLength(2);
	});

	test('Continue On Fail on the error output: the error item goes to the error branch, linked to its row', async () => {
		const result = await sandbox.run(
			{ ...createParameters, email: '={{ $json.email }}' },
			{
				input: [{ email: 'a@example.com' }, { email: 'broken', row: 7 }],
				onError: 'continueErrorOutput',
			},
		);

		const errorOutput = result.run.data.resultData.runData.MyPit[0].data?.main?.[1] ?? [];
		expect(errorOutput).toHaveLength(1);
		expect(errorOutput[0].json.error).toMatch(/"Email"/);
		expect(errorOutput[0].pairedItem).toEqual({ item: 1 });
		expect(result.items.map((item) => item.json.email)).toEqual(['a@example.com']);
	});
});
