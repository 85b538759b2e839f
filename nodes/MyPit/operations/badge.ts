import type { IDataObject } from 'n8n-workflow';

import type { ItemScope, OperationHandler } from '../execution/scope';
import { resolveUserId } from '../shared/identity';
import {
	InputError,
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
	withStatus,
	type IssueResponse,
	type RecipientOutcome,
} from './issueOutcomes';
import { listRecords, readWholeList } from './records';
import { epochMsOf } from './readableDates';

/**
 * 100 recipients per request: 100 inserts and a body of a few KB per call, so 10,000 holders
 * take 100 requests, well inside what a Convex-style mutation handles at once.
 */
export const DEFAULT_BATCH_SIZE = 100;
export const MAX_BATCH_SIZE = 1000;

/** Everything but the recipients, read and checked before any request. */
export function readIssueSettings(item: ItemScope, body: IDataObject) {
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

type IssueSettings = ReturnType<typeof readIssueSettings>;

/**
 * Sends the recipients in batches. Type and validity default to the template's own, read once.
 * A failed batch stops the run: what was issued before it is kept and reported.
 */
async function issueInBatches(
	item: ItemScope,
	client: MyPitClient,
	settings: IssueSettings,
	recipients: string[],
): Promise<RecipientOutcome[]> {
	const userId = resolveUserId(item);
	const { templateId, badgeData, batchSize } = settings;
	let { type, validityPeriod } = settings;
	if (type === undefined || validityPeriod === undefined) {
		// The items of one run usually name the same template: it is read once for all of them.
		const template = await item.run.once(
			`template ${userId} ${templateId}`,
			async () => await client.request(ENDPOINTS.getTemplate, { userId, templateId }),
		);
		type ??= requireBadgeType(template.type, 'Type (read from the template)');
		validityPeriod ??= requirePositiveInteger(
			template.validityPeriod,
			'Validity Period (read from the template)',
		);
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
	return outcomes;
}

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
	const recipients =
		item.parameter('recipientMode', 'single') === 'list'
			? requireIdList(item.parameter('recipientIds', ''), 'Holder IDs')
			: [requireId(item.parameter('holderId', '', { extractValue: true }), 'Holder')];
	return await issueToRecipients(item, client, settings, recipients);
};

/** Which existing badges of the template count as "already has it" (an unexpired one, always). */
type HeldBadgeStatus = 'notRevoked' | 'any';

/** Statuses that do not count as held under `notRevoked`. */
const NOT_HELD_STATUSES = new Set(['revoked', 'expired']);

function readHeldBadgeRule(item: ItemScope): HeldBadgeStatus | undefined {
	if (item.parameter('options.skipHoldersWithBadge', false) !== true) return undefined;
	const status = item.parameter('options.heldBadgeStatus', 'notRevoked');
	if (status !== 'notRevoked' && status !== 'any') {
		throw new InputError('Held Badge Status', '"notRevoked" or "any"', `"${String(status)}"`);
	}
	return status;
}

function countsAsHeld(
	badge: IDataObject,
	templateId: string,
	rule: HeldBadgeStatus,
	now: number,
): boolean {
	if (badge.templateId !== templateId || typeof badge.recipientId !== 'string') return false;
	// A badge without an expiry date never expires; a backend may send the date as numeric text.
	const expiresAt = epochMsOf(badge.expiresAt);
	if (expiresAt !== undefined && expiresAt <= now) return false;
	if (rule === 'any') return true;
	return !NOT_HELD_STATUSES.has(String(badge.status ?? '').toLowerCase());
}

/**
 * Per run and template: the badge each holder already has. Entries the run itself adds are
 * promises of the badge being issued right now by another item (null if that did not work).
 */
type HeldBadges = Map<string, string | Promise<string | null>>;

async function heldBadges(
	item: ItemScope,
	client: MyPitClient,
	userId: string,
	templateId: string,
	rule: HeldBadgeStatus,
): Promise<HeldBadges> {
	return await item.run.once(`held badges ${userId} ${templateId} ${rule}`, async () => {
		// Every template and rule of the run works from one read of the issued badges.
		const badges = await readWholeList(item, client, ENDPOINTS.listIssuedBadges, userId);
		const now = Date.now();
		const held: HeldBadges = new Map();
		for (const badge of badges) {
			const holder = badge.recipientId as string;
			if (countsAsHeld(badge, templateId, rule, now) && !held.has(holder))
				held.set(holder, String(badge._id));
		}
		return held;
	});
}

/**
 * Issues to the recipients, one output per recipient. With "Skip Holders Who Already Have It"
 * off this is exactly the plain issue; on, holders who hold an unexpired badge of the template
 * (or get one from another item of this run) are skipped with that badge's ID, and no request
 * is sent when nobody is left.
 */
export async function issueToRecipients(
	item: ItemScope,
	client: MyPitClient,
	settings: IssueSettings,
	recipients: string[],
): Promise<IDataObject[]> {
	const rule = readHeldBadgeRule(item);
	if (rule === undefined) {
		const outcomes = await issueInBatches(item, client, settings, recipients);
		return withStatus(outcomes, settings.templateId, settings.batchSize);
	}

	const held = await heldBadges(item, client, resolveUserId(item), settings.templateId, rule);
	// Synchronous from here to the request: checking and claiming a holder cannot interleave
	// with another item of the run.
	const toIssue: string[] = [];
	const fromOthers = new Map<string, string | Promise<string | null>>();
	let finishClaims: (badges: Map<string, string | null>) => void = () => {};
	const claims = new Promise<Map<string, string | null>>((resolve) => (finishClaims = resolve));
	for (const recipientId of recipients) {
		const existing = held.get(recipientId);
		if (existing !== undefined) {
			fromOthers.set(recipientId, existing);
		} else if (!toIssue.includes(recipientId)) {
			toIssue.push(recipientId);
			held.set(
				recipientId,
				claims.then((badges) => badges.get(recipientId) ?? null),
			);
		}
	}

	const sent: RecipientOutcome[] = [];
	try {
		if (toIssue.length > 0) sent.push(...(await issueInBatches(item, client, settings, toIssue)));
	} finally {
		finishClaims(
			new Map(
				sent.map((outcome) => [outcome.recipientId, outcome.issued ? outcome.badgeId : null]),
			),
		);
	}

	const issued = withStatus(sent, settings.templateId, settings.batchSize);
	const status = toIssue.length === 0 ? 'skipped' : issued[0].status;
	const byRecipient = new Map<string, IDataObject>(
		issued.map((json) => [json.recipientId as string, { ...json, skipped: false }]),
	);
	for (const [recipientId, badge] of fromOthers) {
		const badgeId = await badge;
		const skipped = badgeId !== null;
		byRecipient.set(recipientId, {
			recipientId,
			issued: false,
			skipped,
			badgeId,
			outcome: skipped ? 'skipped' : 'not issued',
			batchStatus: null,
			...(skipped
				? {}
				: {
						error:
							'Not sent: another item of this run was issuing this badge to the holder, without success',
					}),
			status,
			templateId: settings.templateId,
		});
	}
	return recipients.map((recipientId) => byRecipient.get(recipientId) as IDataObject);
}
