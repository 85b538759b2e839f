import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { latestMsOf } from '../MyPit/operations/readableDates';
import { rejectsCursor, type PagerRead } from '../MyPit/transport/cursorPager';
import { readList, type PollSetup } from './pollSetup';
import type { ExpirySource, NewRecordSource, UpdatedRecordSource } from './triggerEvents';
import {
	EMPTY_MARK,
	detectOrder,
	isAfterMark,
	raiseMark,
	timestampOf,
	type ExpiryPosition,
	type ListOrder,
	type ListPosition,
} from './triggerState';

export interface PollOutcome<P> {
	/** Records to fire for, oldest first. */
	records: IDataObject[];
	position: P;
}

/**
 * New records of an oldest-first list with a resumable cursor: only what follows the saved
 * cursor is read (one request when idle; two while the timestamps have not yet shown the order,
 * the second reading the top of the list to catch a newest-first list). Otherwise every poll
 * reads from the start: newest-first lists stop at the first record the previous poll already
 * saw; lists of unknown order, or oldest-first lists whose last page carries no cursor, are read
 * to the end.
 */
export async function pollNewRecords(
	setup: PollSetup,
	source: NewRecordSource,
	saved: ListPosition | undefined,
	includeExisting: boolean,
): Promise<PollOutcome<ListPosition>> {
	const field = source.timestamp;
	if (saved?.cursor !== undefined && saved.order !== 'newest-first') {
		const resumed = await resume(setup, source, saved.cursor);
		if (resumed) {
			// Positional: everything after the cursor is new, whatever its timestamp says.
			let order: ListOrder = saved.order;
			if (order === 'unknown') {
				// Timestamps have not told the order yet (e.g. one bulk issue): the top of the list
				// tells whether new records land there instead (newest first). One more request.
				const top = await readList(setup, source.endpoint, undefined, () => false);
				const resumedIds = new Set(resumed.records.map((record) => String(record._id)));
				const latest = saved.latest;
				const later = (record: IDataObject) =>
					(timestampOf(record, field) ?? Number.NEGATIVE_INFINITY) > latest;
				if (top.records.some((record) => later(record) && !resumedIds.has(String(record._id))))
					order = 'newest-first';
				else if (resumed.records.some(later)) order = 'oldest-first';
			}
			if (order !== 'newest-first') {
				return {
					records: resumed.records,
					position: {
						kind: 'list',
						order,
						cursor: resumed.endCursor ?? saved.cursor,
						...raiseMark(saved, resumed.records, field),
					},
				};
			}
			saved = { ...saved, order: 'newest-first', cursor: undefined };
		}
	}

	const mark = saved ?? EMPTY_MARK;
	const knownNewestFirst = saved?.order === 'newest-first';
	// A newest-first list needs no more pages once a page reaches records already seen.
	const read = await readList(setup, source.endpoint, undefined, (page) => {
		if (!knownNewestFirst && detectOrder(page, field) !== 'newest-first') return true;
		// Newest first: a first activation's first page holds the newest records.
		return saved ? page.every((record) => isAfterMark(record, field, mark)) : includeExisting;
	});
	const detected = detectOrder(read.records, field);
	const order = detected === 'unknown' && saved ? saved.order : detected;
	const chronological = order === 'newest-first' ? [...read.records].reverse() : read.records;
	const position: ListPosition = { kind: 'list', order, ...raiseMark(mark, read.records, field) };
	if (order !== 'newest-first' && read.endCursor !== undefined) position.cursor = read.endCursor;
	return { records: unseen(chronological, field, saved, includeExisting), position };
}

/** Records past the saved mark; on first activation all of them, or none unless wanted. */
function unseen(
	records: IDataObject[],
	field: string,
	saved: ListPosition | undefined,
	includeExisting: boolean,
): IDataObject[] {
	if (!saved) return includeExisting ? records : [];
	return records.filter((record) => isAfterMark(record, field, saved));
}

