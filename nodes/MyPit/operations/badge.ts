import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { resolveUserId } from '../shared/identity';
import {
	requireBadgeType,
	requireId,
	requireIdList,
	requireJsonObject,
	requirePositiveInteger,
} from '../shared/validation';
import { ENDPOINTS } from '../transport/endpoints';
import { listRecords } from './records';
import type { OperationHandler } from './runner';

/**
 * 100 recipients per request: 100 inserts and a body of a few KB per call, so 10,000 holders
 * take 100 requests, well inside what a Convex-style mutation handles at once.
 */
export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 1000;

export const listIssuedBadges = listRecords('badge', ENDPOINTS.listIssuedBadges);

interface IssueResponse {
	issuedBadges?: unknown;
	status?: unknown;
	details?: { successful?: unknown; failed?: unknown };
}

/** What happened to one recipient: one output item each. */
interface RecipientOutcome extends IDataObject {
	recipientId: string;
	issued: boolean;
	badgeId: string | null;
}

function readRecipients(context: IExecuteSingleFunctions): string[] {
	const mode = context.getNodeParameter('recipientMode', 'single') as string;
	if (mode === 'list') return requireIdList(context.getNodeParameter('recipientIds', ''), 'Holder IDs');
	const holder = context.getNodeParameter('holderId', '', { extractValue: true });
	return [requireId(holder, 'Holder')];
}

/**
 * Issue a template's badge to one or many holders. Type and validity default to the template's
 * own; recipients go out in batches, and each recipient gets its own output item.
 */
export const issueBadge: OperationHandler = async function ({ client, body }) {
	const templateId = requireId(body.templateId, 'Template');
	const recipients = readRecipients(this);
	const overrides = this.getNodeParameter('options', {}) as IDataObject;
	const badgeData = requireJsonObject(this.getNodeParameter('badgeData', '{}'), 'Badge Data');
	const batchSize = requirePositiveInteger(overrides.batchSize ?? DEFAULT_BATCH_SIZE, 'Batch Size', MAX_BATCH_SIZE);
	let type = overrides.type ? requireBadgeType(overrides.type, 'Type') : undefined;
	let validityPeriod =
		overrides.validityPeriod !== undefined
			? requirePositiveInteger(overrides.validityPeriod, 'Validity Period (Days)')
			: undefined;
	const userId = await resolveUserId(this);

	if (type === undefined || validityPeriod === undefined) {
		const template = await client.request(ENDPOINTS.getTemplate, { userId, templateId });
		type ??= requireBadgeType(template.type, 'Type (read from the template)');
		validityPeriod ??= requirePositiveInteger(template.validityPeriod, 'Validity Period (read from the template)');
	}

	const outcomes: RecipientOutcome[] = [];
	for (let start = 0; start < recipients.length; start += batchSize) {
		const batch = recipients.slice(start, start + batchSize);
		const request = { userId, validityPeriod, templateId, badgeData, recipientIds: batch, type };
		const answer = await client.request<IssueResponse>(ENDPOINTS.issueBadge, request).then(
			(response) => ({ response }),
			(failure: Error) => ({ failure }),
		);
		if ('failure' in answer) {
			// Nothing issued yet: a plain failure. Otherwise keep what was issued and say which
			// recipients are uncertain or were never sent.
			if (outcomes.length === 0) throw answer.failure;
			outcomes.push(...unsentOutcomes(recipients.slice(start), batch.length, answer.failure));
			break;
		}
		outcomes.push(...recipientOutcomes(batch, answer.response));
	}

	const status = overallStatus(outcomes);
	return outcomes.map((outcome) => ({ ...outcome, status, templateId }));
};

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

function unsentOutcomes(rest: string[], failedBatchSize: number, error: unknown): RecipientOutcome[] {
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

function overallStatus(outcomes: RecipientOutcome[]): 'success' | 'partial' | 'failed' {
	const issued = outcomes.filter((outcome) => outcome.issued).length;
	if (issued === outcomes.length) return 'success';
	return issued === 0 ? 'failed' : 'partial';
}
