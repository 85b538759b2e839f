import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The issueBadge answer as the API document describes it (every part may be missing). */
export interface IssueResponse {
	issuedBadges?: unknown;
	status?: unknown;
	details?: { successful?: unknown; failed?: unknown };
}

type ApiStatus = 'success' | 'partial' | 'failed';
/** 'skipped': the holder already had the badge (Skip Holders Who Already Have It). */
export type Outcome = 'issued' | 'not issued' | 'unknown' | 'skipped';

/** What happened to one recipient: one output item each. */
export interface RecipientOutcome extends IDataObject {
	recipientId: string;
	/** true / false only when the API said so; null when its answer does not tell. */
	issued: boolean | null;
	badgeId: string | null;
	outcome: Outcome;
	/** The API's own status for this recipient's batch; null when it gave none or never answered. */
	batchStatus: ApiStatus | null;
}

const UNKNOWN_MESSAGE =
	"MyPit's answer does not say whether this recipient got a badge. Check with Badge > Get Many before issuing again.";

function apiStatusOf(value: unknown): ApiStatus | null {
	return value === 'success' || value === 'partial' || value === 'failed' ? value : null;
}

/** An issued badge given as an ID string, or as an object with `_id` (and maybe `recipientId`). */
function badgeRefOf(entry: unknown): { badgeId: string | null; recipientId?: string } {
	if (typeof entry === 'string') return { badgeId: entry };
	if (entry !== null && typeof entry === 'object') {
		const { _id, recipientId } = entry as IDataObject;
		return {
			badgeId: typeof _id === 'string' ? _id : null,
			recipientId: typeof recipientId === 'string' ? recipientId : undefined,
		};
	}
	return { badgeId: null };
}

function failuresOf(details: IssueResponse['details']): Map<string, string> {
	const failed = new Map<string, string>();
	const list = Array.isArray(details?.failed) ? (details.failed as unknown[]) : [];
	for (const entry of list) {
		if (typeof entry === 'string') failed.set(entry, 'Not issued');
		else if (entry !== null && typeof entry === 'object') {
			const { recipientId, error } = entry as IDataObject;
			if (typeof recipientId === 'string')
				failed.set(recipientId, typeof error === 'string' ? error : 'Not issued');
		}
	}
	return failed;
}

/**
 * Maps one issueBadge answer onto its recipients. The document leaves open whether
 * `details.successful` lists recipient IDs or badge IDs and whether `issuedBadges` holds IDs or
 * objects; every reading is accepted. A recipient is `issued: false` only when the API said so
 * (named in `details.failed`, or a batch status `failed`) and `issued: null` when the answer
 * does not tell. Badges pair with recipients by `recipientId` when the API names it, else by
 * position (the n-th badge belongs to the n-th issued recipient), and only when the counts agree.
 */
export function recipientOutcomes(batch: string[], response: IssueResponse): RecipientOutcome[] {
	const answer = response !== null && typeof response === 'object' ? response : {};
	const batchStatus = apiStatusOf(answer.status);
	const inBatch = new Set(batch);
	const failed = failuresOf(answer.details);
	let badges = Array.isArray(answer.issuedBadges)
		? (answer.issuedBadges as unknown[]).map(badgeRefOf)
		: [];
	const successful = Array.isArray(answer.details?.successful)
		? (answer.details.successful as unknown[])
		: [];

	const issued = new Map<string, string | null>();
	// 1. Badges that name their recipient pair for certain.
	for (const badge of badges) {
		if (badge.recipientId !== undefined && inBatch.has(badge.recipientId))
			issued.set(badge.recipientId, badge.badgeId);
	}
	let unpaired = badges.filter(
		(badge) => badge.recipientId === undefined || !inBatch.has(badge.recipientId),
	);

	// 2. `successful` names recipients when every entry is one of the batch; else it lists badges.
	const successfulIds = successful.map(
		(entry) => badgeRefOf(entry).recipientId ?? badgeRefOf(entry).badgeId,
	);
	const namesRecipients =
		successfulIds.length > 0 && successfulIds.every((id) => id !== null && inBatch.has(id));
	if (namesRecipients) {
		const newcomers = (successfulIds as string[]).filter((id) => !issued.has(id));
		const paired = newcomers.length === unpaired.length;
		newcomers.forEach((recipientId, index) =>
			issued.set(recipientId, paired ? unpaired[index].badgeId : null),
		);
		// The unnamed badges belonged to the newcomers (and maybe the rest): never to the rest alone.
		if (newcomers.length > 0) unpaired = [];
	} else if (badges.length === 0) {
		badges = successful.map(badgeRefOf);
		unpaired = badges;
	}

	// 3. Recipients neither named as issued nor as failed.
	const rest = batch.filter((id) => !issued.has(id) && !failed.has(id));
	const everyRestGotOne = unpaired.length === rest.length && !namesRecipients;
	const restOutcome: Outcome =
		batchStatus === 'failed' && issued.size === 0 && unpaired.length === 0
			? 'not issued'
			: batchStatus === 'success' || everyRestGotOne
				? 'issued'
				: 'unknown';
	if (restOutcome === 'issued') {
		const paired = unpaired.length === rest.length;
		rest.forEach((recipientId, index) =>
			issued.set(recipientId, paired ? unpaired[index].badgeId : null),
		);
	}

	return batch.map((recipientId): RecipientOutcome => {
		if (issued.has(recipientId)) {
			return {
				recipientId,
				issued: true,
				badgeId: issued.get(recipientId) ?? null,
				outcome: 'issued',
				batchStatus,
			};
		}
		const base = { recipientId, badgeId: null, batchStatus };
		const notIssued =
			failed.get(recipientId) ??
			(restOutcome === 'not issued' ? 'MyPit answered status "failed" for this batch' : undefined);
		if (notIssued !== undefined)
			return { ...base, issued: false, outcome: 'not issued', error: notIssued };
		return {
			...base,
			issued: null,
			outcome: 'unknown',
			error: UNKNOWN_MESSAGE,
			apiAnswer: answer as IDataObject,
		};
	});
}

