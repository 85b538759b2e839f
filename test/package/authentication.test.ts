/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * In what ships (dist/, as `npm run build` made it), only the credential attaches the secret: no
 * node file names the `secretKey` header or sends a request without n8n's authentication layer
 * (`helpers.httpRequestWithAuthentication`, which applies the credential's `authenticate`).
 * test/engine/authenticationLayer.test.ts holds the same at run time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', 'dist');

function jsFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(file);
		return entry.name.endsWith('.js') ? [file] : [];
	});
}

const nodeFiles = () => jsFiles(path.join(DIST, 'nodes'));
const relative = (file: string) => path.relative(DIST, file);

describe('the shipped nodes leave authentication to the credential', () => {
	test('the nodes are built (npm run build first)', () => {
		expect(nodeFiles().length).toBeGreaterThan(10);
	});

	test('no node file names the secretKey header or builds headers from the credential', () => {
		const naming = nodeFiles().filter((file) => {
			const text = fs.readFileSync(file, 'utf8');
			return /secretKey/i.test(text) || /headers[^;]*credentials\./.test(text);
		});

		expect(naming.map(relative)).toEqual([]);
	});

	test("every request helper the nodes call is n8n's authenticated one", () => {
		const helpers = nodeFiles().flatMap((file) =>
			[...fs.readFileSync(file, 'utf8').matchAll(/helpers\.(\w+)|\b(httpRequest\w*)\b/g)]
				.map((match) => match[1] ?? match[2])
				.filter((name) => /request/i.test(name))
				.map((name) => `${relative(file)}: ${name}`),
		);

		expect(helpers.length).toBeGreaterThan(0);
		expect(helpers.filter((use) => !use.endsWith('httpRequestWithAuthentication'))).toEqual([]);
	});

	test('the credential attaches both headers itself, with a function authenticate', () => {
		const text = fs.readFileSync(path.join(DIST, 'credentials', 'MyPitApi.credentials.js'), 'utf8');

		expect(text).toMatch(/authenticate = async \(credentials, requestOptions\)/);
		expect(text).toMatch(/clientId: String\(credentials\.clientId/);
		expect(text).toMatch(/secretKey: safe \? String\(credentials\.secretKey/);
	});
});
