/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `npx n8n-node lint` lints the whole tree with n8n's template config (n8n Cloud's rules on every
 * .ts file). What ships keeps every rule: no file under nodes/ or credentials/ turns one off. What
 * does not ship may turn off the rules it breaks, in one first-line comment that says so.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const CLOUD_RULE = /no-console|@n8n\/community-nodes\//;
const NOT_SHIPPED = / -- not shipped: n8n Cloud rules apply to nodes\/ and credentials\/ \*\/$/;

function tsFiles(folder: string): string[] {
	return fs
		.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => path.join(folder, name));
}

describe('what n8n-node lint sees', () => {
	it.each(['nodes', 'credentials'])('no file under %s/ turns off a lint rule', (folder) => {
		const files = tsFiles(folder);
		expect(files.length).toBeGreaterThan(0);
		const disabling = files.filter((file) =>
			/eslint-disable/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')),
		);
		expect(disabling).toEqual([]);
	});

	it('a file that does not ship turns n8n Cloud rules off only in its first line, saying why', () => {
		const misplaced = ['test', 'tooling', 'sandbox', 'bench', 'scripts']
			.flatMap(tsFiles)
			.filter((file) => {
				const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
				return lines.some(
					(line, index) =>
						/eslint-disable/.test(line) &&
						CLOUD_RULE.test(line) &&
						(index !== 0 || !NOT_SHIPPED.test(line)),
				);
			});
		expect(misplaced).toEqual([]);
	});
});
