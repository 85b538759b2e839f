/**
 * Scripts for example 04's badge assistant, as a model that follows its system prompt would
 * act: pick the record it asked for from a Find answer, issue with the IDs found, and report.
 * Used by the agent e2e test and the README's canvas picture.
 */
import { steps, type ModelRequest } from './scriptedModel';
import { recordsWith } from './toolAnswers';

/** The example's tools as the model sees them (node names, spaces as underscores). */
export const FIND_HOLDERS = 'Find_holders';
export const FIND_TEMPLATES = 'Find_templates';
export const ISSUE_BADGE = 'Issue_badge';

/** The one record of a Find answer whose `field` equals `value` (as a model would pick it). */
export function pick(request: ModelRequest, tool: string, field: string, value: string) {
	const found = recordsWith(request.lastAnswerOf(tool), '_id').filter(
		(record) => String(record[field]).toLowerCase() === value.toLowerCase(),
	);
	if (found.length !== 1)
		throw new Error(`${tool} answered ${found.length} records with ${field} "${value}"`);
	return found[0] as { _id: string; name: string };
}

/** The Issue badge result the model received last. */
export function issueResult(request: ModelRequest) {
	const [result] = recordsWith(request.lastAnswerOf(ISSUE_BADGE), 'issued');
	if (!result) throw new Error('Issue badge answered no result with "issued"');
	return result as { issued: boolean; badgeId?: string; error?: string; recipientId: string };
}

/** The answer the scripts give once the badge is issued. */
export const finalAnswer = (holder: string, template: string, badgeId: string) =>
	`Issued the ${template} badge to ${holder}: badge ${badgeId}.`;

/**
 * A model that does what the system prompt asks: find the template by name and the holder by
 * email (both at once), issue with the IDs found, then report the badge.
 */
export function findThenIssue(email: string, template: string) {
	return steps(
		() => ({
			toolCalls: [
				{ name: FIND_TEMPLATES, arguments: { name: template.split(' ')[0] } },
				{ name: FIND_HOLDERS, arguments: { email: email.toUpperCase(), name: '' } },
			],
		}),
		(request) => ({
			toolCalls: [
				{
					name: ISSUE_BADGE,
					arguments: {
						templateId: pick(request, FIND_TEMPLATES, 'name', template)._id,
						holderId: pick(request, FIND_HOLDERS, 'email', email)._id,
					},
				},
			],
		}),
		(request) => {
			const result = issueResult(request);
			if (!result.issued) throw new Error(`not issued: ${result.error}`);
			const holder = pick(request, FIND_HOLDERS, 'email', email);
			return { content: finalAnswer(holder.name, template, result.badgeId!) };
		},
	);
}
