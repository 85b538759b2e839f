// Runs `n8n-node cloud-support` (the @n8n/node-cli status report) and fails unless it reports the
// package eligible for n8n Cloud verification: strict mode on in package.json and eslint.config.mjs
// exactly the CLI's default. The report itself always exits 0, so its verdict is read here.
// Usage: node scripts/release/checkCloudSupport.mjs [package folder, default: this repository]
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const cli = path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
const run = spawnSync(process.execPath, [cli, 'cloud-support'], {
	cwd: path.resolve(process.argv[2] ?? ROOT),
	encoding: 'utf8',
	env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
});
const report = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
const eligible = /Status: eligible for n8n Cloud verification/.test(report);
process.stdout.write(report);
console.log(eligible ? 'n8n Cloud support: eligible' : 'n8n Cloud support: NOT eligible');
process.exit(run.status === 0 && eligible ? 0 : 1);
