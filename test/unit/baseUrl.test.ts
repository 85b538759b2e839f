/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { SECRET_KEY_TARGET } from '../../credentials/MyPitApi.credentials';
import { SECURE_BASE_URL, requireSafeBaseUrl } from '../../nodes/MyPit/shared/baseUrl';
import { InputError } from '../../nodes/MyPit/shared/validation';

const FIELD = 'Base URL (MyPit credential)';
const EXPECTED =
	'an https:// URL such as https://mypit-api.daosolution.io (http:// only for localhost)';

function refusal(value: unknown): InputError {
	try {
		requireSafeBaseUrl(value);
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error(`${String(value)} was accepted`);
}

/**
 * Hosts that start like a loopback host but are somewhere else: the survivor of the mutation
 * audit (the pattern without its host terminator) sent the secret key to them in clear text.
 */
const LOOK_ALIKE_HOSTS = [
	'http://localhost.evil.example',
	'http://localhost.evil.example:5680/api',
	'http://127.0.0.1.nip.io',
	'http://127.0.0.1.nip.io:8080',
	'http://localhostevil.example',
	'http://127.0.0.10.evil.example',
	'http://[::1].evil',
	'http://localhost@evil.example',
];

describe('the Base URL the node sends the secret key to', () => {
	test.each([
		['https://mypit-api.daosolution.io', 'https://mypit-api.daosolution.io'],
		['https://mypit-api.daosolution.io/', 'https://mypit-api.daosolution.io'],
		['https://mypit.example.com/api/v1//', 'https://mypit.example.com/api/v1'],
		['  https://mypit.example.com  ', 'https://mypit.example.com'],
		['HTTPS://MyPit.example.com', 'HTTPS://MyPit.example.com'],
		['http://localhost', 'http://localhost'],
		['http://localhost:5680/', 'http://localhost:5680'],
		['http://LOCALHOST:5680', 'http://LOCALHOST:5680'],
		['http://127.0.0.1:5680', 'http://127.0.0.1:5680'],
		['http://127.42.0.7/api', 'http://127.42.0.7/api'],
		['http://[::1]:5680', 'http://[::1]:5680'],
	])('accepts %s', (value, kept) => {
		expect(requireSafeBaseUrl(value)).toBe(kept);
	});

	test.each(LOOK_ALIKE_HOSTS)('refuses the look-alike host %s', (value) => {
		const error = refusal(value);

		expect(error.field).toBe(FIELD);
		expect(error.expected).toMatch(/^an https:\/\/ URL/);
	});

	test('a look-alike host is named by its origin', () => {
		expect(refusal('http://localhost.evil.example:5680/x').received).toBe(
			'"http://localhost.evil.example:5680"',
		);
		expect(refusal('http://127.0.0.1.nip.io').received).toBe('"http://127.0.0.1.nip.io"');
	});

	test.each([
		['http://mypit.example.com', '"http://mypit.example.com"'],
		['ftp://127.0.0.1', '"ftp://127.0.0.1"'],
		['http://127.1:5680', '"http://127.0.0.1:5680"'],
		['http://0.0.0.0', '"http://0.0.0.0"'],
		['http://128.0.0.1', '"http://128.0.0.1"'],
		['http://10.0.0.1', '"http://10.0.0.1"'],
	])('refuses plain http:// outside this machine: %s', (value, received) => {
		expect(refusal(value)).toMatchObject({ field: FIELD, expected: EXPECTED, received });
	});

	test.each([
		['mypit-api.daosolution.io', '"mypit-api.daosolution.io", which is not a URL'],
		['', 'nothing'],
		['   ', 'nothing'],
		[undefined, 'nothing'],
		[42, 'nothing'],
	])('refuses %p: not a URL', (value, received) => {
		expect(refusal(value)).toMatchObject({ field: FIELD, expected: EXPECTED, received });
	});

	test.each([
		'https://mypit.example.com/?key=1',
		'https://mypit.example.com/#top',
		'https://user:pass@mypit.example.com',
		'https://user@mypit.example.com',
	])('refuses %s: query, fragment or user name', (value) => {
		expect(refusal(value)).toMatchObject({
			expected: `${EXPECTED}, without query, fragment or user name`,
			received: `"${value}"`,
		});
	});
});

describe("the credential's pattern (its authenticate sends the secret key only where it matches)", () => {
	const pattern = SECRET_KEY_TARGET;

	test("is the node's Base URL rule, written twice so the credential file stands alone", () => {
		expect(SECRET_KEY_TARGET.source).toBe(SECURE_BASE_URL.source);
		expect(SECRET_KEY_TARGET.flags).toBe(SECURE_BASE_URL.flags);
	});

	test.each([
		'https://mypit.example.com',
		'http://localhost',
		'http://localhost:5680/api',
		'http://127.0.0.1',
		'http://[::1]:80/',
	])('matches %s', (value) => {
		expect(pattern.test(value)).toBe(true);
	});

	test.each([
		...LOOK_ALIKE_HOSTS,
		'http://mypit.example.com',
		'http://127.1:5680',
		'ftp://localhost',
	])('does not match %s', (value) => {
		expect(pattern.test(value)).toBe(false);
	});
});
