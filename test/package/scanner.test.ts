/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

function scan(folder: string, patterns: string[] = []): ScanResult {
	const run = spawnSync(
		process.execPath,
		[path.join(ROOT, 'scripts/scan-package.mjs'), folder, ...patterns],
		{
			cwd: ROOT,
			encoding: 'utf8',
			// eslint-plugin-n8n-nodes-base fakes file names when NODE_ENV is "test" (for its own tests).
			env: { ...process.env, NODE_ENV: 'production' },
		},
	);
	const line = run.stdout.trim().split('\n').at(-1) ?? '';
	if (!line.startsWith('{')) throw new Error(`scanner failed: ${run.stderr}`);
	return JSON.parse(line) as ScanResult;
}

describe("n8n's community package scanner", () => {
	test('finds nothing in the published source (package.json, credentials/, nodes/)', () => {
		const result = scan(ROOT, ['package.json', 'index.js', 'credentials/**/*.ts', 'nodes/**/*.ts']);

		expect(result.details ?? '').toBe('');
		expect(result.passed).toBe(true);
	});

	test('finds nothing in the unpacked npm pack tarball', () => {
		const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-pack-'));
		try {
			const output = execFileSync(
				'npm',
				['pack', '--json', '--ignore-scripts', '--pack-destination', work],
				{ cwd: ROOT, encoding: 'utf8' },
			);
			const tarball = path.join(work, JSON.parse(output)[0].filename as string);
			execFileSync('tar', ['-xzf', tarball, '-C', work]);
			const unpacked = path.join(work, 'package');
			expect(fs.existsSync(path.join(unpacked, 'dist/nodes/MyPit/MyPit.node.js'))).toBe(true);

			const result = scan(unpacked);

			expect(result.details ?? '').toBe('');
			expect(result.passed).toBe(true);
		} finally {
			fs.rmSync(work, { recursive: true, force: true });
		}
	});

	test('does flag a violation (the scan is not vacuous)', () => {
		const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-scan-'));
		try {
			fs.mkdirSync(path.join(work, 'nodes'));
			fs.writeFileSync(
				path.join(work, 'package.json'),
				JSON.stringify({
					name: 'n8n-nodes-x',
					version: '1.0.0',
					dependencies: { lodash: '4.17.21' },
				}),
			);
			fs.writeFileSync(
				path.join(work, 'nodes', 'X.node.js'),
				'module.exports = () => process.env.SECRET;\n',
			);

			const result = scan(work);

			expect(result.passed).toBe(false);
			expect(result.details).toMatch(/no-restricted-globals|no-runtime-dependencies/);
		} finally {
			fs.rmSync(work, { recursive: true, force: true });
		}
	});
});
