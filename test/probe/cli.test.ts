/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { seedInOrder } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
	seedInOrder(sb, account, 3);
});

interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
	reportDir: string;
}

/** `npm run probe -- <args>` as a child process, the account in the environment. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
	const reportDir = mkdtempSync(path.join(tmpdir(), 'mypit-probe-cli-'));
	const child = spawn(
		process.execPath,
		[
			'-r',
			'ts-node/register/transpile-only',
			'scripts/probe.ts',
			...args,
			'--report-dir',
			reportDir,
		],
		{
			cwd: path.join(__dirname, '..', '..'),
			env: {
				...process.env,
				MYPIT_CLIENT_ID: account.clientId,
				MYPIT_SECRET_KEY: account.secretKey,
				MYPIT_USER_ID: account.userId,
				MYPIT_ISSUER_DID: account.issuerDid,
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	return { code, stdout, stderr, reportDir };
}

function reportOf(run: CliRun): string {
	const files = readdirSync(run.reportDir);
	expect(files).toEqual([expect.stringMatching(/^probe-report-\d{8}-\d{6}\.json$/)]);
	return readFileSync(path.join(run.reportDir, files[0]), 'utf8');
}

describe('npm run probe', () => {
	test('read-only: prints the readings table, probing in under 10 s, exit code 0, a report without the secret', async () => {
		const run = await cli(['--base-url', sb.url]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		// The probe's own time (Node and ts-node starting add about 3 s on a quiet machine, far
		// more on a loaded one, so the wall clock is not asserted).
		expect(JSON.parse(reportOf(run)).seconds).toBeLessThan(10);
		expect(run.stdout).toMatch(/^ {2}Reading +This MyPit +The node$/m);
		expect(run.stdout).toContain('✔ GET /hello: answer');
		expect(run.stdout).toMatch(/exit code 0 \(the node handles every reading seen\)/);
		const report = reportOf(run);
		expect(JSON.parse(report)).toMatchObject({ mode: 'read-only', exitCode: 0 });
		expect(`${report}${run.stdout}`).not.toContain(account.secretKey);
	}, 30_000);

	test('--write --yes: probing in under 20 s, exit code 0, names the badge it leaves', async () => {
		const run = await cli(['--base-url', sb.url, '--write', '--yes']);
		expect(run.code).toBe(0);
		expect(JSON.parse(reportOf(run)).seconds).toBeLessThan(20);
		expect(run.stdout).toMatch(
			/^Left in your account: badge of template probe-\S+ for holder probe-\S+ \(badge_\w+\)/m,
		);
		expect(reportOf(run)).not.toContain(account.secretKey);
	}, 30_000);

	test('the secret as a flag or a plain http:// base URL: refused before any request, exit code 2', async () => {
		const runs = await Promise.all([
			cli(['--base-url', sb.url, '--secret-key', account.secretKey]),
			cli(['--base-url', 'http://mypit.example.com']),
		]);
		expect(runs.map((run) => run.code)).toEqual([2, 2]);
		expect(runs[0].stderr).toContain(
			'--secret-key is not accepted: set MYPIT_SECRET_KEY in the environment or let the probe ask for it, so it stays out of shell history and process lists',
		);
		expect(runs[1].stderr).toContain(
			'Invalid --base-url: expected an https:// URL such as https://mypit-api.daosolution.io (http:// only for localhost), got "http://mypit.example.com"',
		);
		expect(sb.control.requestLog()).toEqual([]);
		for (const run of runs) expect(readdirSync(run.reportDir)).toEqual([]);
	}, 30_000);
});
