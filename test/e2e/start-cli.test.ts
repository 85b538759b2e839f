/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm start` and `npm run demo` as a user runs them (scripts/start.ts in a child process, with
 * the dist/ that `npm test` built): the demo runs the examples, shows the MyPit Trigger starting
 * exactly one (stored) execution for a new badge, and exits 0; `npm start` prints a
 * working editor URL and login, keeps its n8n user folder between runs, and Ctrl-C (SIGINT)
 * stops n8n, its task runners and the sandbox.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT, n8nPaths } from '../../tooling/n8n';
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

interface StoredExecution {
	id: string;
	mode: string;
	status: string;
	workflowName: string;
	data: string | null;
}

/**
 * An execution as n8n stored it in the sqlite database of a user folder (n8n has exited): read
 * with Node 24's built-in sqlite, the Node n8n itself runs on.
 */
function storedExecution(userFolder: string, executionId: string): StoredExecution | undefined {
	const query = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(process.argv[1], { readOnly: true });
		const row = db.prepare(
			'SELECT e.id AS id, e.mode AS mode, e.status AS status, w.name AS workflowName, d.data AS data ' +
			'FROM execution_entity e JOIN workflow_entity w ON w.id = e.workflowId ' +
			'LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.id = ?',
		).get(process.argv[2]);
		process.stdout.write(JSON.stringify(row ?? null));`;
	const output = execFileSync(
		n8nPaths(n8nVersion).node24Bin,
		['--no-warnings', '-e', query, path.join(userFolder, '.n8n', 'database.sqlite'), executionId],
		{ encoding: 'utf8' },
	);
	const row = JSON.parse(output) as (StoredExecution & { id: number | string }) | null;
	return row ? { ...row, id: String(row.id) } : undefined;
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
		'npm run demo runs the example workflows, says what they did, shows the MyPit Trigger firing once and exits 0',
		async () => {
			const demoFolder = path.join(userFolder, 'demo');
			const cli = startCli(['--demo', '--user-folder', demoFolder]);
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

			// Example 05: an activated copy, a badge issued in MyPit, exactly one execution for it.
			expect(output).toMatch(
				/✔ 05-badge-trigger\.json[^\n]*\n\s+Activated a copy whose "New badge issued" trigger polls every 15 s/,
			);
			const issued = /Badge (\S+) issued in MyPit: "Course Completion" for Marie Curie/.exec(
				output,
			);
			const fired =
				/MyPit Trigger fired: event badge\.issued, badge (\S+) → execution (\d+) \(success\), ([\d.]+) s after the badge was issued/.exec(
					output,
				);
			expect(issued).not.toBeNull();
			expect(fired).not.toBeNull();
			expect(fired![1]).toBe(issued![1]);
			expect(output).toContain(
				'Congratulations message: to marie@example.com, "Your new badge is ready"',
			);
			expect(output).toContain(
				'Exactly one execution for it: nothing more in the next poll interval',
			);
			expect(output).toContain(
				'The MyPit Trigger started exactly one execution for the badge issued.',
			);
			// Within the bound: one 15 s poll interval plus n8n's start of the run.
			expect(Number(fired![3])).toBeLessThan(60);
			// The execution is real: n8n stored it, started by the trigger, for the badge printed.
			const stored = storedExecution(demoFolder, fired![2]);
			expect(stored).toMatchObject({
				id: fired![2],
				mode: 'trigger',
				status: 'success',
				workflowName: expect.stringContaining('[demo: polls every 15 s]'),
			});
			expect(stored!.data).toContain(issued![1]);
			console.info(`npm run demo: the trigger fired ${fired![3]} s after the badge was issued`);
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
		// Example 06's Bearer token: in a file of the user folder, readable by its owner only.
		const tokenFile = path.resolve(REPO_ROOT, /Bearer <the token in (\S+)>/.exec(output)![1]);
		expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
		const mcpToken = fs.readFileSync(tokenFile, 'utf8').trim();
		expect(mcpToken.length).toBeGreaterThanOrEqual(32);
		expect(output).not.toContain(mcpToken);

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
		return { output, workflowUrls, stopMs, mcpToken };
	};

	test(
		'npm start prints a working editor URL and login; Ctrl-C stops n8n, its children and the sandbox',
		async () => {
			const first = await startAndStop();
			// Every example in examples/, one link each.
			const examples = fs
				.readdirSync(path.join(REPO_ROOT, 'examples'))
				.filter((file) => file.endsWith('.json'));
			expect(examples).toHaveLength(6);
			expect(first.workflowUrls).toHaveLength(examples.length);
			expect(first.output).toMatch(
				/Credential: "MyPit sandbox" → MyPit sandbox at http:\/\/127\.0\.0\.1:\d+/,
			);
			console.info(
				`npm start (first run, new user folder): ${/ready \(([\d.]+ s)\)/.exec(first.output)?.[1]}; stopped in ${first.stopMs} ms`,
			);

			// Second run on the same user folder: same owner, same workflows (updated in place), the
			// same MCP token (clients set up once keep working).
			const second = await startAndStop();
			expect(second.workflowUrls.map((url) => new URL(url).pathname)).toEqual(
				first.workflowUrls.map((url) => new URL(url).pathname),
			);
			expect(second.mcpToken).toBe(first.mcpToken);
			console.info(
				`npm start (same user folder again): ${/ready \(([\d.]+ s)\)/.exec(second.output)?.[1]}; stopped in ${second.stopMs} ms`,
			);
		},
		2 * BOOT_TIMEOUT,
	);
});
