/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { post } from '../sandbox/helpers';
import { probe, seedInOrder, writesIn } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
	seedInOrder(sb, account, 2);
});

async function names(listPath: string): Promise<string[]> {
	const reply = await post(
		sb,
		listPath,
		{ userId: account.userId, paginationOpts: { numItems: 1000 } },
		{ account },
	);
	return reply.body.page.map((record: { name: string }) => record.name);
}

describe('Ctrl-C during --write', () => {
	test('once, as the holder is about to be created: no new write, the template is deleted, exit 130', async () => {
		const run = await probe(sb, account, {
			write: true,
			onLine: (line, stop) => {
				if (line.startsWith('· Creating holder')) stop.request();
			},
		});
		expect(writesIn(sb).map((request) => `${request.path} ${request.status}`)).toEqual([
			'/createBadgeTemplate 200',
			'/deleteBadgeTemplate 200',
		]);
		expect(await names('/getAllBadgeTemplatesByOwnerId')).not.toContainEqual(
			expect.stringMatching(/^probe-/),
		);
		expect(run.report.interrupted).toBe(true);
		expect(run.report.leftInAccount).toEqual([]);
		expect(run.lines).toContain(
			'Stopped by Ctrl-C: the readings above are what was seen until then.',
		);
		expect(run.exitCode).toBe(130);
	});

	test('twice: nothing more is sent, and what is left is named exactly', async () => {
		const run = await probe(sb, account, {
			write: true,
			onLine: (line, stop) => {
				if (line.startsWith('· Creating holder')) {
					stop.request();
					stop.request();
				}
			},
		});
		expect(writesIn(sb).map((request) => request.path)).toEqual(['/createBadgeTemplate']);
		const [template] = (await names('/getAllBadgeTemplatesByOwnerId')).filter((name) =>
			name.startsWith('probe-'),
		);
		expect(run.report.leftInAccount).toEqual([
			expect.objectContaining({
				kind: 'template',
				name: template,
				state: 'created',
				id: expect.any(String),
			}),
		]);
		expect(run.lines).toContain(
			`Left in your account: template ${template} (${run.report.leftInAccount[0].id}): not deleted: the probe was stopped by a second Ctrl-C`,
		);
		expect(run.exitCode).toBe(130);
	});

	test('SIGINT to `npm run probe --write` while the holder create is in flight: both records deleted, report written, exit 130', async () => {
		// The holder's create takes 1.5 s, so the signal lands while it is in flight.
		sb.control.injectFault({ path: '/createHolder', kind: 'delay', delayMs: 1500 });
		const reportDir = mkdtempSync(path.join(tmpdir(), 'mypit-probe-cli-'));
		const child = spawn(
			process.execPath,
			[
				'-r',
				'ts-node/register/transpile-only',
				'scripts/probe.ts',
				'--base-url',
				sb.url,
				'--write',
				'--yes',
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
				},
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		// Wait until the holder's create has arrived at the sandbox, then press Ctrl-C.
		while (!sb.control.requestLog().some((request) => request.path === '/createHolder')) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		child.kill('SIGINT');
		const code = await exited;

		expect(code).toBe(130);
		expect(writesIn(sb).map((request) => request.path)).toEqual([
			'/createBadgeTemplate',
			'/createHolder',
			'/deleteBadgeTemplate',
			'/deleteHolder',
		]);
		expect(await names('/getAllBadgeTemplatesByOwnerId')).not.toContainEqual(
			expect.stringMatching(/^probe-/),
		);
		expect(await names('/getHolders')).not.toContainEqual(expect.stringMatching(/^probe-/));
		expect(stderr).toContain('Ctrl-C: no new writes; the probe deletes what it made, if anything');
		expect(stdout).toContain('Stopped by Ctrl-C');
		const [file] = readdirSync(reportDir);
		const report = readFileSync(path.join(reportDir, file), 'utf8');
		expect(JSON.parse(report)).toMatchObject({
			interrupted: true,
			exitCode: 130,
			leftInAccount: [],
		});
		expect(`${report}${stdout}${stderr}`).not.toContain(account.secretKey);
	}, 30_000);
});
