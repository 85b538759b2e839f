import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { version } from '../../package.json';
import { tally, type Finding, type Tally } from './findings';
import { describeMade, type Made } from './ledger';
import { REPORT_PAGE_RECORDS, redactExchange } from './redact';
import type { Exchange } from './requestLog';
import { removeSecret } from './secret';

export interface ProbeReport {
	tool: string;
	packageVersion: string;
	startedAt: string;
	finishedAt: string;
	seconds: number;
	baseUrl: string;
	userId: string;
	mode: 'read-only' | 'write';
	pace: string;
	interrupted: boolean;
	exitCode: number;
	summary: Tally;
	findings: Finding[];
	/** What this probe left in the account (the badge; anything a failure or Ctrl-C left). */
	leftInAccount: Array<Made & { description: string }>;
	notes: string[];
	requests: Array<Exchange & { trimmed?: string }>;
}

export interface ReportInput {
	startedAt: Date;
	finishedAt: Date;
	baseUrl: string;
	userId: string;
	write: boolean;
	pace: string;
	interrupted: boolean;
	exitCode: number;
	findings: Finding[];
	left: Made[];
	requests: readonly Exchange[];
	/** The probe's own records' name: they are not redacted. */
	probeName: string;
}

export function buildReport(input: ReportInput): ProbeReport {
	return {
		tool: 'npm run probe (n8n-nodes-mypit)',
		packageVersion: version,
		startedAt: input.startedAt.toISOString(),
		finishedAt: input.finishedAt.toISOString(),
		seconds: Math.round((input.finishedAt.getTime() - input.startedAt.getTime()) / 100) / 10,
		baseUrl: input.baseUrl,
		userId: input.userId,
		mode: input.write ? 'write' : 'read-only',
		pace: input.pace,
		interrupted: input.interrupted,
		exitCode: input.exitCode,
		summary: tally(input.findings),
		findings: input.findings,
		leftInAccount: input.left.map((made) => ({ ...made, description: describeMade(made) })),
		notes: [
			'Request headers are not recorded (they carry the client ID and secret key); the secret key is removed wherever it might appear, as written, JSON-escaped or URL-encoded.',
			'Names, emails, phones, DIDs, external holder IDs and memos of holders the probe did not create (in requests and answers), and the badge data of badges it did not issue, are replaced by their shape.',
			`A page of more than ${REPORT_PAGE_RECORDS} records keeps its first ${REPORT_PAGE_RECORDS} here ("trimmed" says so); the readings were taken from all of them.`,
		],
		requests: input.requests.map((exchange) => redactExchange(exchange, input.probeName)),
	};
}

/** The report as JSON with every occurrence of the secret key replaced, whatever its source. */
export function reportJson(report: ProbeReport, secret: string): string {
	return `${removeSecret(JSON.stringify(report, null, 2), secret)}\n`;
}

/** Writes probe-report-<stamp>.json into `dir`; returns its path. */
export function writeReport(dir: string, stamp: string, json: string): string {
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `probe-report-${stamp}.json`);
	writeFileSync(file, json);
	return file;
}
