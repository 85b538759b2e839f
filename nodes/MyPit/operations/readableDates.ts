import type { IDataObject } from 'n8n-workflow';

/** The dates of MyPit's records, each in milliseconds since 1970 (the API document's `number`). */
export const DATE_FIELDS: readonly string[] = ['createdAt', 'updatedAt', 'issuedAt', 'expiresAt'];

/** The name of a date's readable twin: `expiresAt` → `expiresAtIso`. */
export const isoFieldOf = (field: string): string => `${field}Iso`;

/** The range of a JavaScript Date: ±100,000,000 days around 1970. */
const MAX_DATE_MS = 8.64e15;

/**
 * The milliseconds of a timestamp MyPit sent as a number or, from some backends, as numeric text
 * ("1772530200000"); undefined for anything that is not a date (empty, null, other text, out of
 * a date's range).
 */
export function epochMsOf(value: unknown): number | undefined {
	let ms: number;
	if (typeof value === 'number') ms = value;
	else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ms = Number(value);
	else return undefined;
	return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
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
