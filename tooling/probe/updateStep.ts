import { updatedAtFor } from '../../nodes/MyPit/operations/readableDates';
import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import type { ProbeContext } from './context';
import { failedStep } from './findings';
import { updateFinding } from './updateFinding';
import { writeAnswerFinding } from './writeAnswers';
import { templateUpdateData } from './writeBodies';
import { mayWrite, readBack } from './writeSteps';

/** Update Template's way: read, send every field with a fresh updatedAt, read back. */
export async function update(ctx: ProbeContext, name: string, templateId: string): Promise<void> {
	if (!mayWrite(ctx)) return;
	const ref = { userId: ctx.account.userId, templateId };
	const before = await readBack(ctx, 'template', ENDPOINTS.getTemplate, ref);
	if (!before || !mayWrite(ctx)) return;
	ctx.log.step = 'template: update';
	ctx.progress(`Updating template ${name}`);
	const mark = ctx.log.mark();
	try {
		const data = templateUpdateData(before, `${name} (updated)`, updatedAtFor(before, Date.now()));
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
