import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { rejectsCursor } from '../MyPit/transport/cursorPager';
import { readFirstPage, readList, type ListRead } from './listReader';
import {
	EMPTY_MARK,
	detectOrder,
	isAfterMark,
	raiseMark,
	timestampOf,
	type ListOrder,
} from './listOrder';
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
 * cursor is read (one request when idle; two while the timestamps have not yet shown the order,
 * the second reading the top of the list to catch a newest-first list). Otherwise every poll reads from the start: newest-first
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
	let position = saved;
	if (position?.cursor !== undefined && position.order !== 'newest-first') {
		const resumed = await resume(setup, source, position.cursor);
		spent = 1;
		if (resumed) {
			// Positional: everything after the cursor is new, whatever its timestamp says.
			let order: ListOrder = position.order;
			spent = resumed.requests;
			if (order === 'unknown') {
				// Timestamps have not told the order yet (e.g. one bulk issue): the top of the list
				// tells whether new records land there instead (newest first). One more request.
				const top = await readFirstPage(setup.node, setup.client, source.endpoint, setup.userId);
				spent += top.requests;
				const resumedIds = new Set(resumed.records.map((record) => String(record._id)));
				const latest = position.latest;
				const landedOnTop = top.records.some(
					(record) =>
						(timestampOf(record, field) ?? Number.NEGATIVE_INFINITY) > latest &&
						!resumedIds.has(String(record._id)),
				);
				if (landedOnTop) order = 'newest-first';
				else if (
					resumed.records.some(
						(record) => (timestampOf(record, field) ?? Number.NEGATIVE_INFINITY) > latest,
					)
				)
					order = 'oldest-first';
			}
			if (order !== 'newest-first') {
				return {
					records: resumed.records,
					position: {
						kind: 'list',
						order,
						cursor: resumed.endCursor ?? position.cursor,
						...raiseMark(position, resumed.records, field),
					},
					requests: spent,
				};
			}
			position = { ...position, order: 'newest-first', cursor: undefined };
		}
	}
	saved = position;

	const mark = saved ?? EMPTY_MARK;
	const knownNewestFirst = saved?.order === 'newest-first';
	// A newest-first list needs no more pages once a page reaches records already seen.
	const read = await readList(
		setup.node,
		setup.client,
		source.endpoint,
		setup.userId,
		undefined,
		(page) => {
			if (!knownNewestFirst && detectOrder(page, field) !== 'newest-first') return true;
			// Newest first: the first page of a first activation holds the newest records.
			if (!saved) return includeExisting;
			return page.every((record) => isAfterMark(record, field, mark));
		},
	);
	const detected = detectOrder(read.records, field);
	const order = detected === 'unknown' && saved ? saved.order : detected;
	const chronological = order === 'newest-first' ? [...read.records].reverse() : read.records;
	const fresh = saved
		? chronological.filter((record) => isAfterMark(record, field, mark))
		: includeExisting
			? chronological
			: [];
	const raised = raiseMark(mark, read.records, field);
	const next: ListPosition = { kind: 'list', order, ...raised };
	if (order !== 'newest-first' && read.endCursor !== undefined) next.cursor = read.endCursor;
	return { records: fresh, position: next, requests: read.requests + spent };
}

/** Reads on from a saved cursor; undefined when the API no longer takes it (then: a full read). */
async function resume(
	setup: PollSetup,
	source: NewRecordSource,
	cursor: string,
): Promise<ListRead | undefined> {
	const outcome = await readList(
		setup.node,
		setup.client,
		source.endpoint,
		setup.userId,
		cursor,
	).then(
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
	const fresh = saved
		? updated.filter((record) => isAfterMark(record, 'updatedAt', mark))
		: includeExisting
			? updated
			: [];
	fresh.sort((a, b) => (timestampOf(a, 'updatedAt') ?? 0) - (timestampOf(b, 'updatedAt') ?? 0));
	return {
		records: fresh,
		position: { kind: 'list', order: 'unknown', ...raiseMark(mark, read.records, 'updatedAt') },
		requests: read.requests,
	};
}
