/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, prefer-const -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm start`: n8n with the MyPit node, against a local MyPit sandbox, ready to use in a browser.
 * `npm run demo` (`--demo`): the same without a browser: runs the example workflows, shows the
 * MyPit Trigger firing (tooling/stack/demoTrigger.ts), prints what they produced, and exits
 * (non-zero when one failed).
 *
 *   npm start [-- --port 5678] [--sandbox-port 5680] [--n8n-version 1.123.81] [--fresh] [--no-build]
 *   npm run demo [-- --n8n-version 1.123.81] [--no-build]
 *   npm start -- --queue   queue mode: Redis, PostgreSQL, n8n main and two workers (throw-away)
 *
 * Everything runs on 127.0.0.1. Ctrl-C stops n8n (with its task runners) and the sandbox.
 */
import * as path from 'node:path';

import { runDemo, type DemoResult } from '../tooling/stack/demo';
import { isPortFree, REPO_ROOT } from '../tooling/n8n';
import { formatApiCalls } from '../tooling/stack/examples';
import { describeQueueStack } from '../tooling/stack/queue/describe';
import { startQueueStack, type QueueStack } from '../tooling/stack/queue/queueStack';
import {
	DEFAULT_N8N_PORT,
	DEFAULT_SANDBOX_PORT,
	startStack,
	type Stack,
} from '../tooling/stack/stack';

interface CliOptions {
	demo: boolean;
	port?: number;
	sandboxPort?: number;
	n8nVersion?: string;
	fresh: boolean;
	build: boolean;
	userFolder?: string;
	queue: boolean;
}

const USAGE = `Usage: npm start -- [options]      n8n with the MyPit node and a MyPit sandbox, for your browser
       npm run demo -- [options]   the same, headless: run the example workflows and exit

  --port <n>           n8n port (default ${DEFAULT_N8N_PORT}, or a free one when it is taken)
  --sandbox-port <n>   MyPit sandbox port (default ${DEFAULT_SANDBOX_PORT}, or a free one when it is taken)
  --n8n-version <v>    n8n version to run (default: scripts/n8n/versions.env; 1.123.81 works too)
  --fresh              npm start: begin with an empty n8n user folder (drops what you built)
  --user-folder <dir>  n8n user folder to keep (npm start default .cache/mypit-start/n8n-<version>;
                       the demo's is temporary unless given: then its executions can be opened later)
  --no-build           use the dist/ that is there instead of running npm run build
  --demo               headless demo (what npm run demo passes)
  --queue              queue mode: throw-away Redis and PostgreSQL, n8n main and two n8n workers`;

function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = {
		demo: false,
		queue: false,
		fresh: false,
		build: true,
		n8nVersion: process.env.N8N_VERSION || undefined,
	};
	const number = (flag: string, text: string | undefined) => {
		if (text === undefined || !/^\d+$/.test(text) || Number(text) > 65535)
			throw new Error(`${flag} needs a port number, got "${text ?? ''}"`);
		return Number(text);
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].includes('=')
			? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
			: [argv[i], undefined];
		const value = () => inline ?? argv[++i];
		switch (flag) {
			case '--demo':
				options.demo = true;
				break;
			case '--port':
				options.port = number(flag, value());
				break;
			case '--sandbox-port':
				options.sandboxPort = number(flag, value());
				break;
			case '--n8n-version':
				options.n8nVersion = value();
				if (!options.n8nVersion) throw new Error('--n8n-version needs a version');
				break;
			case '--user-folder':
				options.userFolder = value();
				if (!options.userFolder) throw new Error('--user-folder needs a folder');
				break;
			case '--queue':
				options.queue = true;
				break;
			case '--fresh':
				options.fresh = true;
				break;
			case '--no-build':
				options.build = false;
				break;
			case '-h':
			case '--help':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${argv[i]}\n\n${USAGE}`);
		}
	}
	return options;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printTimings(stack: Stack): void {
	for (const [name, ms] of stack.timings) console.log(`    ${seconds(ms).padStart(7)}  ${name}`);
}

function printReady(stack: Stack): void {
	const line = '─'.repeat(72);
	console.log(`\n${line}`);
	console.log(
		`  n8n ${stack.n8nVersion} with the MyPit node is ready (${seconds(stack.readyMs)})\n`,
	);
	console.log(`  Editor:     ${stack.editorUrl}`);
	console.log(`  Login:      ${stack.owner.email}`);
	console.log(`  Password:   ${stack.owner.password}\n`);
	console.log(`  Credential: "${stack.credential.name}" → MyPit sandbox at ${stack.sandbox.url}`);
	console.log(
		`              (clientId ${stack.sandbox.demo.clientId}, user ${stack.sandbox.demo.userId})`,
	);
	console.log(
		`  MCP token:  "${stack.mcpToken.name}" (example 06: Authorization: Bearer <the token in ${path.relative(REPO_ROOT, path.join(stack.home.dir, 'mcp-token'))}>)\n`,
	);
	console.log('  Example workflows:');
	for (const example of stack.examples)
		console.log(`    ${example.workflow.name}\n      ${example.url}`);
	if ('workers' in stack) console.log(`\n${describeQueueStack(stack as QueueStack).join('\n')}`);
	console.log(`\n  n8n log:    ${path.relative(REPO_ROOT, stack.logFile)}`);
	console.log(`  Sandbox:    ${stack.sandbox.url}/__sandbox/log shows every request n8n sent`);
	console.log(`\n  Press Ctrl-C to stop n8n and the sandbox.`);
	console.log(line);
}

