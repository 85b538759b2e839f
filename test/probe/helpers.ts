/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** Runs the probe in process against a real sandbox over HTTP, the way `npm run probe` does. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import type { Account, LoggedRequest, Sandbox } from '../../sandbox';
import type { Finding } from '../../tooling/probe/findings';
import { probeStamp, runProbe, type ProbeOutcome } from '../../tooling/probe/run';
import { Stop } from '../../tooling/probe/stop';
import { WriteGate } from '../../tooling/probe/writeGate';

export interface ProbeRun extends ProbeOutcome {
	lines: string[];
	/** The finding for one reading of one subject; fails the test when there is none. */
	finding(subject: string, reading: string): Finding;
	/** Its value, the sandbox's name for what was seen. */
	value(subject: string, reading: string): string | null;
}

export interface ProbeRunOptions {
	write?: boolean;
	/** Called with every printed line and the run's Stop: a test can press Ctrl-C on cue. */
	onLine?: (line: string, stop: Stop) => void;
	/** Answer to the --write question; undefined: --yes. */
	confirm?: boolean;
	perMinute?: number;
}

const silent = {
	error: () => undefined,
	warn: () => undefined,
	info: () => undefined,
	debug: () => undefined,
};

export async function probe(
	sb: Sandbox,
	account: Account,
	options: ProbeRunOptions = {},
): Promise<ProbeRun> {
	const writes = new WriteGate();
	const stop = new Stop(writes);
	const lines: string[] = [];
	const outcome = await runProbe({
		options: {
			baseUrl: sb.url,
			write: options.write ?? false,
			yes: options.confirm === undefined,
			perMinute: options.perMinute,
			reportDir: mkdtempSync(path.join(tmpdir(), 'mypit-probe-')),
			help: false,
		},
		account,
		writes,
		stop,
		logger: silent,
		io: {
			print: (line) => {
				lines.push(line);
				options.onLine?.(line, stop);
			},
			confirm: async () => options.confirm ?? true,
			width: 160,
		},
	});
	const finding = (subject: string, reading: string) => {
		const found = outcome.report.findings.filter(
			(f) => f.subject === subject && f.reading === reading,
		);
		if (found.length !== 1) {
			throw new Error(
				`${found.length} findings for ${subject} / ${reading}; there are: ${outcome.report.findings.map((f) => `${f.subject} / ${f.reading}`).join('; ')}`,
			);
		}
		return found[0];
	};
	return {
		...outcome,
		lines,
		finding,
		value: (subject, reading) => finding(subject, reading).value,
	};
}

/** Waits out the current millisecond, so the next record gets a later timestamp (no sleep). */
function nextMillisecond(): void {
	const now = Date.now();
	while (Date.now() === now) {
		// spin: under a millisecond
	}
}

/** `count` templates, holders and badges, each a millisecond after the one before. */
export function seedInOrder(sb: Sandbox, account: Account, count: number): void {
	const base = Date.now() - 60_000;
	for (let i = 0; i < count; i++) {
		sb.control.seedTemplates(account.userId, 1, { createdAt: base + i, updatedAt: base + i });
		nextMillisecond();
		sb.control.seedHolders(account.userId, 1);
	}
	for (let i = 0; i < count; i++) {
		nextMillisecond();
		sb.control.seedBadges(account.userId, 1);
	}
}

export const LISTS = ['templates', 'holders', 'badges'] as const;

/** The requests the sandbox received that are not one of the API's reads. */
export function writesIn(sb: Sandbox): LoggedRequest[] {
	const reads = Object.values(ENDPOINTS).filter((endpoint) => endpoint.read);
	return sb.control
		.requestLog()
		.filter(
			(request) =>
				!reads.some((read) => read.path === request.path && read.method === request.method),
		);
}

/** The name --write gave its template and holder: probe-<the run's start time>. */
export const probeName = (run: ProbeOutcome): string =>
	`probe-${probeStamp(new Date(run.report.startedAt))}`;
