import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The issueBadge answer as the API document describes it. */
export interface IssueResponse {
	issuedBadges?: unknown;
	status?: unknown;
	details?: { successful?: unknown; failed?: unknown };
}

/** What happened to one recipient: one output item each. */
export interface RecipientOutcome extends IDataObject {
	recipientId: string;
	issued: boolean;
	badgeId: string | null;
}

function badgeIdOf(entry: unknown): string | null {
	if (typeof entry === 'string') return entry;
	if (entry && typeof entry === 'object' && typeof (entry as IDataObject)._id === 'string') {
		return (entry as IDataObject)._id as string;
	}
	return null;
}

/**
 * Maps one issueBadge answer onto its recipients. `details.successful` lists the recipients
 * that got a badge, in the order of `issuedBadges`; without details, a `success` answer covers
 * every recipient in request order.
 */
export function recipientOutcomes(batch: string[], response: IssueResponse): RecipientOutcome[] {
	const failed = new Map<string, string>();
	const failedList = Array.isArray(response.details?.failed) ? response.details.failed : [];
	for (const entry of failedList as IDataObject[]) {
		if (entry && typeof entry.recipientId === 'string') {
			failed.set(entry.recipientId, typeof entry.error === 'string' ? entry.error : 'Not issued');
		}
	}
	const badgeIds = Array.isArray(response.issuedBadges) ? response.issuedBadges.map(badgeIdOf) : [];
	const successful = Array.isArray(response.details?.successful)
		? (response.details.successful as unknown[]).map(String)
		: batch.filter((id) => !failed.has(id));
	const badgeByRecipient = new Map<string, string | null>();
	successful.forEach((recipientId, index) => {
		badgeByRecipient.set(recipientId, badgeIds.length === successful.length ? badgeIds[index] : null);
	});

	return batch.map((recipientId) => {
		if (badgeByRecipient.has(recipientId)) {
			return { recipientId, issued: true, badgeId: badgeByRecipient.get(recipientId) ?? null };
		}
		return {
			recipientId,
			issued: false,
			badgeId: null,
			error: failed.get(recipientId) ?? 'MyPit did not report this recipient as issued',
		};
	});
}

export function unsentOutcomes(rest: string[], failedBatchSize: number, error: unknown): RecipientOutcome[] {
	const message = (error as Error).message;
	const httpCode = error instanceof NodeApiError ? error.httpCode : null;
	// A 4xx was refused as a whole; anything else may have been processed before it failed.
	const refused = httpCode !== null && httpCode.startsWith('4') && httpCode !== '408';
	return rest.map((recipientId, index) => ({
		recipientId,
		issued: false,
		badgeId: null,
		error:
			index < failedBatchSize
				? refused
					? `Batch refused: ${message}`
					: `Batch failed, outcome unknown: ${message}. Check with Badge > Get Many before issuing again.`
				: 'Not sent: an earlier batch failed',
	}));
}

export function overallStatus(outcomes: RecipientOutcome[]): 'success' | 'partial' | 'failed' {
	const issued = outcomes.filter((outcome) => outcome.issued).length;
	if (issued === outcomes.length) return 'success';
	return issued === 0 ? 'failed' : 'partial';
}

/** Adds the overall status and the template to every recipient's item. */
export function withStatus(outcomes: RecipientOutcome[], templateId: string): IDataObject[] {
	const status = overallStatus(outcomes);
	return outcomes.map((outcome) => ({ ...outcome, status, templateId }));
}