/** Reads on from a saved cursor; undefined when the API no longer takes it (then: a full read). */
async function resume(
	setup: PollSetup,
	source: NewRecordSource,
	cursor: string,
): Promise<PagerRead | undefined> {
	const outcome = await readList(setup, source.endpoint, cursor).then(
		(read) => ({ read }),
		(failure: NodeApiError) => ({ failure }),
	);
	if ('read' in outcome) return outcome.read;
	if (rejectsCursor(outcome.failure)) return undefined;
	throw outcome.failure;
}

/** A template's `updatedAt` when it moved past its `createdAt` (a new one is Template Created). */
export function updatedAtIfEdited(record: IDataObject): number | undefined {
	const updatedAt = timestampOf(record, 'updatedAt');
	const createdAt = timestampOf(record, 'createdAt');
	return updatedAt !== undefined && (createdAt === undefined || updatedAt > createdAt)
		? updatedAt
		: undefined;
}

/** Templates whose `updatedAt` moved past the newest one seen. */
export async function pollUpdatedRecords(
	setup: PollSetup,
	source: UpdatedRecordSource,
	saved: ListPosition | undefined,
	includeExisting: boolean,
): Promise<PollOutcome<ListPosition>> {
	const read = await readList(setup, source.endpoint);
	const updated = read.records.filter((record) => updatedAtIfEdited(record) !== undefined);
	const fresh = unseen(updated, 'updatedAt', saved, includeExisting);
	fresh.sort((a, b) => (timestampOf(a, 'updatedAt') ?? 0) - (timestampOf(b, 'updatedAt') ?? 0));
	const mark = raiseMark(saved ?? EMPTY_MARK, read.records, 'updatedAt');
	return { records: fresh, position: { kind: 'list', order: 'unknown', ...mark } };
}

/**
 * Fires each badge once, in the first poll whose window holds its `expiresAt`, with no list of
 * fired IDs: a badge fires at poll k when
 *   lower < expiresAt <= now + ahead   (lower: now for Expiring, none for Expired)
 *   issuedAt <= now                    (a badge issued during the read waits for the next poll;
 *                                       issuedAt in whole seconds counts as the end of its second)
 *   and expiresAt > the furthest window end of earlier polls, or issuedAt > the previous poll.
 * A badge that fired at poll j has expiresAt <= windowEnd(j) and issuedAt <= polledAt(j), so no
 * later poll fires it again; a badge not yet fired is due at the first poll that covers it.
 */
export async function pollExpiry(
	setup: PollSetup,
	source: ExpirySource,
	saved: ExpiryPosition | undefined,
	includeExisting: boolean,
): Promise<PollOutcome<ExpiryPosition>> {
	const { now } = setup;
	const end = now + setup.aheadMs;
	const position: ExpiryPosition = {
		kind: 'expiry',
		polledAt: now,
		windowEnd: Math.max(end, saved?.windowEnd ?? end),
	};
	// First activation: from now on, unless existing badges already in the window are wanted.
	if (!saved && !includeExisting) {
		// One request proves the credential and the list work, as n8n's activation poll expects.
		await readList(setup, source.endpoint, undefined, () => false);
		return { records: [], position };
	}
	const read = await readList(setup, source.endpoint);
	const due = read.records.filter((badge) => {
		const expiresAt = timestampOf(badge, 'expiresAt');
		// Issued at most this late: a badge dated in whole seconds fires at the first poll after
		// the end of its second, which surely read it.
		const issuedAt = latestMsOf(badge.issuedAt) ?? Number.NEGATIVE_INFINITY;
		if (expiresAt === undefined || expiresAt > end || issuedAt > now) return false;
		if (source.ahead && expiresAt <= now) return false;
		if (saved && expiresAt <= saved.windowEnd && issuedAt <= saved.polledAt) return false;
		return setup.matches(badge);
	});
	due.sort((a, b) => (timestampOf(a, 'expiresAt') ?? 0) - (timestampOf(b, 'expiresAt') ?? 0));
	return { records: due, position };
}
