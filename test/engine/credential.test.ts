import { startSandbox, type Sandbox } from '../../sandbox';
import { testMyPitCredential } from '../helpers/credential-test';
import { useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();

describe('MyPit API credential', () => {
	test('every request of every operation carries the clientId and secretKey headers', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
		const byId = (value: string) => ({ __rl: true, mode: 'id', value });
		await sandbox.run({ resource: 'template', operation: 'getAll', returnAll: true });
		await sandbox.run({
			resource: 'template',
			operation: 'update',
			templateId: byId(template._id),
			updateFields: { price: 3 },
		});
		await sandbox.run({ resource: 'holder', operation: 'get', holderId: byId(holder._id) });
		await sandbox.run({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			holderId: byId(holder._id),
		});
		await sandbox.run({ resource: 'badge', operation: 'getAll', returnAll: true });

		const requests = sandbox.requests();
		expect(requests.map((request) => request.status)).toEqual(requests.map(() => 200));
		expect(new Set(requests.map((request) => request.path))).toEqual(
			new Set([
				'/getAllBadgeTemplatesByOwnerId',
				'/getASingleBadgeTemplate',
				'/updateBadgeTemplate',
				'/getHolderById',
				'/issueBadge',
				'/getIssuedBadges',
			]),
		);
		for (const request of requests) {
			expect(request.headers.clientid).toBe(sandbox.account.clientId);
			expect(request.headers.secretkey).toBe(sandbox.account.secretKey);
		}
	});

	// The credential's Allowed HTTP Request Domains: test/engine/allowedDomains.test.ts.

	test('a Base URL with trailing slashes works', async () => {
		sandbox.credentials.baseUrl = `${sandbox.sandbox.url}//`;
		const result = await sandbox.run({ resource: 'holder', operation: 'getAll' });

		expect(result.error).toBeUndefined();
		expect(sandbox.requests()[0].path).toBe('/getHolders');
	});

	test('the credential test succeeds with good keys (GET /hello)', async () => {
		const result = await testMyPitCredential(sandbox.credentials);

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(
			sandbox.requests().map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual(['GET /hello 200']);
	});

	test("the credential test fails with the API's own message for a wrong secret or client", async () => {
		const wrongSecret = await testMyPitCredential({
			...sandbox.credentials,
			secretKey: 'not-the-secret',
		});
		const unknownClient = await testMyPitCredential({ ...sandbox.credentials, clientId: 'nobody' });

		expect(wrongSecret).toEqual({ status: 'Error', message: 'Invalid clientId or secretKey' });
		expect(unknownClient).toEqual({ status: 'Error', message: 'Invalid clientId or secretKey' });
		expect(sandbox.requests().map((request) => request.status)).toEqual([401, 401]);
	});

	test('the credential test reports missing keys as the API does', async () => {
		const result = await testMyPitCredential({
			...sandbox.credentials,
			clientId: '',
			secretKey: '',
		});

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Missing clientId or secretKey/);
	});

	test('the secret key is not sent to a plain http:// Base URL outside this machine', async () => {
		// "127.1" reaches this machine, but is not written as one of the loopback hosts the
		// credential trusts: it stands for any plain http:// host here.
		const plain = {
			...sandbox.credentials,
			baseUrl: sandbox.sandbox.url.replace('127.0.0.1', '127.1'),
		};

		const result = await testMyPitCredential(plain);

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/only sent to an https:\/\/ Base URL/);
		const [request] = sandbox.requests();
		expect(request.headers.clientid).toBe(sandbox.account.clientId);
		expect(request.headers.secretkey ?? '').toBe('');
	});

	test.each([
		['http://mypit.example.com', /"http:\/\/mypit\.example\.com"/],
		['ftp://127.0.0.1', /"ftp:\/\/127\.0\.0\.1"/],
		['mypit-api.daosolution.io', /not a URL/],
		['https://user:pass@mypit.example.com', /without query, fragment or user name/],
		['http://127.1:5680', /"http:\/\/127\.0\.0\.1:5680"/],
	])('the node refuses the Base URL %s before sending anything', async (baseUrl, received) => {
		sandbox.credentials.baseUrl = baseUrl;

		const result = await sandbox.run({ resource: 'holder', operation: 'getAll' });

		expect(result.error?.message).toMatch(
			/Invalid "Base URL \(MyPit credential\)": expected an https:\/\/ URL/,
		);
		expect(result.error?.message).toMatch(received);
		expect(sandbox.requests()).toHaveLength(0);
	});

	describe('against a server that is not MyPit', () => {
		let other: Sandbox;
		beforeAll(async () => {
			other = await startSandbox({ quiet: true });
		});
		afterAll(async () => other.close());

		test('a 200 answer without the hello message fails the test', async () => {
			other.control.injectFault({ path: '/hello', kind: 'non-json' });
			const result = await testMyPitCredential({ ...sandbox.credentials, baseUrl: other.url });

			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/not with the MyPit hello message/);
		});

		test('a wrong path prefix (404) says no MyPit API answers there', async () => {
			const result = await testMyPitCredential({
				...sandbox.credentials,
				baseUrl: `${other.url}/api/v1`,
			});

			expect(result).toEqual({
				status: 'Error',
				message: 'No MyPit API at this Base URL: GET /hello answered 404',
			});
		});
	});
});
