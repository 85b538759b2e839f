import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import { detectOrder } from '../../nodes/MyPitTrigger/triggerState';
import { rejectsCursor } from '../../nodes/MyPit/transport/cursorPager';
import type { ProbeContext } from './context';
import { firstCursorFinding } from './firstCursor';
import { failedStep } from './findings';
import { helloFinding } from './hello';
import { LIST_SOURCES, type ListSource } from './listSources';
import { walkList } from './listWalk';
import { orderFinding } from './order';
import { pageFindings } from './pageFindings';
import { readOn, resumeFinding } from './resume';
import type { Positions } from './positions';

/**
 * The read-only part: /hello, each list in small pages and on to its last page, a read from the
 * last page's cursor, and one record of each list read with Get. Returns where each list ended.
 */
export async function runReads(ctx: ProbeContext): Promise<Positions> {
	const positions: Positions = {};
	ctx.findings.push(await helloFinding(ctx));
	for (const source of LIST_SOURCES) {
		if (ctx.stop.requested) break;
		await readListOf(ctx, source, positions);
	}
	if (!ctx.stop.requested) await readOne(ctx, 'template', ctx.seen.all('template')[0]);
	if (!ctx.stop.requested) await readOne(ctx, 'holder', ctx.seen.all('holder')[0]);
	return positions;
}

async function readListOf(
	ctx: ProbeContext,
	source: ListSource,
	positions: Positions,
): Promise<void> {
	const { userId } = ctx.account;
	ctx.log.step = `${source.subject}: pages`;
	ctx.progress(`Reading the ${source.subject} list`);
	const walk = await walkList(ctx.client, ctx.log, source, userId);
	ctx.seen.add(source.record, ...walk.records);
	if (walk.failure && walk.exchanges.every((e) => e.status === null || e.status >= 300)) {
		// Not one page came back: the first cursor refused either way, else a wrong user ID or
		// the network. Nothing more to read from.
		ctx.findings.push(
			rejectsCursor(walk.failure)
				? await firstCursorFinding(ctx.client, ctx.log, walk, userId)
				: failedStep(source.subject, 'pages', walk.failure),
		);
		return;
	}
	ctx.findings.push(await firstCursorFinding(ctx.client, ctx.log, walk, userId));
	ctx.findings.push(...pageFindings(walk));
	ctx.findings.push(orderFinding(source, walk.records));
	const cursor = walk.lastPage?.cursor;
	const position = {
		cursor: typeof cursor === 'string' && cursor !== '' ? cursor : undefined,
		seen: new Set(walk.records.map((record) => String(record._id))),
		order: detectOrder(walk.records, source.timestamp),
	};
	positions[source.subject] = position;
	if (position.cursor === undefined || ctx.stop.requested) return;
	ctx.log.step = `${source.subject}: read on from the last cursor`;
	const read = await readOn(ctx.client, source, userId, position.cursor);
	ctx.findings.push(resumeFinding({ source, ...position, created: new Set() }, read));
}

/** One record read with Get: single-record answers may carry other fields than lists. */
async function readOne(
	ctx: ProbeContext,
	kind: 'template' | 'holder',
	listed: IDataObject | undefined,
) {
	if (typeof listed?._id !== 'string') return;
	ctx.log.step = `${kind}: get one`;
	const { userId } = ctx.account;
	const request =
		kind === 'template'
			? ctx.client.request(ENDPOINTS.getTemplate, { userId, templateId: listed._id })
			: ctx.client.request(ENDPOINTS.getHolder, { userId, holderId: listed._id });
	await request.then(
		(record) => ctx.seen.add(kind, record),
		(error: unknown) => ctx.findings.push(failedStep(kind, 'read with Get', error)),
	);
}
