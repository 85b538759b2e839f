/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** A child process in its own group, with its output kept and an exit that can be awaited. */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface Service {
	name: string;
	pid: number | undefined;
	/** Everything it printed so far (stdout and stderr). */
	output(): string;
	exited(): boolean;
	/** Resolves when the process has exited. */
	closed: Promise<void>;
	/** `signal` (default SIGTERM), SIGKILL to the group after `graceMs`; resolves when gone. */
	stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const running = new Set<number>();
process.once('exit', () => {
	for (const pid of running) killGroup(pid, 'SIGKILL');
});

export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

export function startService(
	name: string,
	command: string,
	args: string[],
	options: SpawnOptions = {},
): Service {
	const child = spawn(command, args, {
		...options,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const pid = child.pid;
	if (pid) running.add(pid);
	let output = '';
	const onData = (chunk: Buffer) => {
		output += chunk.toString('utf8');
		if (output.length > 4_000_000) output = output.slice(-2_000_000);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let hasExited = false;
	const closed = new Promise<void>((resolve) => {
		child.once('error', (error) => {
			output += `\n${error.message}`;
			hasExited = true;
			resolve();
		});
		child.once('close', () => {
			hasExited = true;
			if (pid) running.delete(pid);
			resolve();
		});
	});
	return {
		name,
		pid,
		output: () => output,
		exited: () => hasExited,
		closed,
		stop: async (signal = 'SIGTERM', graceMs = 15_000) => {
			if (!hasExited) {
				// The main process only: it shuts its own children down (postgres backends, n8n task runners).
				try {
					if (pid) process.kill(pid, signal);
				} catch {
					// gone
				}
				const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
				await closed;
				clearTimeout(timer);
			}
			killGroup(pid, 'SIGKILL');
		},
	};
}

/** Polls `check` until it returns true; fails with `what` and the service output when it does not. */
export async function waitFor(
	what: string,
	check: () => Promise<boolean> | boolean,
	service: Service,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (service.exited())
			throw new Error(
				`${service.name} exited before ${what}:\n${service.output().split('\n').slice(-30).join('\n')}`,
			);
		if (Date.now() > deadline)
			throw new Error(
				`${service.name}: no ${what} after ${timeoutMs} ms:\n${service.output().split('\n').slice(-30).join('\n')}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
