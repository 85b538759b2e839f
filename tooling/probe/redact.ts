import type { Exchange } from './requestLog';

/** Holder fields that name a person: replaced in the report unless the probe made the holder. */
const PERSONAL_FIELDS = ['name', 'email', 'phone', 'holderDid', 'holderId', 'memo'];
/** A holder, wherever it stands: an object with one of these (an ID alone names nobody). */
const HOLDER_MARKS = PERSONAL_FIELDS.filter((field) => field !== 'holderId');
const HOLDER_PATHS = [
	'/getHolders',
	'/getHolderById',
	'/createHolder',
	'/updateHolder',
	'/deleteHolder',
];
const BADGE_PATHS = ['/getIssuedBadges', '/issueBadge'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keeps the shape (a value's type and length) and drops the value. */
function shapeOf(value: unknown): string {
	if (typeof value === 'string') return `<removed: text of ${value.length} characters>`;
	if (isObject(value))
		return `<removed: object with keys ${Object.keys(value).join(', ') || 'none'}>`;
	return `<removed: ${value === null ? 'null' : typeof value}>`;
}

/**
 * Holder data at any depth (a record, a page, `data` of a create or update, a list): the personal
 * fields of every holder the probe did not make are replaced by their shape.
 */
function redactHolders(value: unknown, probeName: string): unknown {
	if (Array.isArray(value)) return value.map((entry) => redactHolders(entry, probeName));
	if (!isObject(value)) return value;
	const own = value.name === probeName || value.holderId === probeName;
	const isHolder = HOLDER_MARKS.some((field) => field in value);
	const out: Json = {};
	for (const [key, entry] of Object.entries(value)) {
		out[key] =
			isHolder && !own && PERSONAL_FIELDS.includes(key)
				? shapeOf(entry)
				: redactHolders(entry, probeName);
	}
	return out;
}

function redactRecord(record: unknown, path: string, probeName: string): unknown {
	if (HOLDER_PATHS.includes(path)) return redactHolders(record, probeName);
	if (!isObject(record)) return record;
	if (BADGE_PATHS.includes(path) && 'badgeData' in record) {
		const own = isObject(record.badgeData) && record.badgeData.probe === probeName;
		return own ? record : { ...record, badgeData: shapeOf(record.badgeData) };
	}
	return record;
}

/** Records of one page the report keeps (the readings were taken from all of them). */
export const REPORT_PAGE_RECORDS = 20;

/**
 * An exchange as the report keeps it: the names, emails, phones, DIDs, external IDs and memos of
 * your holders (in the request and the answer) and the badge data of your badges are replaced
 * by their shape, so the report can be attached to a public issue; a long page keeps its first
 * records. What the probe made itself stays as it was.
 */
export function redactExchange(
	exchange: Exchange,
	probeName: string,
): Exchange & { trimmed?: string } {
	const redact = (record: unknown) => redactRecord(record, exchange.path, probeName);
	const request = redact(exchange.request);
	const answer = exchange.answer;
	if (!isObject(answer)) return { ...exchange, request, answer: redact(answer) };
	const out: Json = { ...answer };
	let trimmed: string | undefined;
	for (const key of ['page', 'items', 'issuedBadges']) {
		if (!Array.isArray(out[key])) continue;
		const records = out[key] as unknown[];
		if (records.length > REPORT_PAGE_RECORDS)
			trimmed = `${key}: the first ${REPORT_PAGE_RECORDS} of ${records.length} records kept`;
		out[key] = records.slice(0, REPORT_PAGE_RECORDS).map(redact);
	}
	const isList = 'page' in out || 'items' in out || 'issuedBadges' in out;
	return {
		...exchange,
		request,
		answer: isList ? out : redact(answer),
		...(trimmed ? { trimmed } : {}),
	};
}
