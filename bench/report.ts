/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { evaluateGoals, goalsMarkdown, type GoalGroup } from './goals';

export interface Measurement {
	scenario: string;
	contender: 'raw' | 'floor' | 'MyPit node' | 'HTTP Request node';
	/** The issue's goal this scenario is held to. */
	goalGroup?: GoalGroup;
	requests: number;
	minimumRequests: number;
	items: number;
	expectedItems: number;
	/** Median over the repetitions: the workflow's startedAt→stoppedAt, or the raw loop's wall time. */
	timeMs: number;
	timesMs: number[];
	/** Highest resident memory of the n8n process during the runs (null for the raw loop). */
	peakRssMb: number | null;
}

export interface Report {
	command: string;
	date: string;
	machine: string;
	versions: Record<string, string>;
	repetitions: number;
	/** partial: written after a scenario while more are to come; failed: stopped by an error or a signal. */
	status: 'complete' | 'partial' | 'failed';
	failure?: BenchFailure;
	measurements: Measurement[];
}

export interface BenchFailure {
	scenario?: string;
	contender?: string;
	error: string;
	/** n8n's log file and its last lines when the run stopped. */
	n8nLog?: string;
	n8nLogTail?: string[];
}

const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');

/** One Markdown table: a row per scenario and contender, ratios on the MyPit rows. */
export function toMarkdownTable(measurements: Measurement[]): string {
	const lines = [
		'| Scenario | Contender | Requests (min) | Items | Time (median) | Peak RSS of n8n | MyPit ÷ raw | MyPit ÷ HTTP Request | (MyPit − floor) ÷ raw |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const m of measurements) {
		const same = measurements.filter((other) => other.scenario === m.scenario);
		const raw = same.find((other) => other.contender === 'raw');
		const floor = same.find((other) => other.contender === 'floor');
		const http = same.find((other) => other.contender === 'HTTP Request node');
		const isMyPit = m.contender === 'MyPit node';
		const ownCost = floor ? ratio(m.timeMs - floor.timeMs, raw?.timeMs) : '–';
		lines.push(
			`| ${m.scenario} | ${m.contender} | ${m.requests} (${m.minimumRequests}) | ${m.items}${m.items === m.expectedItems ? '' : ` ≠ ${m.expectedItems}`} | ${Math.round(m.timeMs)} ms | ${m.peakRssMb === null ? '–' : `${m.peakRssMb} MB`} | ${isMyPit ? ratio(m.timeMs, raw?.timeMs) : ''} | ${isMyPit ? ratio(m.timeMs, http?.timeMs) : ''} | ${isMyPit ? ownCost : ''} |`,
		);
	}
	return lines.join('\n');
}

function failureMarkdown(report: Report): string[] {
	if (report.status === 'complete') return [];
	if (!report.failure)
		return [
			'**Partial report**: written after each scenario; more scenarios were still to run.',
			'',
		];
	const { scenario, contender, error, n8nLog, n8nLogTail } = report.failure;
	return [
		`**Run failed** in ${scenario ?? 'setup'}${contender ? ` · ${contender}` : ''}: ${error}`,
		'',
		"The failed scenario's rows hold the repetitions it finished (see `timesMs` in latest.json).",
		'',
		...(n8nLogTail
			? [`Last lines of n8n's log (${n8nLog ?? 'output'}):`, '', '```', ...n8nLogTail, '```', '']
			: []),
	];
}

export function machineDescription(): string {
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`;
}

export function writeReport(report: Report, folder: string): void {
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(path.join(folder, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
	const markdown = [
		'# Benchmarks',
		'',
		'The MyPit node against a plain Node.js fetch loop (raw: what the API and the network cost), the',
		"floor (the same items through the same n8n with no HTTP: the MyPit node's output pinned) and",
		"n8n's HTTP Request node configured as a capable user would, in one run, alternating the",
		'contenders, medians over the repetitions. Written by `npm run bench`; see `bench/README.md`.',
		'',
		`- Command: \`${report.command}\``,
		`- Date: ${report.date}`,
		`- Machine: ${report.machine}`,
		`- Versions: ${Object.entries(report.versions)
			.map(([name, version]) => `${name} ${version}`)
			.join(', ')}`,
		`- Repetitions per contender: ${report.repetitions}`,
		`- Status: ${report.status}`,
		'',
		...failureMarkdown(report),
		toMarkdownTable(report.measurements),
		'',
		'Goals (from the figures above):',
		'',
		...(report.command.includes('--quick')
			? ["A quick run: sizes below the issue's, so the goals are indicative only.", '']
			: []),
		goalsMarkdown(evaluateGoals(report.measurements)),
		'',
		"Time is n8n's own execution time (startedAt → stoppedAt, n8n's boot not counted) for the n8n",
		'workflows, and wall time for the raw loop. The floor is the MyPit workflow with the MyPit',
		"node's output pinned (n8n passes pinned items on without running the node): the same items",
		'through the same n8n with no HTTP at all, so MyPit − floor is what the HTTP path costs.',
		"Requests are counted in the sandbox's request log; the minimum in brackets is ⌈N ÷ page size⌉",
		'for lists and ⌈N ÷ batch size⌉ for bulk issue (0 for the floor).',
		"Peak RSS is the n8n process's resident memory sampled every 20 ms during the runs.",
		'',
	].join('\n');
	fs.writeFileSync(path.join(folder, 'latest.md'), markdown);
}