/**
 * Recipients of a batch whose request failed, and of the batches never sent after it. A 4xx was
 * refused as a whole (not issued); anything else may have been processed before it failed.
 */
export function unsentOutcomes(
	rest: string[],
	failedBatchSize: number,
	error: unknown,
): RecipientOutcome[] {
	const message = (error as Error).message;
	const refused = refusedAsAWhole(error);
	return rest.map((recipientId, index): RecipientOutcome => {
		const base = { recipientId, badgeId: null, batchStatus: null };
		if (index < failedBatchSize && !refused)
			return {
				...base,
				issued: null,
				outcome: 'unknown',
				error: `Batch failed, outcome unknown: ${message}. Check with Badge > Get Many before issuing again.`,
			};
		const error =
			index >= failedBatchSize ? 'Not sent: an earlier batch failed' : `Batch refused: ${message}`;
		return { ...base, issued: false, outcome: 'not issued', error };
	});
}

/** A 4xx other than 408: the API did nothing. Anything else may have been processed. */
export function refusedAsAWhole(failure: unknown): boolean {
	const code = failure instanceof NodeApiError ? failure.httpCode : null;
	return code !== null && code.startsWith('4') && code !== '408';
}

/** The status of one batch: the API's own, else what its recipients' outcomes show. */
function statusOfBatch(outcomes: RecipientOutcome[]): ApiStatus {
	const apiStatus = outcomes.find((outcome) => outcome.batchStatus !== null)?.batchStatus;
	if (apiStatus) return apiStatus;
	if (outcomes.every((outcome) => outcome.outcome === 'issued')) return 'success';
	return outcomes.every((outcome) => outcome.outcome === 'not issued') ? 'failed' : 'partial';
}

/**
 * The run's status, built from the batches' statuses so it never contradicts the API: with one
 * batch it is the API's status; with several, `success` or `failed` only when every batch says so.
 */
export function overallStatus(
	outcomes: RecipientOutcome[],
	batchOf: (outcome: RecipientOutcome, index: number) => number,
): ApiStatus {
	const batches = new Map<number, RecipientOutcome[]>();
	outcomes.forEach((outcome, index) => {
		const key = batchOf(outcome, index);
		batches.set(key, [...(batches.get(key) ?? []), outcome]);
	});
	const statuses = new Set([...batches.values()].map(statusOfBatch));
	if (statuses.size === 1) return [...statuses][0];
	return statuses.size === 0 ? 'success' : 'partial';
}

/** Adds the run's status and the template to every recipient's item. */
export function withStatus(
	outcomes: RecipientOutcome[],
	templateId: string,
	batchSize: number,
): IDataObject[] {
	const status = overallStatus(outcomes, (_outcome, index) => Math.floor(index / batchSize));
	return outcomes.map((outcome) => ({ ...outcome, status, templateId }));
}
