import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import type { ProbeContext } from './context';
import { describeError, failedStep, type Finding } from './findings';
import type { Made } from './ledger';
import { deleteHolderFinding, writeAnswerFinding } from './writeAnswers';

/**
 * Deletes what --write made (template and holder), after a failed step or Ctrl-C too, and
 * checks each is gone. Only deletes are let through now. A second Ctrl-C skips it: the report
 * then names what is left.
 */
export async function cleanUp(ctx: ProbeContext): Promise<void> {
	if (ctx.writes.mode === 'writes') ctx.writes.mode = 'clean-up only';
	for (const made of ctx.ledger.entries) {
		if (made.kind === 'badge' || made.state === 'deleted') continue;
		if (ctx.stop.forced) {
			made.note = 'not deleted: the probe was stopped by a second Ctrl-C';
			continue;
		}
		if (made.id === undefined) continue;
		ctx.log.step = `${made.kind}: delete`;
		ctx.progress(`Deleting ${made.kind} ${made.name}`);
		const finding =
			made.kind === 'template' ? await deleteTemplate(ctx, made) : await deleteHolder(ctx, made);
		ctx.findings.push(finding);
	}
	ctx.writes.mode = 'read-only';
}

async function deleteTemplate(ctx: ProbeContext, made: Made): Promise<Finding> {
	const ref = { userId: ctx.account.userId, templateId: made.id };
	return await deleteAndCheck(
		ctx,
		made,
		'template.write',
		async () => {
			const mark = ctx.log.mark();
			await ctx.client.request(ENDPOINTS.deleteTemplate, ref);
			const raw = ctx.log.since(mark, ENDPOINTS.deleteTemplate.path).pop()?.answer;
			return writeAnswerFinding('template.write', 'delete answer', ENDPOINTS.deleteTemplate, raw);
		},
		async () => await ctx.client.request(ENDPOINTS.getTemplate, ref),
	);
}

async function deleteHolder(ctx: ProbeContext, made: Made): Promise<Finding> {
	const issuerId = ctx.account.userId;
	return await deleteAndCheck(
		ctx,
		made,
		'holder.write',
		async () => {
			const mark = ctx.log.mark();
			await ctx.client.request(ENDPOINTS.deleteHolder, { holderID: made.id, issuerId });
			return deleteHolderFinding(ctx.log.since(mark, ENDPOINTS.deleteHolder.path).pop()?.answer);
		},
		async () =>
			await ctx.client.request(ENDPOINTS.getHolder, { userId: issuerId, holderId: made.id }),
	);
}

/** Deletes, then reads the record back: only a refused read (404) counts as gone. */
async function deleteAndCheck(
	ctx: ProbeContext,
	made: Made,
	subject: string,
	remove: () => Promise<Finding>,
	get: () => Promise<unknown>,
): Promise<Finding> {
	let finding: Finding;
	try {
		finding = await remove();
	} catch (error) {
		made.state = 'left';
		made.note = `the delete failed: ${describeError(error)}`;
		return failedStep(subject, 'delete', error);
	}
	ctx.log.step = `${made.kind}: read back after the delete`;
	const gone = await get().then(
		() => undefined,
		(error: { httpCode?: string | null }) => error,
	);
	if (gone?.httpCode === '404') {
		made.state = 'deleted';
		return { ...finding, observed: `${finding.observed}; read back: ${describeError(gone)}` };
	}
	made.state = 'left';
	if (gone) {
		// Neither gone nor there, as far as the probe can tell: named, never counted as deleted.
		made.note = `maybe left: the delete was answered, but reading it back failed (${describeError(gone)})`;
		return {
			...finding,
			observed: `${finding.observed}; but ${made.note}`,
			node: `${made.kind} ${made.id} may still be in the account: check it and delete it by hand`,
			verdict: 'failed',
		};
	}
	made.note = 'deleted, but still there';
	return {
		...finding,
		observed: `${finding.observed}; but ${made.note}`,
		node: 'Delete reports success for a record that stays',
		verdict: 'not-handled',
	};
}
