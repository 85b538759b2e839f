import { MyPitApi } from '../../credentials/MyPitApi.credentials';
import { myPitAuthHeaders } from '../../nodes/MyPit/transport/authHeaders';

const SECRET = 'the-secret-key';

/**
 * What the credential's `authenticate` sends for `secretKey`: its expression is
 * `/PATTERN/i.test($credentials.baseUrl) ? $credentials.secretKey : ""`, evaluated here with the
 * regular expression it embeds, so both paths are held to the same rule.
 */
function secretTheCredentialSends(baseUrl: string): string {
	const authenticate = new MyPitApi().authenticate as {
		properties: { headers: Record<string, string> };
	};
	const expression = authenticate.properties.headers.secretKey;
	const match =
		/^=\{\{ \/(.+)\/i\.test\(\$credentials\.baseUrl\) \? \$credentials\.secretKey : "" \}\}$/.exec(
			expression,
		);
	if (!match) throw new Error(`unexpected authenticate expression: ${expression}`);
	return new RegExp(match[1], 'i').test(baseUrl) ? SECRET : '';
}

describe('the headers the node sends from the decrypted credential', () => {
	test.each([
		'https://mypit-api.daosolution.io',
		'HTTPS://MyPit.example.com/api',
		'http://localhost:5680',
		'http://127.0.0.1:5680',
		'http://[::1]:5680',
		'http://mypit.example.com',
		'http://localhost.evil.example',
		'http://127.0.0.1.nip.io',
		'ftp://127.0.0.1',
		'',
	])('carry the secret key exactly where the credential would: %s', (baseUrl) => {
		const headers = myPitAuthHeaders({ clientId: 'client-1', secretKey: SECRET, baseUrl });

		expect(headers).toEqual({ clientId: 'client-1', secretKey: secretTheCredentialSends(baseUrl) });
	});

	test('the secret key goes to https:// and to this machine, never to plain http:// elsewhere', () => {
		const send = (baseUrl: unknown) =>
			myPitAuthHeaders({ clientId: 'c', secretKey: SECRET, baseUrl: baseUrl as string }).secretKey;

		expect(send('https://mypit.example.com')).toBe(SECRET);
		expect(send('http://localhost:5680')).toBe(SECRET);
		expect(send('http://mypit.example.com')).toBe('');
		expect(send(undefined)).toBe('');
	});

	test('a credential without values sends empty headers, not "undefined"', () => {
		expect(myPitAuthHeaders({ baseUrl: 'https://mypit.example.com' })).toEqual({
			clientId: '',
			secretKey: '',
		});
	});
});
