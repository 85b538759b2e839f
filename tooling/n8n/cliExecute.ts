/** Workflows run with `n8n execute` (one process per run) and the run data found in its output. */
import { getFreePort } from './ports';
import { describeOutput, parseLogLines } from './logs';
import { N8nProcessError, runN8n, type N8nProcessResult, type RunN8nOptions } from './process';
import type { N8nHome } from './env';
import { assertRunSucceeded, toN8nRun, type N8nRun } from './runData';

/**
 * Finds the run data in the output of `n8n execute`. 2.x prints it (success) or logs it (failure)
 * as one logger message; with N8N_LOG_FORMAT=json that message is one JSON line whose `message`
 * is the pretty-printed IRun. Older output (plain text) is searched for the JSON block too.
 */
export function parseExecuteOutput(stdout: string): N8nRun | undefined {
	const candidates: string[] = [];
	for (const entry of parseLogLines(stdout)) {
		if (
			entry.level !== 'raw' &&
			entry.message.trimStart().startsWith('{') &&
			entry.message.includes('"resultData"')
		) {
			candidates.push(entry.message);
		}
	}
	if (candidates.length === 0) {
		// Plain-text logs: the JSON block starts at a line that is exactly "{".
		const start = stdout.search(/^\{\s*$/m);
		if (start >= 0) {
			const end = stdout.lastIndexOf('\n}');
			if (end > start) candidates.push(stdout.slice(start, end + 2));
		}
	}
	for (const candidate of candidates.reverse()) {
		try {
			const parsed = JSON.parse(candidate) as Record<string, unknown>;
			if ((parsed.data as { resultData?: unknown } | undefined)?.resultData)
				return toN8nRun(parsed);
		} catch {
			// try the next one
		}
	}
	return undefined;
}

export interface ExecuteWorkflowOptions extends RunN8nOptions {
	/** Throw unless the execution succeeded (default false: a failed run is returned). */
	expectSuccess?: boolean;
}

export interface CliRun extends N8nRun {
	process: N8nProcessResult;
}

/**
 * `n8n execute --id <id> --rawOutput` in a fresh process. Resolves with the run data, also for a
 * failed execution (exit code 1; check `status`/`error`). Rejects when n8n printed no run data
 * (boot failure, unknown id, timeout), with n8n's log and stderr in the message.
 *
 * n8n 2.40.7 sometimes dies with SIGSEGV while exiting after it printed a complete result
 * (isolated-vm teardown at process.exit): that result is kept and `process.signal`/`code` show it.
 */
export async function executeWorkflow(
	home: N8nHome,
	workflowId: string,
	options: ExecuteWorkflowOptions = {},
): Promise<CliRun> {
	const env = { N8N_RUNNERS_BROKER_PORT: String(await getFreePort()), ...(options.env ?? {}) };
	const result = await runN8n(home, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		...options,
		env,
	});
	const run = parseExecuteOutput(result.stdout);
	if (!run) {
		throw new N8nProcessError(
			`n8n execute --id=${workflowId} printed no run data (exit ${result.code ?? result.signal})\n${describeOutput(result)}`,
			result,
		);
	}
	const cliRun: CliRun = { ...run, process: result };
	if (options.expectSuccess) assertRunSucceeded(cliRun);
	return cliRun;
}
