import type { IDataObject } from 'n8n-workflow';

import type { IssueResponse } from '../../nodes/MyPit/operations/issueOutcomes';
import type { RecordKind } from '../../nodes/MyPit/operations/simplify';
import { ENDPOINTS, type Endpoint } from '../../nodes/MyPit/transport/endpoints';
import type { ListOrder } from '../../nodes/MyPitTrigger/listOrder';
import { cleanUp } from './cleanUp';
import type { ProbeContext } from './context';
import { findRecord } from './findRecord';
import { failedStep } from './findings';
import { issueFindings, type IssueAttempt } from './issueFindings';
import type { Made } from './ledger';
import { sourceOf, type ListSource } from './listSources';
import { readOn, resumeFinding } from './resume';
import { updateFinding } from './updateFinding';
import { holderCreateBody, issueBody, templateCreateBody, templateUpdateData } from './writeBodies';
import { writeAnswerFinding } from './writeAnswers';

/** Where the read-only walk left each list: what the MyPit Trigger would have saved. */
export interface ListPosition {
	cursor?: string;
	seen: Set<string>;
	order: ListOrder;
}
export type Positions = Partial<Record<ListSource['subject'], ListPosition>>;

/**
 * --write: a template and a holder named `name`, one badge to the holder and one attempt to an
 * ID that does not exist, a full-data update, everything read back; then the template and the
 * holder are deleted (also after a failed step or Ctrl-C). The badge stays: the API cannot
 * delete badges.
 */
export async function runWrites(
	ctx: ProbeContext,
	positions: Positions,
	name: string,
): Promise<void> {
	ctx.writes.mode = 'writes';
	try {
		const templateId = await create(ctx, 'template', name, templateCreateBody(ctx.account, name));
		const holderId = await create(ctx, 'holder', name, holderCreateBody(ctx.account, name));
		// Ctrl-C: straight to the clean-up.
		if (ctx.stop.requested) return;
		if (templateId) await readOnAfterCreate(ctx, positions, 'templates', templateId);
		if (holderId) await readOnAfterCreate(ctx, positions, 'holders', holderId);
		if (templateId && holderId) await issue(ctx, positions, name, templateId, holderId);
		if (templateId) await update(ctx, name, templateId);
		if (holderId)
			await readBack(ctx, 'holder', ENDPOINTS.getHolder, { userId: ctx.account.userId, holderId });
	} finally {
		await cleanUp(ctx);
	}
}

const mayWrite = (ctx: ProbeContext) => ctx.writes.mode === 'writes' && !ctx.stop.requested;

const WRITES = {
	template: {
		subject: 'template.write',
		create: ENDPOINTS.createTemplate,
		list: ENDPOINTS.listTemplates,
	},
	holder: { subject: 'holder.write', create: ENDPOINTS.createHolder, list: ENDPOINTS.listHolders },
} as const;

/** Sends a create; the ledger knows of it before it leaves, so Ctrl-C can always name it. */
async function create(
	ctx: ProbeContext,
	kind: 'template' | 'holder',
	name: string,
	body: IDataObject,
): Promise<string | undefined> {
	if (!mayWrite(ctx)) return undefined;
	const { subject, create: endpoint, list } = WRITES[kind];
	ctx.log.step = `${kind}: create`;
	ctx.progress(`Creating ${kind} ${name}`);
	const made = ctx.ledger.sending(kind, name);
	const mark = ctx.log.mark();
	try {
		const answer = await ctx.client.request(endpoint, body);
		const raw = ctx.log.since(mark, endpoint.path).pop()?.answer;
		ctx.findings.push(writeAnswerFinding(subject, 'create answer', endpoint, raw));
		if (typeof answer._id === 'string') {
			made.id = answer._id;
			made.state = 'created';
			return made.id;
		}
		made.state = 'unknown';
		made.note = 'the create answer named no ID';
	} catch (error) {
		if (ctx.log.since(mark, endpoint.path).length === 0) {
			// Refused before it was sent (Ctrl-C): nothing was made.
			ctx.ledger.forget(made);
			return undefined;
		}
		if (!ctx.stop.requested) ctx.findings.push(failedStep(subject, 'create', error));
		made.state = 'unknown';
		made.note = 'the create failed; it may still have happened';
	}
	return await identify(ctx, made, list, (record) => record.name === name);
}