function printDemo(stack: Stack, result: DemoResult): void {
	console.log(`\nMyPit example workflows in n8n ${stack.n8nVersion}:\n`);
	for (const { example, summary } of result.runs) {
		console.log(
			`${summary.ok ? '✔' : '✘'} ${example.file}  "${example.workflow.name}"  (${seconds(summary.durationMs)})`,
		);
		for (const line of summary.lines) console.log(`    ${line}`);
		console.log(`    MyPit API calls: ${formatApiCalls(summary.apiCalls)}`);
		if (!summary.ok) console.log(`    FAILED: ${summary.error}`);
	}
	for (const { example, demo } of result.triggerRuns) {
		console.log(
			`${demo.ok ? '✔' : '✘'} ${example.file}  "${example.workflow.name}"  (${seconds(demo.durationMs)})`,
		);
		for (const line of demo.lines) console.log(`    ${line}`);
		if (!demo.ok) console.log(`    FAILED: ${demo.error}`);
	}
	for (const { example, note, ok } of result.importedOnly) {
		console.log(`${ok ? '•' : '✘'} ${example.file}  "${example.workflow.name}"\n    ${note}`);
	}
	const t = result.totals;
	const failed =
		result.runs.filter((entry) => !entry.summary.ok).length +
		result.importedOnly.filter((entry) => !entry.ok).length +
		result.triggerRuns.filter((entry) => !entry.demo.ok).length;
	const totals = [
		[t.templatesCreated, 'templates created'],
		[t.holdersCreated, 'holders created'],
		[t.badgesIssued, 'badges issued'],
		[t.badgesListed, 'badges listed'],
		[t.expiringBadges, 'badges found expiring within 30 days'],
	] as const;
	console.log(
		`\nIn total: ${
			totals
				.filter(([n]) => n > 0)
				.map(([n, what]) => `${n} ${what}`)
				.join(', ') || 'nothing'
		}.`,
	);
	console.log(
		failed === 0
			? `All ${new Set(result.runs.map((entry) => entry.example.file)).size} runnable example workflows succeeded.`
			: `${failed} example workflow(s) FAILED.`,
	);
	if (result.triggerRuns.length > 0 && result.triggerRuns.every((entry) => entry.demo.ok))
		console.log('The MyPit Trigger started exactly one execution for the badge issued.');
}

/** Queue mode is always throw-away (its PostgreSQL cluster goes on stop): the persistent-home options do not apply. */
async function startQueue(options: Parameters<typeof startStack>[0]): Promise<Stack> {
	return await startQueueStack({
		n8nVersion: options.n8nVersion,
		// Like npm start: 5678 and 5680 when free; 0 (the demo) or taken: any free port.
		port:
			(options.port ?? ((await isPortFree(DEFAULT_N8N_PORT)) ? DEFAULT_N8N_PORT : 0)) || undefined,
		sandboxPort:
			(options.sandboxPort ??
				((await isPortFree(DEFAULT_SANDBOX_PORT)) ? DEFAULT_SANDBOX_PORT : 0)) ||
			undefined,
		build: options.build,
		log: options.log,
	});
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	let stack: Stack | undefined;
	let stopping = false;

	const stop = async (reason: string, code: number) => {
		if (stopping) {
			// Second Ctrl-C: no more waiting. The exit handler of the n8n runner SIGKILLs n8n's group.
			console.log('\nStopping now.');
			process.exit(130);
		}
		stopping = true;
		if (!stack) {
			// Still starting: exiting kills whatever n8n process group was started (runner's exit hook).
			console.log(`\n${reason}: stopping.`);
			process.exit(code);
		}
		console.log(`\n${reason}: stopping n8n and the MyPit sandbox …`);
		const t0 = Date.now();
		await stack.stop();
		console.log(`Stopped in ${seconds(Date.now() - t0)}.`);
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => void stop(signal, signal === 'SIGINT' ? 0 : 143));
	}

	console.log(
		options.demo
			? 'MyPit demo: preparing n8n, the node and a MyPit sandbox'
			: 'MyPit: preparing n8n, the node and a MyPit sandbox',
	);
	const startOne = options.queue ? startQueue : startStack;
	stack = await startOne({
		n8nVersion: options.n8nVersion,
		home: options.demo && !options.userFolder ? 'temporary' : 'persistent',
		fresh: options.fresh,
		homeDir: options.userFolder,
		// The demo must not collide with a running `npm start`: free ports unless told otherwise.
		port: options.port ?? (options.demo ? 0 : undefined),
		sandboxPort: options.sandboxPort ?? (options.demo ? 0 : undefined),
		build: options.build,
		log: (line) => console.log(`  ${line}`),
	});
	console.log(`Ready after ${seconds(Date.now() - started)}:`);
	printTimings(stack);

	if (options.demo) {
		const result = await runDemo(stack);
		printDemo(stack, result);
		stopping = true;
		await stack.stop();
		return result.ok ? 0 : 1;
	}

	printReady(stack);
	// n8n dying on its own ends the session too (with the end of its log).
	const pid = stack.server.pid;
	await new Promise<void>((resolve) => {
		const timer = setInterval(() => {
			try {
				if (pid) process.kill(pid, 0);
			} catch {
				clearInterval(timer);
				resolve();
			}
		}, 1000);
	});
	if (!stopping) {
		console.error(
			`\nn8n exited unexpectedly. The end of its log:\n${stack.server.output().split('\n').slice(-30).join('\n')}`,
		);
		stopping = true;
		await stack.stop();
		return 1;
	}
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`\n${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
