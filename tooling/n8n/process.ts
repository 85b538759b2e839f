/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** n8n as a child process group: one CLI command at a time, or a long-running server. */
import { spawn, type ChildProcess } from 'node:child_process';

import { cleanProcessEnv, type N8nHome } from './env';
import { describeOutput, parseLogLines, type N8nLogEntry } from './logs';

export interface N8nProcessResult {
	args: string[];
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	logs: N8nLogEntry[];
	durationMs: number;
}

export class N8nProcessError extends Error {
	constructor(
		message: string,
		readonly result?: N8nProcessResult,
	) {
		super(message);
		this.name = 'N8nProcessError';
	}
}

/** Kills a process group that we started (ignores a group that is already gone). */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Process groups of servers still running: killed if the test process exits without stop(). */
export const liveGroups = new Set<number>();
process.once('exit', () => {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

export function spawnN8n(
	home: N8nHome,
	args: string[],
	extraEnv: Record<string, string>,
): ChildProcess {
	return spawn(home.paths.node24Bin, [home.paths.n8nBin, ...args], {
		cwd: home.dir,
		env: { ...cleanProcessEnv(), ...home.env, ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
		// Own process group: a timeout kills n8n together with its task-runner children.
		detached: true,
	});
}

/**
 * Starts a long-running n8n command (e.g. `n8n worker`) in its own process group. The group is
 * SIGKILLed if this process exits first; stop it with `killN8nGroup`.
 */
export function spawnN8nService(
	home: N8nHome,
	args: string[],
	extraEnv: Record<string, string> = {},
): ChildProcess {
	const child = spawnN8n(home, args, extraEnv);
	const pid = child.pid;
	if (pid) {
		liveGroups.add(pid);
		child.once('close', () => liveGroups.delete(pid));
	}
	return child;
}

/** Sends a signal to a process group started here (no-op when it is gone). */
export function killN8nGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	killGroup(pid, signal);
}

export interface RunN8nOptions {
	timeoutMs?: number;
	env?: Record<string, string>;
}

/** Runs one n8n CLI command for a home and resolves when it exits (whatever its exit code). */
export async function runN8n(
	home: N8nHome,
	args: string[],
	options: RunN8nOptions = {},
): Promise<N8nProcessResult> {
	const timeoutMs = options.timeoutMs ?? 120_000;
	const started = Date.now();
	const child = spawnN8n(home, args, options.env ?? {});
	let stdout = '';
	let stderr = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	return await new Promise<N8nProcessResult>((resolve, reject) => {
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(new N8nProcessError(`could not start n8n ${args.join(' ')}: ${error.message}`));
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			// Leftovers of the group (e.g. a task runner) must not outlive the command.
			killGroup(child.pid, 'SIGKILL');
			const result: N8nProcessResult = {
				args,
				code,
				signal,
				stdout,
				stderr,
				logs: parseLogLines(stdout),
				durationMs: Date.now() - started,
			};
			if (timedOut) {
				reject(
					new N8nProcessError(
						`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${describeOutput(result)}`,
						result,
					),
				);
			} else {
				resolve(result);
			}
		});
	});
}

export async function runN8nOk(
	home: N8nHome,
	args: string[],
	options: RunN8nOptions = {},
): Promise<N8nProcessResult> {
	const result = await runN8n(home, args, options);
	if (result.code !== 0) {
		throw new N8nProcessError(
			`n8n ${args.join(' ')} failed (exit ${result.code ?? result.signal})\n${describeOutput(result)}`,
			result,
		);
	}
	return result;
}