/**
 * Finds a made record whose ID is unknown (no answer, or one without its ID) in its list, so it
 * can be deleted or named. A failed create that is not there was not made.
 */
async function identify(
	ctx: ProbeContext,
	made: Made,
	list: Endpoint,
	matches: (record: IDataObject) => boolean,
): Promise<string | undefined> {
	if (ctx.stop.forced) return undefined;
	ctx.log.step = `${made.kind}: look up ${made.name}`;
	const lookup = await findRecord(ctx, list, matches).then(
		(found) => ({ found }),
		() => undefined,
	);
	if (!lookup) return undefined;
	if (typeof lookup.found?._id === 'string') {
		made.id = lookup.found._id;
		made.state = made.kind === 'badge' ? 'left' : 'created';
		return made.id;
	}
	if (made.note?.startsWith('the create failed')) ctx.ledger.forget(made);
	return undefined;
}

/** The trigger's idle poll from the cursor saved before the create: does the new record follow it? */
async function readOnAfterCreate(
	ctx: ProbeContext,
	positions: Positions,
	subject: ListSource['subject'],
	createdId: string,
): Promise<void> {
	const position = positions[subject];
	if (position?.cursor === undefined || ctx.stop.requested) return;
	ctx.log.step = `${subject}: read on after the create`;
	const source = sourceOf(subject);
	const read = await readOn(ctx.client, source, ctx.account.userId, position.cursor);
	ctx.findings.push(resumeFinding({ source, ...position, created: new Set([createdId]) }, read));
}

/** One issue to an ID that does not exist (no badge), then one to the holder (the one badge). */
async function issue(
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
	} else if (holder.error !== undefined) {
		made.note = 'the issue failed; it may still have happened';
		await identify(ctx, made, ENDPOINTS.listIssuedBadges, isTheBadge);
	}
	if (!ctx.stop.forced) ctx.findings.push(...issueFindings({ holder, unknown, badge }));
}

/** The new badge: read on from the badge list's saved cursor (the trigger's idle poll), else look it up. */
async function readBadge(
	ctx: ProbeContext,
	positions: Positions,
	isTheBadge: (record: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
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
	return await findRecord(ctx, ENDPOINTS.listIssuedBadges, isTheBadge).catch((error: unknown) => {
		ctx.findings.push(failedStep('issue', 'badge read back', error));
		return undefined;
	});
}

/** Update Template's way: read, send every field with a fresh updatedAt, read back. */
async function update(ctx: ProbeContext, name: string, templateId: string): Promise<void> {
	if (!mayWrite(ctx)) return;
	const ref = { userId: ctx.account.userId, templateId };
	const before = await readBack(ctx, 'template', ENDPOINTS.getTemplate, ref);
	if (!before || !mayWrite(ctx)) return;
	ctx.log.step = 'template: update';
	ctx.progress(`Updating template ${name}`);
	const mark = ctx.log.mark();
	try {
		const data = templateUpdateData(before, `${name} (updated)`, Date.now());
		await ctx.client.request(ENDPOINTS.updateTemplate, { ...ref, data });
		const raw = ctx.log.since(mark, ENDPOINTS.updateTemplate.path).pop()?.answer;
		ctx.findings.push(
			writeAnswerFinding('template.write', 'update answer', ENDPOINTS.updateTemplate, raw),
		);
		const after = await readBack(ctx, 'template', ENDPOINTS.getTemplate, ref);
		if (after) ctx.findings.push(updateFinding(before, data, after));
	} catch (error) {
		if (!ctx.stop.requested)
			ctx.findings.push(failedStep('template.write', 'update (full data)', error));
	}
}

/** One record read back with Get; it joins the records the field checks look at. */
async function readBack(
	ctx: ProbeContext,
	kind: RecordKind,
	endpoint: Endpoint,
	body: IDataObject,
): Promise<IDataObject | undefined> {
	if (ctx.stop.forced) return undefined;
	ctx.log.step = `${kind}: read back`;
	try {
		const record = await ctx.client.request(endpoint, body);
		ctx.seen.add(kind, record);
		return record;
	} catch (error) {
		ctx.findings.push(failedStep(`${kind}.write`, 'read back', error));
		return undefined;
	}
}
