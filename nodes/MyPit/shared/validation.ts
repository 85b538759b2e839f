import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BADGE_TYPES, type BadgeType } from '../transport/endpoints';

/** Raised before any request is sent: names the field and says what is expected. */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly expected: string,
		readonly received: string,
	) {
		super(`Invalid "${field}": expected ${expected}, got ${received}`);
		this.name = 'InputError';
	}
}

export function toInputNodeError(node: INode, error: InputError, itemIndex: number) {
	return new NodeOperationError(node, error.message, {
		itemIndex,
		description: `Fix the "${error.field}" parameter (or the expression that fills it): it must be ${error.expected}. No request was sent for this item.`,
	});
}

/** A short, safe rendering of what the user passed, for error messages. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		if (value.trim() === '') return value === '' ? 'an empty string' : 'only white space';
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return `the text "${shown}"`;
	}
	if (Array.isArray(value)) return `a list of ${value.length} values`;
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}

export function requireText(value: unknown, field: string, maxLength = 10_000): string {
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value !== 'string' || value.trim() === '') {
		throw new InputError(field, 'a non-empty text', describeValue(value));
	}
	if (value.length > maxLength) {
		throw new InputError(
			field,
			`a text of at most ${maxLength} characters`,
			`${value.length} characters`,
		);
	}
	return value.trim();
}

export function optionalText(value: unknown, field: string, maxLength = 10_000) {
	if (value === undefined || value === null || value === '') return undefined;
	return requireText(value, field, maxLength);
}

const ID_FORBIDDEN = /[\s"\\/]/;

/** True for a C0 control character (U+0000 to U+001F); n8n's lint forbids them inside a regular expression. */
const hasControlCharacter = (text: string) =>
	[...text].some((character) => character.charCodeAt(0) < 0x20);

/** An ID sent back to the API as it is: no white space or control characters inside. */
export function requireId(value: unknown, field: string): string {
	const id = requireText(value, field, 200);
	if (ID_FORBIDDEN.test(id) || hasControlCharacter(id)) {
		throw new InputError(
			field,
			'an ID without spaces, quotes, slashes or control characters',
			describeValue(value),
		);
	}
	return id;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(value: unknown, field: string): string {
	const email = requireText(value, field, 254);
	if (!EMAIL.test(email)) {
		throw new InputError(field, 'an email address such as name@example.com', describeValue(value));
	}
	return email;
}

const DID = /^did:[a-z0-9]+:\S+$/;

export function requireDid(value: unknown, field: string): string {
	const did = requireText(value, field, 500);
	if (!DID.test(did)) {
		throw new InputError(field, 'a DID such as did:ethr:0x123…', describeValue(value));
	}
	return did;
}

/** Numbers from expressions often arrive as text (sheets, forms): accept plain numeric text. */
function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return undefined;
}

export function requirePositiveInteger(
	value: unknown,
	field: string,
	max = Number.MAX_SAFE_INTEGER,
): number {
	const number = toNumber(value);
	if (number === undefined || !Number.isInteger(number) || number < 1 || number > max) {
		throw new InputError(field, `a whole number from 1 to ${max}`, describeValue(value));
	}
	return number;
}

export function requireNonNegativeNumber(value: unknown, field: string): number {
	const number = toNumber(value);
	if (number === undefined || number < 0) {
		throw new InputError(field, 'a number of 0 or more', describeValue(value));
	}
	return number;
}

export function requireBadgeType(value: unknown, field: string): BadgeType {
	if (typeof value !== 'string' || !(BADGE_TYPES as readonly string[]).includes(value)) {
		throw new InputError(field, `one of ${BADGE_TYPES.join(', ')}`, describeValue(value));
	}
	return value as BadgeType;
}

/** Colors as the MyPit app stores them: #RGB or #RRGGBB. */
export function requireColor(value: unknown, field: string): string {
	const color = requireText(value, field, 7);
	if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) {
		throw new InputError(field, 'a hex color such as #1E3A8A', describeValue(value));
	}
	return color;
}

export function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

export function requireUrl(value: unknown, field: string): string {
	const text = requireText(value, field, 2048);
	const url = parseUrl(text);
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		throw new InputError(
			field,
			'an http(s) URL such as https://example.com/badge.png',
			describeValue(value),
		);
	}
	return text;
}

/** A parse failure as a value: n8n's lint allows only its own errors thrown in a catch. */
function parseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

/** Badge data: a JSON object, given as an object (expression) or as JSON text. */
export function requireJsonObject(value: unknown, field: string): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		const json = parseJson(value);
		if ('problem' in json) {
			throw new InputError(
				field,
				'valid JSON describing an object, such as {"course": "A1"}',
				`invalid JSON (${json.problem})`,
			);
		}
		parsed = json.value;
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(field, 'a JSON object, such as {"course": "A1"}', describeValue(parsed));
	}
	return parsed as IDataObject;
}

/**
 * Holder IDs: one ID, a comma-separated text, or a list from an expression. Duplicates are an
 * error, since the API would issue (or refuse) twice.
 */
export function requireIdList(value: unknown, field: string): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (typeof value === 'string')
		list = value
			.split(',')
			.map((part) => part.trim())
			.filter((part) => part !== '');
	else
		throw new InputError(
			field,
			'holder IDs: a list, or text with IDs separated by commas',
			describeValue(value),
		);
	if (list.length === 0) {
		throw new InputError(field, 'at least one holder ID', describeValue(value));
	}
	const ids = list.map((entry, index) => {
		const id =
			typeof entry === 'object' && entry !== null && '_id' in entry
				? (entry as IDataObject)._id
				: entry;
		return requireId(id, `${field}[${index}]`);
	});
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) throw new InputError(field, 'each holder ID once', `"${id}" twice`);
		seen.add(id);
	}
	return ids;
}
