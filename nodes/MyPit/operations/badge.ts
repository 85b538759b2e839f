import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { ENDPOINTS } from '../transport/endpoints';
import { issueForAllItems } from './issueBulk';
import { readIssueSettings, readRecipients } from './issueBatches';
import { issueToRecipients } from './issueSkip';
import { listRecords } from './records';
import type { OperationHandler, SkipItem } from './runner';

const isBulk = (context: IExecuteSingleFunctions) =>
	context.getNodeParameter('recipientMode', 'single') === 'allItems';

/** In bulk mode the first item issues for all of them; the others have nothing left to do. */
export const skipBulkFollowers: SkipItem = (context, itemIndex) => itemIndex > 0 && isBulk(context);

export const listIssuedBadges = listRecords('badge', ENDPOINTS.listIssuedBadges);

/**
 * Issue a template's badge to one holder or a list of holders per input item, or (bulk) to the
 * holders of all input items at once. Each recipient gets its own output item.
 */
export const issueBadge: OperationHandler = async function ({ client, body }) {
	if (isBulk(this)) return await issueForAllItems(this, client, body);
	const settings = readIssueSettings(this, body);
	const recipients = readRecipients(this);
	return await issueToRecipients(this, client, settings, recipients);
};
