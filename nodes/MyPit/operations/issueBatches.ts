import type { IDataObject } from 'n8n-workflow';

import type { ItemScope } from '../execution/scope';
import { resolveUserId } from '../shared/identity';
import {
	requireBadgeType,
	requireId,
	requireIdList,
	requireJsonObject,
	requirePositiveInteger,
} from '../shared/validation';
import type { MyPitClient } from '../transport/client';
import { ENDPOINTS } from '../transport/endpoints';
import {
	recipientOutcomes,
	unsentOutcomes,
	type IssueResponse,
	type RecipientOutcome,
} from './issueOutcomes';

/**
 * 100 recipients per request: 100 inserts and a body of a few KB per call, so 10,000 holders
 * take 100 requests, well inside what a Convex-style mutation handles at once.
 */
export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 1000;

export interface IssueSettings {
	templateId: string;
	badgeData: IDataObject;
	batchSize: number;
	type?: string;
	validityPeriod?: number;
}

/** Everything but the recipients, read and checked before any request. */
export function readIssueSettings(item: ItemScope, body: IDataObject): IssueSettings {
	const options = item.parameter('options', {}) as IDataObject;
	return {
		templateId: requireId(body.templateId, 'Template'),
		badgeData: requireJsonObject(item.parameter('badgeData', '{}'), 'Badge Data'),
		batchSize: requirePositiveInteger(
			options.batchSize ?? DEFAULT_BATCH_SIZE,
			'Batch Size',
			MAX_BATCH_SIZE,
		),
		type: options.type ? requireBadgeType(options.type, 'Type') : undefined,
		validityPeriod:
			options.validityPeriod !== undefined
				? requirePositiveInteger(options.validityPeriod, 'Validity Period (Days)')
				: undefined,
	};
}

export function readRecipients(item: ItemScope): string[] {
	if (item.parameter('recipientMode', 'single') === 'list') {
		return requireIdList(item.parameter('recipientIds', ''), 'Holder IDs');
	}
	return [requireId(item.parameter('holderId', '', { extractValue: true }), 'Holder')];
}

/**
 * Sends the recipients in batches. Type and validity default to the template's own, read once.
 * A failed batch stops the run: what was issued before it is kept and reported.
 */
export async function issueInBatches(
	item: ItemScope,
	client: MyPitClient,
	settings: IssueSettings,
	recipients: string[],
): Promise<RecipientOutcome[]> {
	const userId = resolveUserId(item);
	let { type, validityPeriod } = settings;
	if (type === undefined || validityPeriod === undefined) {
		// The items of one run usually name the same template: it is read once for all of them.
		const template = await item.run.once(
			`template ${userId} ${settings.templateId}`,
			async () =>
				await client.request(ENDPOINTS.getTemplate, { userId, templateId: settings.templateId }),
		);
		type ??= requireBadgeType(template.type, 'Type (read from the template)');
		validityPeriod ??= requirePositiveInteger(
			template.validityPeriod,
			'Validity Period (read from the template)',
		);
	}

	const outcomes: RecipientOutcome[] = [];
	for (let start = 0; start < recipients.length; start += settings.batchSize) {
		const batch = recipients.slice(start, start + settings.batchSize);
		const request = {
			userId,
			validityPeriod,
			templateId: settings.templateId,
			badgeData: settings.badgeData,
			recipientIds: batch,
			type,
		};
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
	return outcomes;
}
