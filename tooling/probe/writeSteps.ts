import type { IDataObject } from 'n8n-workflow';

import type { RecordKind } from '../../nodes/MyPit/operations/simplify';
import { ENDPOINTS, type Endpoint } from '../../nodes/MyPit/transport/endpoints';
import type { ProbeContext } from './context';
import { findRecord } from './findRecord';
import { failedStep } from './findings';
import type { Made } from './ledger';
import { writeAnswerFinding } from './writeAnswers';

/** A write may go out: --write confirmed and no Ctrl-C. */
export const mayWrite = (ctx: ProbeContext) => ctx.writes.mode === 'writes' && !ctx.stop.requested;

const WRITES = {
	template: {
		subject: 'template.write',
		create: ENDPOINTS.createTemplate,
		list: ENDPOINTS.listTemplates,
	},
	holder: { subject: 'holder.write', create: ENDPOINTS.createHolder, list: ENDPOINTS.listHolders },
} as const;

/** Sends a create; the ledger knows of it before it leaves, so Ctrl-C can always name it. */
export async function create(
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
export async function identify(
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

/** One record read back with Get; it joins the records the field checks look at. */
export async function readBack(
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
