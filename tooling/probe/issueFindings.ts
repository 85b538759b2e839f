import type { IDataObject } from 'n8n-workflow';

import {
	recipientOutcomes,
	unsentOutcomes,
	type IssueResponse,
	type RecipientOutcome,
} from '../../nodes/MyPit/operations/issueOutcomes';
import { describeError, type Finding } from './findings';

/** One issueBadge request of the probe: MyPit's answer, or the error it became. */
export interface IssueAttempt {
	recipientId: string;
	answer?: IssueResponse;
	error?: unknown;
}

export interface IssueObservation {
	/** To the probe's holder: the one badge. */
	holder: IssueAttempt;
	/** To an ID that does not exist: no badge. */
	unknown: IssueAttempt;
	/** The holder's badge as the issued-badges list shows it. */
	badge?: IDataObject;
}

const SUBJECT = 'issue';
const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** The issueBadge readings: status, issuedBadges, details, and what the node makes of them. */
export function issueFindings(seen: IssueObservation): Finding[] {
	return [
		statusFinding(seen),
		issuedBadgesFinding(seen),
		detailsFinding(seen),
		successfulFinding(seen),
		failedFinding(seen),
		outcomesFinding(seen),
	];
}

function statusFinding({ holder, unknown }: IssueObservation): Finding {
	const words = (attempt: IssueAttempt) =>
		attempt.answer
			? JSON.stringify(attempt.answer.status)
			: `refused: ${describeError(attempt.error)}`;
	const documented = (attempt: IssueAttempt) =>
		!attempt.answer || ['success', 'partial', 'failed'].includes(attempt.answer.status as string);
	const ok = documented(holder) && documented(unknown);
	return {
		subject: SUBJECT,
		reading: 'status',
		value: `${String(holder.answer?.status ?? 'refused')}/${String(unknown.answer?.status ?? 'refused')}`,
		observed: `to the holder: ${words(holder)}; to an unknown ID: ${words(unknown)}`,
		node: ok
			? "outputs MyPit's status as batchStatus and status"
			: 'reads an undocumented status as none: outcomes come from the badges alone',
		verdict: ok ? 'handled' : 'observation',
	};
}

function issuedBadgesFinding({ holder }: IssueObservation): Finding {
	const reading = 'issuedBadges';
	const list = holder.answer?.issuedBadges;
	if (!Array.isArray(list) || list.length === 0) {
		return {
			subject: SUBJECT,
			reading,
			value: null,
			observed: `no badge listed: ${JSON.stringify(list)}`,
			node: '–',
			verdict: holder.answer ? 'observation' : 'not-observed',
		};
	}
	const value = list.every((entry) => typeof entry === 'string')
		? 'ids'
		: list.every((entry) => isObject(entry) && typeof entry._id === 'string')
			? list.every((entry) => Object.keys(entry as IDataObject).length === 1)
				? 'id-objects'
				: 'objects'
			: 'other';
	const words: Record<string, string> = {
		ids: 'badge ID strings, as documented',
		'id-objects': '{_id} objects',
		objects: `badge records (${Object.keys(list[0] as IDataObject).join(', ')})`,
		other: `unexpected: ${JSON.stringify(list).slice(0, 80)}`,
	};
	return {
		subject: SUBJECT,
		reading,
		value,
		observed: words[value],
		node:
			value === 'other'
				? 'see the outcomes row'
				: 'takes each badge ID; pairs a badge naming its recipientId with it',
		verdict: value === 'ids' ? 'handled' : 'observation',
	};
}

function hasDetails(attempt: IssueAttempt): boolean | undefined {
	return attempt.answer ? isObject(attempt.answer.details) : undefined;
}

function detailsFinding({ holder, unknown }: IssueObservation): Finding {
	const reading = 'details';
	const onSuccess = holder.answer?.status === 'success' ? hasDetails(holder) : undefined;
	const onFailed = unknown.answer?.status === 'failed' ? hasDetails(unknown) : undefined;
	const yes = (present: boolean | undefined) =>
		present === undefined ? 'not seen' : present ? 'present' : 'absent';
	const observed = `on success: ${yes(onSuccess)}; on failed: ${yes(onFailed)}`;
	const value =
		onSuccess === undefined || onFailed === undefined
			? `success:${yes(onSuccess)}/failed:${yes(onFailed)}`
			: onSuccess && onFailed
				? 'always'
				: !onSuccess && onFailed
					? 'unless-success'
					: !onSuccess && !onFailed
						? 'never'
						: 'only-on-success';
	return {
		subject: SUBJECT,
		reading,
		value,
		observed,
		node: 'reads details when present; without them success means every recipient got a badge, failed that none did',
		verdict: value === 'always' ? 'handled' : 'observation',
	};
}

