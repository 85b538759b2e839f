import type { ItemScope, OperationHandler } from '../execution/scope';
import { ENDPOINTS } from '../transport/endpoints';
import { readIssueSettings, readRecipients } from './issueBatches';
import { issueToRecipients } from './issueSkip';
import { listRecords } from './records';

/** "All Input Items (Bulk)": one call issues for every input item, read from the first one. */
export const issuesForAllItems = (first: ItemScope) =>
	first.parameter('recipientMode', 'single') === 'allItems';

export const listIssuedBadges = listRecords('badge', ENDPOINTS.listIssuedBadges);

/**
 * Issue a template's badge to one holder or a list of holders per input item (bulk mode is
 * `issueForAllItems`). Each recipient gets its own output item.
 */
export const issueBadge: OperationHandler = async ({ item, client, body }) => {
	const settings = readIssueSettings(item, body);
	const recipients = readRecipients(item);
	return await issueToRecipients(item, client, settings, recipients);
};
