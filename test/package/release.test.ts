/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The release tooling: n8n Cloud eligibility, the workflow linter, and `npm run release`. */
const ROOT = path.resolve(__dirname, '..', '..');
const node = (script: string, args: string[], cwd = ROOT) =>
	spawnSync(process.execPath, [path.join(ROOT, script), ...args], { cwd, encoding: 'utf8' });

let work: string;
beforeEach(() => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-release-'));
});
afterEach(() => {
	fs.rmSync(work, { recursive: true, force: true });
});

describe("n8n Cloud support (n8n-node cloud-support's verdict)", () => {
	test('this package is eligible: strict mode and the unchanged eslint config', () => {
		const run = node('scripts/release/checkCloudSupport.mjs', []);
		expect(run.stdout).toContain('n8n Cloud support: eligible');
		expect(run.status).toBe(0);
	});

	test('a changed eslint config makes a package ineligible, and the check fails', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify(pkg));
		fs.writeFileSync(
			path.join(work, 'eslint.config.mjs'),
			"import { config } from '@n8n/node-cli/eslint';\nexport default [...config, { rules: {} }];\n",
		);
		const run = node('scripts/release/checkCloudSupport.mjs', [work]);
		expect(run.stdout).toContain('NOT eligible');
		expect(run.status).toBe(1);
	});
});

describe('workflow linter (actionlint)', () => {
	test('ci.yml and publish.yml pass', () => {
		const run = node('scripts/release/lintWorkflows.mjs', []);
		expect(run.stdout).toContain('2 workflow file(s), 0 finding(s)');
		expect(run.status).toBe(0);
	});

	test('publish.yml publishes with provenance from a version tag, with an OIDC token', () => {
		const publish = fs.readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8');
		expect(publish).toMatch(/tags:\n\s+- 'v\*\.\*\.\*'/);
		expect(publish).toMatch(/id-token: write/);
		expect(publish).toMatch(/npm publish --provenance --access public/);
	});

	test('a broken workflow fails with its findings', () => {
		const file = path.join(work, 'broken.yml');
		fs.writeFileSync(
			file,
			'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_field }}\n',
		);
		const run = node('scripts/release/lintWorkflows.mjs', [file]);
		expect(run.stdout).toMatch(/broken\.yml:6:\d+: property "no_such_field" is not defined/);
		expect(run.status).toBe(1);
	});
});

describe('npm run release', () => {
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: work, encoding: 'utf8' }).trim();

	beforeEach(() => {
		for (const file of ['package.json', 'package-lock.json', 'CHANGELOG.md'])
			fs.copyFileSync(path.join(ROOT, file), path.join(work, file));
		git('init', '-q');
		git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'add', '.');
		git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'start');
	});

	const release = (bump: string) =>
		spawnSync(process.execPath, [path.join(ROOT, 'scripts/release/release.mjs'), bump], {
			cwd: work,
			encoding: 'utf8',
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 'Test',
				GIT_AUTHOR_EMAIL: 'test@example.com',
				GIT_COMMITTER_NAME: 'Test',
				GIT_COMMITTER_EMAIL: 'test@example.com',
			},
		});

	test('a minor release: changelog entry from Unreleased, version bump, commit and tag', () => {
		const before = JSON.parse(fs.readFileSync(path.join(work, 'package.json'), 'utf8'))
			.version as string;
		const [major, minor] = before.split('.').map(Number);
		const version = `${major}.${minor + 1}.0`;

		const run = release('minor');

		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(JSON.parse(fs.readFileSync(path.join(work, 'package.json'), 'utf8')).version).toBe(
			version,
		);
		expect(
			JSON.parse(fs.readFileSync(path.join(work, 'package-lock.json'), 'utf8')).packages['']
				.version,
		).toBe(version);
		const changelog = fs.readFileSync(path.join(work, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toMatch(
			new RegExp(
				`## \\[Unreleased\\]\\n\\n## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}\\n\\n### Added`,
			),
		);
		expect(changelog).toContain(
			`[${version}]: https://github.com/mypit/n8n-nodes-mypit/compare/v${before}...v${version}`,
		);
		expect(git('tag', '--list')).toBe(`v${version}`);
		expect(git('log', '-1', '--format=%s')).toBe(`Release ${version}`);
		expect(git('status', '--porcelain')).toBe('');
	});

	test('refuses with nothing under Unreleased, and on a dirty work tree', () => {
		expect(release('patch').status).toBe(0);
		const empty = release('patch');
		expect(empty.stderr).toContain('no entries under "## [Unreleased]"');
		expect(empty.status).toBe(1);

		fs.appendFileSync(path.join(work, 'CHANGELOG.md'), '\n');
		const dirty = release('patch');
		expect(dirty.stderr).toContain('uncommitted changes');
		expect(dirty.status).toBe(1);
	});
});