function successfulFinding({ holder, badge }: IssueObservation): Finding {
	const reading = 'details.successful';
	const successful = holder.answer?.details?.successful;
	if (!Array.isArray(successful) || successful.length === 0) {
		return {
			subject: SUBJECT,
			reading,
			value: null,
			observed: 'not in the success answer',
			node: '–',
			verdict: 'not-observed',
		};
	}
	const badgeIds = new Set<unknown>(
		[badge?._id, ...((holder.answer?.issuedBadges as unknown[]) ?? [])].filter(Boolean),
	);
	const value = successful.every((entry) => entry === holder.recipientId)
		? 'recipient-ids'
		: successful.every((entry) => badgeIds.has(entry))
			? 'badge-ids'
			: 'other';
	const words: Record<string, string> = {
		'recipient-ids': 'the recipient (holder) IDs',
		'badge-ids': 'the issued badge IDs',
		other: `unexpected: ${JSON.stringify(successful).slice(0, 80)}`,
	};
	return {
		subject: SUBJECT,
		reading,
		value,
		observed: words[value],
		node:
			value === 'other'
				? 'see the outcomes row'
				: "reads it as recipients when every entry is one of the request's, else as badge IDs",
		verdict: value === 'other' ? 'observation' : 'handled',
	};
}

function failedFinding({ unknown }: IssueObservation): Finding {
	const reading = 'details.failed';
	const failed = unknown.answer?.details?.failed;
	if (!Array.isArray(failed) || failed.length === 0) {
		const why = unknown.answer ? 'not in the answer' : 'the request was refused';
		return {
			subject: SUBJECT,
			reading,
			value: null,
			observed: why,
			node: '–',
			verdict: 'not-observed',
		};
	}
	const value = failed.every((entry) => isObject(entry) && typeof entry.recipientId === 'string')
		? 'objects'
		: failed.every((entry) => typeof entry === 'string')
			? 'ids'
			: 'other';
	return {
		subject: SUBJECT,
		reading,
		value,
		observed:
			value === 'other'
				? `unexpected: ${JSON.stringify(failed).slice(0, 80)}`
				: JSON.stringify(failed[0]),
		node:
			value === 'objects'
				? "outputs each as issued: false with MyPit's error"
				: value === 'ids'
					? 'outputs each as issued: false'
					: 'see the outcomes row',
		verdict: value === 'objects' ? 'handled' : 'observation',
	};
}

/** What the node's `recipientOutcomes` makes of the two answers, against what really happened. */
function outcomesFinding({ holder, unknown, badge }: IssueObservation): Finding {
	const reading = "recipients' outcomes";
	if (!holder.answer) {
		return {
			subject: SUBJECT,
			reading,
			value: null,
			observed: `no badge issued: ${describeError(holder.error)}`,
			node: '–',
			verdict: 'failed',
		};
	}
	const [toHolder] = recipientOutcomes([holder.recipientId], holder.answer);
	const [toUnknown]: RecipientOutcome[] = unknown.answer
		? recipientOutcomes([unknown.recipientId], unknown.answer)
		: unsentOutcomes([unknown.recipientId], 1, unknown.error);
	const actual = typeof badge?._id === 'string' ? badge._id : undefined;
	const holderRight =
		toHolder.issued === true && (toHolder.badgeId === actual || toHolder.badgeId === null);
	const wrong =
		toHolder.issued === false ||
		(toHolder.issued === true && toHolder.badgeId !== null && toHolder.badgeId !== actual) ||
		toUnknown.issued === true;
	const item = (outcome: RecipientOutcome) =>
		`issued ${String(outcome.issued)}${outcome.badgeId ? `, badge ${outcome.badgeId}` : ''}${outcome.issued === false && typeof outcome.error === 'string' ? ` ("${outcome.error}")` : ''}`;
	return {
		subject: SUBJECT,
		reading,
		value: wrong
			? 'wrong'
			: holderRight && toHolder.badgeId && toUnknown.issued === false
				? 'right'
				: 'partly-known',
		observed: actual
			? `the holder got badge ${actual}; the unknown ID none`
			: 'the holder’s badge is not in the issued-badges list',
		node: `holder: ${item(toHolder)}; unknown ID: ${item(toUnknown)}`,
		verdict:
			wrong || !actual
				? 'not-handled'
				: toHolder.badgeId && toUnknown.issued === false
					? 'handled'
					: 'observation',
	};
}
