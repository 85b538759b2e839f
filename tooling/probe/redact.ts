import type { Exchange } from './requestLog';

/** Holder fields that name a person: replaced in the report unless the probe made the holder. */
const PERSONAL_FIELDS = ['name', 'email', 'phone', 'holderDid', 'holderId', 'memo'];
const HOLDER_PATHS = ['/getHolders', '/getHolderById', '/createHolder'];
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

function redactRecord(record: unknown, path: string, probeName: string): unknown {
	if (!isObject(record)) return record;
	if (HOLDER_PATHS.includes(path)) {
		if (record.name === probeName || record.holderId === probeName) return record;
		const out: Json = { ...record };
		for (const field of PERSONAL_FIELDS) if (field in out) out[field] = shapeOf(out[field]);
		return out;
	}
	if (BADGE_PATHS.includes(path) && 'badgeData' in record) {
		const own = isObject(record.badgeData) && record.badgeData.probe === probeName;
		return own ? record : { ...record, badgeData: shapeOf(record.badgeData) };
	}
	return record;
}

/**
 * An exchange as the report keeps it: the names, emails, phones and DIDs of your holders and
 * the badge data of your badges are replaced by their shape, so the report can be attached to a
 * public issue. What the probe made itself stays as it was.
 */
export function redactExchange(exchange: Exchange, probeName: string): Exchange {
	const answer = exchange.answer;
	if (!isObject(answer)) return exchange;
	const redact = (record: unknown) => redactRecord(record, exchange.path, probeName);
	const out: Json = { ...answer };
	for (const key of ['page', 'items', 'issuedBadges']) {
		if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(redact);
	}
	return {
		...exchange,
		answer: 'page' in out || 'items' in out || 'issuedBadges' in out ? out : redact(answer),
	};
}
