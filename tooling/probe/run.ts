/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { Logger } from 'n8n-workflow';

import { bugs } from '../../package.json';
import type { ProbeAccount } from './account';
import { probeClient } from './client';
import { SeenRecords, type ProbeContext } from './context';
import { tally, type Finding } from './findings';
import { CredentialsRefused } from './hello';
import { Ledger, describeMade } from './ledger';
import type { ProbeOptions } from './options';
import { runReads } from './readFlow';
import { seenRecordFindings } from './recordFindings';
import { buildReport, reportJson, writeReport, type ProbeReport } from './report';
import { RequestLog } from './requestLog';
import { removeSecret } from './secret';
import type { Stop } from './stop';
import { MARKS, renderTable } from './table';
import { PROBE_VALIDITY_DAYS } from './writeBodies';
import type { Positions } from './positions';
import { runWrites } from './writeFlow';
import type { WriteGate } from './writeGate';

export interface ProbeIo {
	print(line: string): void;
	/** Asked before --write; never called with --yes. */
	confirm(question: string): Promise<boolean>;
	/** Terminal width for the table. */
	width?: number;
}

export interface ProbeInput {
	options: ProbeOptions;
	account: ProbeAccount;
	io: ProbeIo;
	writes: WriteGate;
	stop: Stop;
	/** Lines the rate limit logs (waits, 429 pauses). */
	logger: Logger;
	now?: () => Date;
}

export interface ProbeOutcome {
	exitCode: number;
	report: ProbeReport;
	reportPath: string;
	table: string;
}

export const EXIT = {
	allHandled: 0,
	notHandled: 1,
	badInputOrCredentials: 2,
	interrupted: 130,
} as const;

/** "20260501-120000" (UTC): names the report and what --write creates. */
export function probeStamp(at: Date): string {
	return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * One probe: the read-only readings, then (with --write, once confirmed) the write readings and
 * the clean-up; the table printed, the report written. Never throws for what MyPit answers:
 * a failed step is a finding and the rest is still tried.
 */
export async function runProbe(input: ProbeInput): Promise<ProbeOutcome> {
	const { options, account, stop } = input;
	// Nothing printed may carry the secret key, whatever MyPit echoes in an error.
	const io = {
		...input.io,
		print: (line: string) => input.io.print(removeSecret(line, account.secretKey)),
	};
	const now = input.now ?? (() => new Date());
	const startedAt = now();
	const stamp = probeStamp(startedAt);
	const name = `probe-${stamp}`;
	const pace = options.perMinute
		? `at most ${options.perMinute} requests per minute, one at a time`
		: "one request at a time, no per-minute limit (the credential's default; --per-minute to slow down)";
	const log = new RequestLog();
	const ctx: ProbeContext = {
		client: probeClient({
			baseUrl: options.baseUrl,
			account,
			perMinute: options.perMinute,
			log,
			writes: input.writes,
			cancel: stop.signal,
			logger: input.logger,
		}),
		log,
		writes: input.writes,
		stop,
		account,
		findings: [],
		seen: new SeenRecords(),
		ledger: new Ledger(),
		progress: (line) => io.print(`· ${line}`),
	};
	io.print(
		`MyPit probe of ${options.baseUrl} as user ${account.userId}, ${options.write ? 'with --write' : 'read-only'}`,
	);
	io.print(`Pace: ${pace}`);

	let refused: CredentialsRefused | undefined;
	try {
		const positions = await runReads(ctx);
		if (options.write && !stop.requested) await writeIfConfirmed(ctx, io, options, positions, name);
	} catch (error) {
		if (!(error instanceof CredentialsRefused)) throw error;
		refused = error;
	}
	if (!refused) ctx.findings.push(...seenRecordFindings(ctx.seen));

	const left = ctx.ledger.leftBehind();
	const counts = tally(ctx.findings);
	const exitCode = stop.requested
		? EXIT.interrupted
		: refused
			? EXIT.badInputOrCredentials
			: counts.notHandled + counts.failed > 0
				? EXIT.notHandled
				: EXIT.allHandled;
	const finishedAt = now();
	const report = buildReport({
		startedAt,
		finishedAt,
		baseUrl: options.baseUrl,
		userId: account.userId,
		write: options.write,
		pace,
		interrupted: stop.requested,
		exitCode,
		findings: ctx.findings,
		left,
		requests: log.all(),
		probeName: name,
	});
	const reportPath = writeReport(options.reportDir, stamp, reportJson(report, account.secretKey));
	const table = renderTable(ctx.findings, io.width);

	io.print('');
	if (refused) io.print(`✘ ${refused.message}. Check MYPIT_CLIENT_ID and MYPIT_SECRET_KEY.`);
	else io.print(table);
	io.print('');
	io.print(summaryLine(ctx.findings));
	for (const made of left)
		io.print(`Left in your account: ${describeMade(made)}${made.note ? `: ${made.note}` : ''}`);
	if (stop.requested)
		io.print('Stopped by Ctrl-C: the readings above are what was seen until then.');
	io.print(`Report: ${reportPath} (no secret in it): attach it to an issue at ${bugs.url}`);
	io.print(
		`Done in ${report.seconds} s, ${log.all().length} requests; exit code ${exitCode}${exitMeaning(exitCode)}`,
	);
	return { exitCode, report, reportPath, table };
}

/** --write says what it will leave, then asks (unless --yes). */
async function writeIfConfirmed(
	ctx: ProbeContext,
	io: ProbeIo,
	options: ProbeOptions,
	positions: Positions,
	name: string,
): Promise<void> {
	io.print('');
	io.print(`--write creates in the account of user ${ctx.account.userId}:`);
	io.print(
		`  - a template and a holder named ${name} (holder email ${name}@example.com); both are deleted at the end`,
	);
	io.print(
		`  - one badge of that template for that holder, valid for ${PROBE_VALIDITY_DAYS} day. Badges cannot be deleted`,
	);
	io.print('    through the API: this badge stays in your account (its ID is shown at the end).');
	const go = options.yes || (await io.confirm('Create them?'));
	if (!go || ctx.stop.requested) {
		const finding: Finding = {
			subject: 'probe',
			reading: '--write',
			value: 'declined',
			observed: 'not confirmed: nothing was written',
			node: '–',
			verdict: 'not-observed',
		};
		ctx.findings.push(finding);
		return;
	}
	await runWrites(ctx, positions, name);
}

function summaryLine(findings: readonly Finding[]): string {
	const counts = tally(findings);
	return [
		`${MARKS['not-handled']} ${counts.notHandled} not handled`,
		`${MARKS.failed} ${counts.failed} failed step(s)`,
		`${MARKS.observation} ${counts.observation} observation(s)`,
		`${MARKS['not-observed']} ${counts.notObserved} not observed`,
		`${MARKS.handled} ${counts.handled} handled`,
	].join(', ');
}

function exitMeaning(code: number): string {
	if (code === EXIT.allHandled) return ' (the node handles every reading seen)';
	if (code === EXIT.notHandled) return ' (something is not handled, or a step failed)';
	if (code === EXIT.badInputOrCredentials) return ' (credentials refused)';
	return ' (stopped by Ctrl-C)';
}
