import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import { cleanUp } from './cleanUp';
import type { ProbeContext } from './context';
import { issue } from './issueStep';
import { sourceOf, type ListSource } from './listSources';
import type { Positions } from './positions';
import { readOn, resumeFinding } from './resume';
import { update } from './updateStep';
import { holderCreateBody, templateCreateBody } from './writeBodies';
import { create, readBack } from './writeSteps';

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
