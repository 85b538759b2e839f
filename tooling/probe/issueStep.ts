import type { IDataObject } from 'n8n-workflow';

import type { IssueResponse } from '../../nodes/MyPit/operations/issueOutcomes';
import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import type { ProbeContext } from './context';
import { findRecord } from './findRecord';
import { failedStep } from './findings';
import { issueFindings, type IssueAttempt } from './issueFindings';
import { sourceOf } from './listSources';
import type { Positions } from './positions';
import { readOn, resumeFinding } from './resume';
import { issueBody } from './writeBodies';
import { mayWrite } from './writeSteps';

/** One issue to an ID that does not exist (no badge), then one to the holder (the one badge). */
export async function issue(
	ctx: ProbeContext,
	positions: Positions,
	name: string,
	templateId: string,
	holderId: string,
): Promise<void> {
	const send = async (recipientId: string, what: string): Promise<IssueAttempt> => {
		ctx.log.step = `issue: to ${what}`;
		ctx.progress(`Issuing to ${what}`);
		return await ctx.client
			.request<IssueResponse>(
				ENDPOINTS.issueBadge,
				issueBody(ctx.account, templateId, recipientId, name),
			)
			.then(
				(answer) => ({ recipientId, answer }),
				(error: unknown) => ({ recipientId, error }),
			);
	};
	if (!mayWrite(ctx)) return;
	const unknown = await send(`${name}-no-such-holder`, 'an ID that does not exist');
	if (!mayWrite(ctx)) return;
	const made = ctx.ledger.sending('badge', `of template ${name} for holder ${name}`);
	const mark = ctx.log.mark();
	const holder = await send(holderId, `holder ${name}`);
	if (ctx.log.since(mark, ENDPOINTS.issueBadge.path).length === 0) {
		ctx.ledger.forget(made);
		return;
	}
	made.state = 'unknown';
	made.note = 'badges cannot be deleted through the API';
	const isTheBadge = (record: IDataObject) =>
		record.recipientId === holderId && record.templateId === templateId;
	const badge = await readBadge(ctx, positions, isTheBadge);
	if (typeof badge?._id === 'string') {
		made.id = badge._id;
		made.state = 'left';
		ctx.seen.add('badge', badge);
	} else if (badge === null) {
		// The whole list was read: no badge was made.
		ctx.ledger.forget(made);
	} else if (holder.error !== undefined) {
		made.note = 'the issue failed and the badge list could not be read: a badge may exist';
	}
	if (!ctx.stop.forced)
		ctx.findings.push(...issueFindings({ holder, unknown, badge: badge ?? undefined }));
}

/**
 * The new badge: read on from the badge list's saved cursor (the trigger's idle poll), else look
 * it up. null: the list was read and holds no such badge; undefined: it could not be read.
 */
async function readBadge(
	ctx: ProbeContext,
	positions: Positions,
	isTheBadge: (record: IDataObject) => boolean,
): Promise<IDataObject | null | undefined> {
	if (ctx.stop.forced) return undefined;
	const position = positions.badges;
	if (position?.cursor !== undefined) {
		ctx.log.step = 'badges: read on after the issue';
		const source = sourceOf('badges');
		const read = await readOn(ctx.client, source, ctx.account.userId, position.cursor);
		const badge = 'records' in read ? read.records.find(isTheBadge) : undefined;
		const created = new Set([typeof badge?._id === 'string' ? badge._id : 'the new badge']);
		ctx.findings.push(resumeFinding({ source, ...position, created }, read));
		if (badge) return badge;
	}
	ctx.log.step = 'badges: look up the new badge';
	return await findRecord(ctx, ENDPOINTS.listIssuedBadges, isTheBadge).then(
		(found) => found ?? null,
		(error: unknown) => {
			ctx.findings.push(failedStep('issue', 'badge read back', error));
			return undefined;
		},
	);
}
