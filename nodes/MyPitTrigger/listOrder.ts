import type { IDataObject } from 'n8n-workflow';

import { epochMsOf } from '../MyPit/operations/readableDates';

/** The API document does not say how lists are ordered; the timestamps do. */
export type ListOrder = 'oldest-first' | 'newest-first' | 'unknown';

/** A record's timestamp, sent as a number or as numeric text (some backends send numbers so). */
export function timestampOf(record: IDataObject, field: string): number | undefined {
	return epochMsOf(record[field]);
}

/**
 * Oldest first when timestamps only ever grow along the list, newest first when they only ever
 * shrink; unknown when they are all equal, missing, or mixed.
 */
export function detectOrder(records: IDataObject[], field: string): ListOrder {
	let rising = 0;
	let falling = 0;
	let previous: number | undefined;
	for (const record of records) {
		const current = timestampOf(record, field);
		if (current === undefined) return 'unknown';
		if (previous !== undefined && current > previous) rising++;
		if (previous !== undefined && current < previous) falling++;
		previous = current;
	}
	if (rising > 0 && falling === 0) return 'oldest-first';
	if (falling > 0 && rising === 0) return 'newest-first';
	return 'unknown';
}

/**
 * The newest timestamp seen and the IDs that carry exactly it: a record is new when it is later,
 * or as late but not one of those. Bounded: only ties at one instant are remembered, at most
 * MAX_TIED_IDS of them (a bulk issue stamps all its badges alike); beyond that every record at
 * exactly that instant counts as seen.
 */
export interface HighWaterMark {
	latest: number;
	latestIds: string[];
	tiesOverflow?: boolean;
}

const MAX_TIED_IDS = 1000;

export const EMPTY_MARK: HighWaterMark = { latest: Number.NEGATIVE_INFINITY, latestIds: [] };

export function isAfterMark(record: IDataObject, field: string, mark: HighWaterMark): boolean {
	const at = timestampOf(record, field);
	if (at === undefined) return false;
	if (at > mark.latest) return true;
	return (
		at === mark.latest && mark.tiesOverflow !== true && !mark.latestIds.includes(String(record._id))
	);
}

export function raiseMark(
	mark: HighWaterMark,
	records: IDataObject[],
	field: string,
): HighWaterMark {
	let { latest } = mark;
	let overflow = mark.tiesOverflow === true;
	const tied = new Set(mark.latestIds);
	for (const record of records) {
		const at = timestampOf(record, field);
		if (at === undefined || at < latest) continue;
		if (at > latest) {
			latest = at;
			overflow = false;
			tied.clear();
		}
		if (!overflow) tied.add(String(record._id));
		if (tied.size > MAX_TIED_IDS) {
			overflow = true;
			tied.clear();
		}
	}
	return overflow
		? { latest, latestIds: [], tiesOverflow: true }
		: { latest, latestIds: [...tied] };
}
