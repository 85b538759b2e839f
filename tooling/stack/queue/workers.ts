/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** `n8n worker` processes of a queue-mode stack, and which executions each one ran (from its log). */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { getFreePort, spawnN8nService, killN8nGroup, type N8nHome } from '../../n8n';
import type { Service } from './processes';

export interface QueueWorker {
	name: string;
	home: N8nHome;
	pid: number | undefined;
	logFile: string;
	output(): string;
	/** Execution ids this worker logged as started ("Worker started execution <id> (job <n>)"). */
	startedExecutions(): string[];
	/** Execution ids this worker logged as finished. */
	finishedExecutions(): string[];
	exited(): boolean;
	/** SIGTERM (n8n finishes running jobs first) or SIGKILL (a crash). Resolves when it is gone. */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export const WORKER_READY_LINE = 'n8n worker is now ready';

function executionIds(output: string, verb: 'started' | 'finished'): string[] {
	const pattern = new RegExp(`Worker ${verb} execution (\\d+) \\(job`, 'g');
	return [...output.matchAll(pattern)].map((match) => match[1]);
}

export async function startWorker(
	name: string,
	home: N8nHome,
	options: { concurrency: number; env: Record<string, string>; timeoutMs?: number },
): Promise<QueueWorker> {
	const child = spawnN8nService(home, ['worker', `--concurrency=${options.concurrency}`], {
		...options.env,
		// Each process on this host needs its own task-runner broker port.
		N8N_RUNNERS_BROKER_PORT: String(await getFreePort()),
	});
	const logFile = path.join(home.dir, `n8n-${name}.log`);
	const logStream = fs.createWriteStream(logFile);
	let output = '';
	const onData = (chunk: Buffer) => {
		logStream.write(chunk);
		output += chunk.toString('utf8');
		if (output.length > 4_000_000) output = output.slice(-2_000_000);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let hasExited = false;
	const closed = new Promise<void>((resolve) =>
		child.once('close', () => {
			hasExited = true;
			logStream.end();
			resolve();
		}),
	);
	const service: Pick<Service, 'stop'> = {
		stop: async (signal = 'SIGTERM') => {
			if (!hasExited) {
				// SIGKILL hits the whole group at once (worker and task runner), as a crashed host would.
				if (signal === 'SIGKILL') killN8nGroup(child.pid, 'SIGKILL');
				else if (child.pid) process.kill(child.pid, signal);
				const timer = setTimeout(() => killN8nGroup(child.pid, 'SIGKILL'), 20_000);
				await closed;
				clearTimeout(timer);
			}
			killN8nGroup(child.pid, 'SIGKILL');
		},
	};
	const worker: QueueWorker = {
		name,
		home,
		pid: child.pid,
		logFile,
		output: () => output,
		startedExecutions: () => executionIds(output, 'started'),
		finishedExecutions: () => executionIds(output, 'finished'),
		exited: () => hasExited,
		stop: service.stop,
	};
	const deadline = Date.now() + (options.timeoutMs ?? 180_000);
	while (!output.includes(WORKER_READY_LINE)) {
		if (hasExited || Date.now() > deadline) {
			await worker.stop('SIGKILL');
			throw new Error(
				`n8n worker ${name} ${hasExited ? 'exited during boot' : 'was not ready in time'} (log: ${logFile}):\n${output.split('\n').slice(-30).join('\n')}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return worker;
}
