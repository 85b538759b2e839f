import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { readList, rejectsCursor, type ListRead } from './listReader';
import { EMPTY_MARK, detectOrder, isAfterMark, raiseMark, timestampOf } from './listOrder';
import type { PollSetup } from './pollSetup';
import type { NewRecordSource, UpdatedRecordSource } from './triggerEvents';
import type { ListPosition } from './triggerState';

export interface PollOutcome<P> {
	/** Records to fire for, oldest first. */
	records: IDataObject[];
	position: P;
	requests: number;
}

/**
 * New records of an oldest-first list with a resumable cursor: only what follows the saved
 * cursor is read (one request when idle). Otherwise every poll reads from the start: newest-first
 * lists stop at the first record the previous poll already saw; lists of unknown order, or
 * oldest-first lists whose last page carries no cursor, are read to the end.
 */
export async function pollNewRecords(
	setup: PollSetup,
	source: NewRecordSource,
	saved: ListPosition | undefined,
	includeExisting: boolean,
): Promise<PollOutcome<ListPosition>> {
	const field = source.timestamp;
	let spent = 0;
	if (saved?.order === 'oldest-first' && saved.cursor !== undefined) {
		const resumed = await resume(setup, source, saved.cursor);
		spent = 1;
		if (resumed) {
			// Positional: everything after the cursor is new, whatever its timestamp says.
			const mark = raiseMark(saved, resumed.records, field);
			return {
				records: resumed.records,
				position: { kind: 'list', order: 'oldest-first', cursor: resumed.endCursor ?? saved.cursor, ...mark },
				requests: resumed.requests,
			};
		}
	}

	const mark = saved ?? EMPTY_MARK;
	const knownNewestFirst = saved?.order === 'newest-first';
	// A newest-first list needs no more pages once a page reaches records already seen.
	const read = await readList(setup.node, setup.client, source.endpoint, setup.userId, undefined, (page) => {
		if (!knownNewestFirst && detectOrder(page, field) !== 'newest-first') return true;
		// Newest first: the first page of a first activation holds the newest records.
		if (!saved) return includeExisting;
		return page.every((record) => isAfterMark(record, field, mark));
	});
	const detected = detectOrder(read.records, field);
	const order = detected === 'unknown' && saved ? saved.order : detected;
	const chronological = order === 'newest-first' ? [...read.records].reverse() : read.records;
	const fresh = saved ? chronological.filter((record) => isAfterMark(record, field, mark)) : includeExisting ? chronological : [];
	const raised = raiseMark(mark, read.records, field);
	const position: ListPosition = { kind: 'list', order, ...raised };
	if (order === 'oldest-first' && read.endCursor !== undefined) position.cursor = read.endCursor;
	return { records: fresh, position, requests: read.requests + spent };
}

/** Reads on from a saved cursor; undefined when the API no longer takes it (then: a full read). */
async function resume(setup: PollSetup, source: NewRecordSource, cursor: string): Promise<ListRead | undefined> {
	const outcome = await readList(setup.node, setup.client, source.endpoint, setup.userId, cursor).then(
		(read) => ({ read }),
		(failure: NodeApiError) => ({ failure }),
	);
	if ('read' in outcome) return outcome.read;
	if (rejectsCursor(outcome.failure)) return undefined;
	throw outcome.failure;
}

/**
 * Templates whose `updatedAt` moved past the newest one seen. A new template (updatedAt equal
 * to createdAt) is Template Created, not this event.
 */
export async function pollUpdatedRecords(
	setup: PollSetup,
	source: UpdatedRecordSource,
	saved: ListPosition | undefined,
	includeExisting: boolean,
): Promise<PollOutcome<ListPosition>> {
	const read = await readList(setup.node, setup.client, source.endpoint, setup.userId, undefined);
	const mark = saved ?? EMPTY_MARK;
	const updated = read.records.filter((record) => {
		const updatedAt = timestampOf(record, 'updatedAt');
		const createdAt = timestampOf(record, 'createdAt');
		return updatedAt !== undefined && (createdAt === undefined || updatedAt > createdAt);
	});
	const fresh = saved ? updated.filter((record) => isAfterMark(record, 'updatedAt', mark)) : includeExisting ? updated : [];
	fresh.sort((a, b) => (timestampOf(a, 'updatedAt') ?? 0) - (timestampOf(b, 'updatedAt') ?? 0));
	return {
		records: fresh,
		position: { kind: 'list', order: 'unknown', ...raiseMark(mark, read.records, 'updatedAt') },
		requests: read.requests,
	};
}
