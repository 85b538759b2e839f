// What n8n's verification runs on this package, the way a verifier runs it, one gulp task a step:
//   gulp verify   (npm run verify, part of .ci/run) = build, pack, scan, lint, in that order.
// The build itself is n8n's (`n8n-node build`: tsc with tsconfig.json, then icons and schemas).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { series } = require('gulp');

const BIN = path.join(__dirname, 'node_modules', '.bin');
const PACKED = path.join(os.tmpdir(), `mypit-verify-${process.pid}`);

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

/** `n8n-node build`; its spinner floods a log, so the output is shown only when it fails. */
async function build() {
	try {
		execFileSync(path.join(BIN, 'n8n-node'), ['build'], { cwd: __dirname, stdio: 'pipe' });
	} catch (error) {
		throw new Error(`n8n-node build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
	}
}

/** `npm pack`, and the tarball holds the node's files and nothing else. */
async function pack() {
	fs.rmSync(PACKED, { recursive: true, force: true });
	fs.mkdirSync(PACKED);
	const output = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', PACKED],
		{ cwd: __dirname, encoding: 'utf8' },
	);
	const [packed] = JSON.parse(output);
	const files = packed.files.map((file) => file.path).sort();
	const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8'));
	const extra = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
	const listed = [pkg.main, ...pkg.n8n.credentials, ...pkg.n8n.nodes].filter(Boolean);
	const missing = listed.filter((file) => !files.includes(path.posix.normalize(file)));
	if (extra.length > 0 || missing.length > 0) {
		throw new Error(
			`The tarball holds files that are not the node's: ${JSON.stringify(extra)}, and lacks files package.json names: ${JSON.stringify(missing)}`,
		);
	}
	execFileSync('tar', ['-xzf', path.join(PACKED, packed.filename), '-C', PACKED]);
	console.log(`${packed.filename}: ${files.length} files, ${packed.size} bytes, all the node's`);
}

/** n8n's community package scanner on the unpacked tarball (after `pack`). */
async function scan() {
	const { analyzePackage } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const result = await analyzePackage(path.join(PACKED, 'package'));
	fs.rmSync(PACKED, { recursive: true, force: true });
	if (!result.passed) throw new Error(`${result.message} ${result.details ?? ''}`);
	console.log('scanner: passed');
}

/**
 * `n8n-node lint` in strict mode at the repository's root, as a verifier runs it: n8n's template
 * config over the whole tree, n8n Cloud's rules on every .ts file. What does not ship opens with a
 * comment that turns off exactly the rules it breaks ("not shipped"); nothing under nodes/ or
 * credentials/ turns off any rule (test/package/lintScope.test.ts).
 */
async function lint() {
	execFileSync(path.join(BIN, 'n8n-node'), ['lint'], { cwd: __dirname, stdio: 'inherit' });
}

exports.build = build;
exports.pack = pack;
exports.scan = series(pack, scan);
exports.lint = lint;
exports.verify = series(build, pack, scan, lint);
