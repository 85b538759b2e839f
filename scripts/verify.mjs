// `npm run verify`: what n8n's verification runs on this package, the way a verifier runs it.
//   1. `n8n-node build` (n8n's own build: tsc with tsconfig.json, then the icons and schemas);
//   2. `npm pack`, and a check that the tarball holds nothing but the node's files (ALLOWED);
//   3. `@n8n/scan-community-package`'s analysis of the unpacked tarball;
//   4. `n8n-node lint` in strict mode, in the repository's root (see LINT below).
// Exits non-zero at the first step that fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const started = Date.now();
const step = (text) =>
	console.log(`== verify [+${((Date.now() - started) / 1000).toFixed(0)}s] ${text}`);

/** Every file the tarball may hold: the package's metadata, the credential, the nodes, their icons, codex and output schemas. */
const ALLOWED = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE(\.md)?$/,
	/^dist\/index\.js$/,
	/^dist\/credentials\/[A-Za-z]+\.credentials\.js$/,
	/^dist\/nodes\/[A-Za-z]+\/([A-Za-z]+\/)*[A-Za-z]+(\.node)?\.js$/,
	/^dist\/nodes\/[A-Za-z]+\/[A-Za-z]+\.node\.json$/,
	/^dist\/nodes\/[A-Za-z]+\/__schema__\/v\d+\.\d+\.\d+\/[A-Za-z]+\/[A-Za-z]+\.json$/,
	/^dist\/icons\/[a-z.]+\.svg$/,
	// Source maps of the compiled files above.
	/^dist\/.+\.js\.map$/,
];

function run(command, args, cwd = ROOT) {
	execFileSync(command, args, { cwd, stdio: 'inherit' });
}

/** Files of the tarball that no ALLOWED pattern admits, and package.json entries it lacks. */
export function unexpectedFiles(files, pkg) {
	const extra = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
	const listed = [pkg.main, ...pkg.n8n.credentials, ...pkg.n8n.nodes].filter(Boolean);
	const missing = listed.filter((file) => !files.includes(path.posix.normalize(file)));
	return { extra, missing };
}

async function main() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-verify-'));
	try {
		step('n8n-node build');
		// Its spinner floods a log: the output is shown only when the build fails.
		try {
			execFileSync(path.join(BIN, 'n8n-node'), ['build'], { cwd: ROOT, stdio: 'pipe' });
		} catch (error) {
			console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
			process.exit(1);
		}

		step('npm pack');
		const output = execFileSync(
			'npm',
			['pack', '--json', '--ignore-scripts', '--pack-destination', work],
			{ cwd: ROOT, encoding: 'utf8' },
		);
		const [packed] = JSON.parse(output);
		const files = packed.files.map((file) => file.path).sort();
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const { extra, missing } = unexpectedFiles(files, pkg);
		if (extra.length > 0 || missing.length > 0) {
			console.error(`The tarball holds files that are not the node's: ${JSON.stringify(extra)}`);
			console.error(`and lacks files package.json names: ${JSON.stringify(missing)}`);
			process.exit(1);
		}
		console.log(`${packed.filename}: ${files.length} files, ${packed.size} bytes, all the node's`);

		step("n8n's community package scanner on the unpacked tarball");
		execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
		const scan = await analyzePackage(path.join(work, 'package'));
		if (!scan.passed) {
			console.error(scan.message, scan.details ?? '');
			process.exit(1);
		}
		console.log('scanner: passed');

		// LINT: `n8n-node lint` runs `eslint .` over the whole tree with n8n's template config (strict
		// mode refuses any other root config), which applies n8n Cloud's rules to every .ts file. What
		// does not ship opens with a comment that turns off exactly the rules it breaks ("not shipped");
		// nothing under nodes/ or credentials/ turns off any rule (test/package/lintScope.test.ts).
		step('n8n-node lint (strict), as a verifier runs it');
		run(path.join(BIN, 'n8n-node'), ['lint'], ROOT);
		step('done');
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

if (process.argv[1] === import.meta.filename) await main();
