import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { MyPitApi } from '../../credentials/MyPitApi.credentials';

const SECRET = 'the-secret-key';

/** What n8n's CredentialsHelper does with a function `authenticate`: calls it, sends the result. */
async function headersFor(
	credentials: ICredentialDataDecryptedObject,
	request?: IHttpRequestOptions,
) {
	const authenticate = new MyPitApi().authenticate;
	const sent = await authenticate(credentials, request ?? { url: '/hello', headers: {} });
	return sent.headers;
}

describe("the credential's authenticate (every MyPit request gets its headers from it)", () => {
	test.each([
		['https://mypit-api.daosolution.io', SECRET],
		['HTTPS://MyPit.example.com/api', SECRET],
		['  https://mypit.example.com  ', SECRET],
		['http://localhost:5680', SECRET],
		['http://127.0.0.1:5680', SECRET],
		['http://[::1]:5680', SECRET],
		['http://mypit.example.com', ''],
		['http://localhost.evil.example', ''],
		['http://127.0.0.1.nip.io', ''],
		['ftp://127.0.0.1', ''],
		['', ''],
	])('Base URL %s: the secret key sent is "%s"', async (baseUrl, secretKey) => {
		expect(await headersFor({ clientId: 'client-1', secretKey: SECRET, baseUrl })).toEqual({
			clientId: 'client-1',
			secretKey,
		});
	});

	test.each([
		['http://mypit.example.com/getHolders', undefined, ''],
		['/getHolders', 'http://mypit.example.com', ''],
		['https://mypit.example.com/getHolders', undefined, SECRET],
		['/getHolders', 'https://mypit.example.com', SECRET],
		['/getHolders', 'http://127.0.0.1:5680', SECRET],
		['/getHolders', undefined, SECRET],
		['http://[', undefined, ''],
	])(
		'with an https Base URL, a request to %s (baseURL %s) gets the secret key "%s"',
		async (url, baseURL, secretKey) => {
			const headers = await headersFor(
				{ clientId: 'c', secretKey: SECRET, baseUrl: 'https://mypit.example.com' },
				{ url, baseURL, headers: {} },
			);
			expect(headers).toEqual({ clientId: 'c', secretKey });
		},
	);

	test('a request given by uri (older request options) is checked the same way', async () => {
		const request = {
			uri: 'http://mypit.example.com/x',
			headers: {},
		} as unknown as IHttpRequestOptions;
		const headers = await headersFor(
			{ clientId: 'c', secretKey: SECRET, baseUrl: 'https://mypit.example.com' },
			request,
		);
		expect(headers).toEqual({ clientId: 'c', secretKey: '' });
	});

	test('a Base URL that is not text sends no secret key', async () => {
		expect(await headersFor({ clientId: 'c', secretKey: SECRET, baseUrl: 42 })).toEqual({
			clientId: 'c',
			secretKey: '',
		});
	});

	test('a credential without values sends empty headers, not "undefined"', async () => {
		expect(await headersFor({ baseUrl: 'https://mypit.example.com' })).toEqual({
			clientId: '',
			secretKey: '',
		});
	});

	test("keeps the request's own headers and options, and does not change the request it is given", async () => {
		const request: IHttpRequestOptions = {
			url: '/templates',
			method: 'POST',
			headers: { Accept: 'application/json' },
			body: { a: 1 },
		};
		const sent = await new MyPitApi().authenticate(
			{ clientId: 'c', secretKey: SECRET, baseUrl: 'https://mypit.example.com' },
			request,
		);

		expect(sent).toEqual({
			url: '/templates',
			method: 'POST',
			headers: { Accept: 'application/json', clientId: 'c', secretKey: SECRET },
			body: { a: 1 },
			disableFollowRedirect: true,
		});
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	test.each([
		['https://mypit.example.com', undefined],
		['https://mypit.example.com', false],
		['http://mypit.example.com', false],
	])(
		'with Base URL %s and disableFollowRedirect %s, the request follows no redirect (the headers would go with it)',
		async (baseUrl, disableFollowRedirect) => {
			const sent = await new MyPitApi().authenticate(
				{ clientId: 'c', secretKey: SECRET, baseUrl },
				{ url: '/hello', headers: {}, disableFollowRedirect },
			);
			expect(sent.disableFollowRedirect).toBe(true);
		},
	);
});
