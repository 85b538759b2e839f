import type { IDataObject } from 'n8n-workflow';

import { epochMsOf, isSecondsStamp } from '../MyPit/operations/readableDates';
import type { TriggerEvent } from './triggerEvents';

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
interface HighWaterMark {
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

/** Where a "new record" event stands in its list. */
export interface ListPosition extends HighWaterMark {
	kind: 'list';
	order: ListOrder;
	/** The last page's cursor of the previous poll, when the list is oldest first. */
	cursor?: string;
}

/** Where an expiry event stands: the previous poll's time and the furthest window end. */
export interface ExpiryPosition {
	kind: 'expiry';
	polledAt: number;
	windowEnd: number;
}

export type Position = ListPosition | ExpiryPosition;

/** Saved in the workflow's static data (JSON), replaced as a whole after a poll that succeeded. */
interface TriggerState {
	version: 1;
	event: TriggerEvent;
	position: Position;
}

const STATE_KEY = 'mypitTrigger';

/** The saved state for this event, or undefined on first activation (or after the event changed). */
export function loadState(staticData: IDataObject, event: TriggerEvent): TriggerState | undefined {
	const saved = staticData[STATE_KEY] as TriggerState | undefined;
	if (!saved || typeof saved !== 'object' || saved.version !== 1 || saved.event !== event)
		return undefined;
	const position = saved.position;
	if (!position || typeof position !== 'object') return undefined;
	// JSON has no -Infinity: an empty list's mark comes back as null.
	if (position.kind === 'list' && typeof position.latest !== 'number') {
		return { ...saved, position: { ...position, latest: Number.NEGATIVE_INFINITY } };
	}
	// Saved before timestamps in seconds were read as seconds: the mark is in that unit too.
	if (position.kind === 'list' && position.latest !== 0 && isSecondsStamp(position.latest)) {
		return { ...saved, position: { ...position, latest: position.latest * 1000 } };
	}
	return saved;
}

export function saveState(staticData: IDataObject, state: TriggerState): void {
	// One assignment: n8n marks static data as changed when a key is set.
	staticData[STATE_KEY] = JSON.parse(JSON.stringify(state)) as IDataObject;
}
