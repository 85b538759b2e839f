import type { IDataObject } from 'n8n-workflow';

/** The dates of MyPit's records: numbers since 1970, in milliseconds or seconds (see `epochMsOf`). */
export const DATE_FIELDS: readonly string[] = ['createdAt', 'updatedAt', 'issuedAt', 'expiresAt'];

/** The name of a date's readable twin: `expiresAt` → `expiresAtIso`. */
export const isoFieldOf = (field: string): string => `${field}Iso`;

/** The range of a JavaScript Date: ±100,000,000 days around 1970. */
const MAX_DATE_MS = 8.64e15;

/**
 * Below this a timestamp is read as seconds: the API document types dates as `number` without a
 * unit. 10^11 ms is March 1973 and 10^11 s the year 5138, so no date MyPit could hold is both.
 */
export const SECONDS_BELOW = 1e11;

export const isSecondsStamp = (stamp: number): boolean => Math.abs(stamp) < SECONDS_BELOW;

/** The number of a timestamp MyPit sent as a number or as numeric text; undefined otherwise. */
function stampOf(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
	return undefined;
}

/** The milliseconds a timestamp's number stands for; undefined outside a date's range. */
function msOfStamp(stamp: number): number | undefined {
	const ms = isSecondsStamp(stamp) ? stamp * 1000 : stamp;
	return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

/** The milliseconds of a MyPit timestamp (some backends send numeric text); undefined if no date. */
export function epochMsOf(value: unknown): number | undefined {
	const stamp = stampOf(value);
	return stamp === undefined ? undefined : msOfStamp(stamp);
}

/**
 * The latest instant (ms) a timestamp may stand for: a date in whole seconds covers the 999 ms
 * after it, so a poll that compares it with its own clock never takes it for earlier than it was.
 */
export function latestMsOf(value: unknown): number | undefined {
	const stamp = stampOf(value);
	if (stamp === undefined) return undefined;
	const ms = msOfStamp(stamp);
	return ms !== undefined && isSecondsStamp(stamp) ? ms + 999 : ms;
}

/** Whether a record's dates come in seconds since 1970 (its first date that is a number says). */
export function datesInSeconds(record: IDataObject): boolean {
	for (const field of DATE_FIELDS) {
		const stamp = typeof record[field] === 'string' ? Number(record[field]) : record[field];
		if (typeof stamp === 'number' && Number.isFinite(stamp) && stamp !== 0)
			return isSecondsStamp(stamp);
	}
	return false;
}

/**
 * The `updatedAt` an update sends: `now` in the unit of the record's own dates, and later than the
 * record's createdAt and updatedAt in that unit, so the change always shows (Template Updated
 * fires when updatedAt moves past createdAt), even within the second the template was made.
 */
export function updatedAtFor(record: IDataObject, now: number): number {
	const seconds = datesInSeconds(record);
	let stamp = seconds ? Math.floor(now / 1000) : now;
	for (const field of ['createdAt', 'updatedAt']) {
		const value = Number(record[field]);
		const sameUnit = isSecondsStamp(value) === seconds;
		if (Number.isFinite(value) && sameUnit && value >= stamp) stamp = value + 1;
	}
	return stamp;
}

/** ISO 8601 text in UTC ("2026-03-03T09:30:00.000Z") of a MyPit timestamp (see `epochMsOf`). */
export function isoFromEpochMs(value: unknown): string | undefined {
	const ms = epochMsOf(value);
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

/**
 * The record with each date's ISO text right after its epoch field, so a message can say "expires
 * on 3 March" without Luxon's `fromMillis`. The epoch fields stay exactly as sent (saved workflows
 * compare them); a field MyPit itself sends under the ISO name is kept as MyPit sent it.
 */
export function withReadableDates(record: IDataObject): IDataObject {
	const readable: IDataObject = {};
	for (const [field, value] of Object.entries(record)) {
		readable[field] = value;
		if (!DATE_FIELDS.includes(field)) continue;
		const iso = isoFromEpochMs(value);
		if (iso !== undefined && !(isoFieldOf(field) in record)) readable[isoFieldOf(field)] = iso;
	}
	return readable;
}
