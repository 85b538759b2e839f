/**
 * `npm start` and `npm run demo` as a user runs them (scripts/start.ts in a child process, with
 * the dist/ that `npm test` built): the demo runs the examples and exits 0; `npm start` prints a
 * working editor URL and login, keeps its n8n user folder between runs, and Ctrl-C (SIGINT)
 * stops n8n, its task runners and the sandbox.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../tooling/n8n';
import { BOOT_TIMEOUT, describeN8n, n8nVersion, reportSkip } from './support/mypit';

reportSkip();

interface StartedCli {
	child: ChildProcess;
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(args: string[]): StartedCli {
	const env: NodeJS.ProcessEnv = { ...process.env, N8N_VERSION: n8nVersion };
	delete env.NODE_ENV;
	const child = spawn(
		process.execPath,
		[
			'-r',
			'ts-node/register/transpile-only',
			path.join(REPO_ROOT, 'scripts', 'start.ts'),
			'--no-build',
			...args,
		],
		{
			cwd: REPO_ROOT,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('close', (code, signal) => resolve({ code, signal })),
	);
	return { child, output: () => output, exited };
}

async function waitForOutput(
	cli: StartedCli,
	pattern: RegExp,
	timeoutMs: number,
): Promise<RegExpMatchArray> {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	void cli.exited.then(() => (exited = true));
	for (;;) {
		const match = pattern.exec(cli.output());
		if (match) return match;
		if (exited || Date.now() > deadline)
			throw new Error(`no ${pattern} in the output of scripts/start.ts:\n${cli.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Processes whose working directory is inside `dir` (n8n and its task runners run in the user folder). */
function processesIn(dir: string): number[] {
	const pids: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (fs.readlinkSync(`/proc/${entry}/cwd`).startsWith(dir)) pids.push(Number(entry));
		} catch {
			// gone, or not ours to read
		}
	}
	return pids;
}

async function refused(url: string): Promise<boolean> {
	try {
		await fetch(url, { signal: AbortSignal.timeout(3000) });
		return false;
	} catch {
		return true;
	}
}

describeN8n(`npm start / npm run demo with n8n ${n8nVersion}`, () => {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-start-test-'));
	const home = path.join(userFolder, 'n8n');
	afterAll(() => fs.rmSync(userFolder, { recursive: true, force: true }));

	test(
		'npm run demo runs the example workflows, says what they did and exits 0',
		async () => {
			const cli = startCli(['--demo']);
			const { code } = await cli.exited;
			const output = cli.output();
			expect({ code, output }).toMatchObject({ code: 0 });
			expect(output).toContain(`MyPit example workflows in n8n ${n8nVersion}:`);
			expect(output).toMatch(
				/✔ 01-form-to-badge\.json[\s\S]*Create holder: Holder → Create or Update: 1 holder: 1 created, 0 updated, 0 unchanged/,
			);
			// 01 runs twice: the second run with the same submission changes nothing.
			expect(output).toMatch(
				/✔ 01-form-to-badge\.json[^\n]*\n\s+Run again with the same submission: nothing created, updated or issued\n\s+Create holder: Holder → Create or Update: 1 holder: 0 created, 0 updated, 1 unchanged\n\s+Issue badge: Badge → Issue: 0 badges issued from "Course Completion" to 1 holder \(status skipped\); 1 skipped, already held/,
			);
			expect(output).toMatch(
				/Issue badges in bulk: Badge → Issue: 5 badges issued from "Course Completion" to 5 holders \(status success\)/,
			);
			expect(output).toMatch(/Report: 4 badge\(s\) expire within 30 days/);
			expect(output).toMatch(
				/04-ai-agent-badge-assistant\.json[\s\S]*n8n loaded n8n-nodes-mypit\.myPitTool/,
			);
			expect(output).toContain(
				'In total: 6 holders created, 6 badges issued, 14 badges listed, 4 badges found expiring within 30 days.',
			);
			expect(output).toContain('All 3 runnable example workflows succeeded.');
		},
		BOOT_TIMEOUT,
	);

	const startAndStop = async () => {
		const cli = startCli(['--port', '0', '--sandbox-port', '0', '--user-folder', home]);
		try {
			await waitForOutput(cli, /Press Ctrl-C to stop/, BOOT_TIMEOUT - 30_000);
		} catch (error) {
			cli.child.kill('SIGINT');
			await cli.exited;
			throw error;
		}
		const output = cli.output();
		const editor = /Editor: +(\S+)/.exec(output)![1];
		const email = /Login: +(\S+)/.exec(output)![1];
		const password = /Password: +(\S+)/.exec(output)![1];
		const sandbox = /MyPit sandbox at (\S+)/.exec(output)![1];
		const workflowUrls = output.match(/http:\/\/127\.0\.0\.1:\d+\/workflow\/\w+/g) ?? [];

		// The printed login works, the credential points at a live sandbox.
		const login = await fetch(new URL('/rest/login', editor), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'start-cli-test' },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		expect(login.status).toBe(200);
		expect((await fetch(editor)).status).toBe(200);
		const hello = await fetch(`${sandbox}/hello`, {
			headers: { clientId: 'demo-client-id', secretKey: 'demo-secret-key' },
		});
		expect(hello.status).toBe(200);
		expect(processesIn(home).length).toBeGreaterThan(0);

		// Ctrl-C: everything stops.
		const stopped = Date.now();
		cli.child.kill('SIGINT');
		const { code } = await cli.exited;
		const stopMs = Date.now() - stopped;
		expect(code).toBe(0);
		expect(cli.output()).toMatch(/SIGINT: stopping n8n and the MyPit sandbox/);
		expect(await refused(editor)).toBe(true);
		expect(await refused(`${sandbox}/hello`)).toBe(true);
		expect(processesIn(home)).toEqual([]);
		return { output, workflowUrls, stopMs };
	};

	test(
		'npm start prints a working editor URL and login; Ctrl-C stops n8n, its children and the sandbox',
		async () => {
			const first = await startAndStop();
			// Examples 01–05, one link each.
			expect(first.workflowUrls).toHaveLength(5);
			expect(first.output).toMatch(
				/Credential: "MyPit sandbox" → MyPit sandbox at http:\/\/127\.0\.0\.1:\d+/,
			);
			console.info(
				`npm start (first run, new user folder): ${/ready \(([\d.]+ s)\)/.exec(first.output)?.[1]}; stopped in ${first.stopMs} ms`,
			);

			// Second run on the same user folder: same owner, same workflows (updated in place).
			const second = await startAndStop();
			expect(second.workflowUrls.map((url) => new URL(url).pathname)).toEqual(
				first.workflowUrls.map((url) => new URL(url).pathname),
			);
			console.info(
				`npm start (same user folder again): ${/ready \(([\d.]+ s)\)/.exec(second.output)?.[1]}; stopped in ${second.stopMs} ms`,
			);
		},
		2 * BOOT_TIMEOUT,
	);
});
