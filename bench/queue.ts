/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run bench:queue`: executions per minute of one MyPit workflow (Manual Trigger → MyPit
 * Holder create, one API request) in queue mode, with two workers and then with one (the second
 * stopped), on the real stack of `npm start -- --queue`. Per burst: N runs started together
 * through the REST run endpoint (20 requests in flight), rate = N ÷ (last stoppedAt − first createdAt), from n8n's own
 * execution rows. CPU seconds per process group (main, each worker, PostgreSQL, Redis, this
 * process with the sandbox) say what the machine spent its time on.
 *
 *   npm run bench:queue [-- --runs 200] [--bursts 2] [--concurrency 10]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

import { startQueueStack, type QueueStack } from '../tooling/stack/queue/queueStack';
import type { N8nServer, N8nWorkflowInput } from '../tooling/n8n';

interface Options {
	runs: number;
	bursts: number;
	concurrency: number;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { runs: 200, bursts: 2, concurrency: 10 };
	for (let i = 0; i < argv.length; i++) {
		const key = argv[i].replace(/^--/, '') as keyof Options;
		if (!(key in options) || !/^\d+$/.test(argv[i + 1] ?? ''))
			throw new Error(
				`usage: npm run bench:queue -- [--runs N] [--bursts N] [--concurrency N]; got ${argv[i]}`,
			);
		options[key] = Number(argv[++i]);
	}
	return options;
}

/** CPU seconds (user + system) of every process, summed per process group. */
function cpuByGroup(): Map<number, number> {
	const ticks = 100;
	const groups = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const pgrp = Number(fields[2]);
			const cpu = (Number(fields[11]) + Number(fields[12])) / ticks;
			groups.set(pgrp, (groups.get(pgrp) ?? 0) + cpu);
		} catch {
			// gone meanwhile
		}
	}
	return groups;
}

async function runBurst(
	server: N8nServer,
	workflowId: string,
	runs: number,
): Promise<{ perMinute: number; seconds: number; failed: number }> {
	const stored = await server.rest<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`);
	// Back to back, 20 run requests in flight (main's REST API is the entry, as for a user).
	const ids: string[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: 20 }, async () => {
			while (next < runs) {
				next++;
				const started = await server.rest<{ executionId: string }>(
					'POST',
					`/rest/workflows/${workflowId}/run`,
					{ workflowData: stored, triggerToStartFrom: { name: 'Start' } },
				);
				ids.push(started.executionId);
			}
		}),
	);
	const rows = new Map<string, { status: string; createdAt: string; stoppedAt?: string }>();
	for (;;) {
		for (const id of ids) {
			if (rows.get(id)?.stoppedAt) continue;
			rows.set(id, await server.rest('GET', `/rest/executions/${id}`));
		}
		if ([...rows.values()].every((row) => row.stoppedAt)) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const first = Math.min(...[...rows.values()].map((row) => Date.parse(row.createdAt)));
	const last = Math.max(...[...rows.values()].map((row) => Date.parse(row.stoppedAt!)));
	const seconds = (last - first) / 1000;
	return {
		perMinute: (runs / seconds) * 60,
		seconds,
		failed: [...rows.values()].filter((row) => row.status !== 'success').length,
	};
}

function groupsOf(stack: QueueStack): Array<[string, number | undefined]> {
	return [
		['main (n8n start)', stack.server.pid],
		...stack.workers.map((worker): [string, number | undefined] => [worker.name, worker.pid]),
		['PostgreSQL', stack.postgres.service.pid],
		['Redis', stack.redis.service.pid],
		['bench + sandbox', process.pid],
	];
}

async function measure(
	stack: QueueStack,
	workflowId: string,
	options: Options,
	label: string,
): Promise<string[]> {
	const lines: string[] = [];
	const groups = groupsOf(stack);
	const before = cpuByGroup();
	// This process is not a group leader: count it by its own pid.
	const selfBefore = process.cpuUsage();
	const rates: number[] = [];
	for (let burst = 0; burst < options.bursts; burst++) {
		const result = await runBurst(stack.server, workflowId, options.runs);
		rates.push(result.perMinute);
		lines.push(
			`  ${label}, burst ${burst + 1}: ${options.runs} executions in ${result.seconds.toFixed(1)} s = ${Math.round(result.perMinute)}/min (${result.failed} not successful)`,
		);
	}
	const after = cpuByGroup();
	const self = process.cpuUsage(selfBefore);
	const cpu = groups
		.filter(([, pid]) => pid)
		.map(
			([name, pid]) =>
				`${name} ${(pid === process.pid ? (self.user + self.system) / 1e6 : (after.get(pid!) ?? 0) - (before.get(pid!) ?? 0)).toFixed(1)} s`,
		);
	const sorted = [...rates].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	lines.push(
		`  ${label}: median ${Math.round(median)} executions/min; CPU: ${cpu.join(', ')}; load average ${os.loadavg()[0].toFixed(1)}`,
	);
	return lines;
}

/** Manual Trigger → MyPit Holder create (one request; the execution id makes each holder unique). */
function holderWorkflow(credential: { id: string; name: string }): N8nWorkflowInput {
	return {
		name: 'bench: queue',
		nodes: [
			{
				id: 'b1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b2',
				name: 'MyPit',
				type: 'n8n-nodes-mypit.myPit',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'holder',
					operation: 'create',
					name: '=bench {{ $execution.id }}',
					email: '=bench-{{ $execution.id }}@example.com',
					phone: '+1 555 0100',
					holderDid: '=did:example:bench-{{ $execution.id }}',
					externalHolderId: '=bench-{{ $execution.id }}',
				},
				credentials: { myPitApi: credential },
			},
		],
		connections: { Start: { main: [[{ node: 'MyPit', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	console.log(
		`Queue-mode throughput: ${options.runs} executions per burst, ${options.bursts} bursts, worker concurrency ${options.concurrency}`,
	);
	const stack = await startQueueStack({
		concurrency: options.concurrency,
		parentDir: os.tmpdir(),
		log: (line) => console.log(`  ${line}`),
	});
	try {
		const workflowId = await stack.server.createWorkflow(holderWorkflow(stack.credential));
		// Warm-up: module loading and connection pools on both workers.
		await runBurst(stack.server, workflowId, 20);
		const lines = await measure(stack, workflowId, options, '2 workers');
		await stack.workers[1].stop('SIGTERM');
		stack.workers.splice(1, 1);
		lines.push(...(await measure(stack, workflowId, options, '1 worker')));
		console.log(
			`\nn8n ${stack.n8nVersion}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version} for the bench:`,
		);
		for (const line of lines) console.log(line);
	} finally {
		await stack.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? error.stack : String(error));
		process.exit(1);
	},
);
