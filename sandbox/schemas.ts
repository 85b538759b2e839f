/**
 * Request body schemas of the 12 POST endpoints, field names exactly as in the API document
 * (including its inconsistencies: `typeOfBadge` vs `data.type`, `holderID` vs `holderId`).
 */
import { badRequest } from './errors';
import { BADGE_TYPES, type CursorRule } from './types';
import { anyJson, array, number, object, oneOf, optional, type Schema, string } from './validate';

const id = () => string();
const badgeType = () => oneOf(BADGE_TYPES);
const validityPeriod = () => number({ integer: true, positive: true });
const price = () => number({ nonNegative: true });

/** `paginationOpts.cursor` as accepted under each cursor rule. */
function cursorSchema(rule: CursorRule): Schema<string | null> {
	const expected = rule === 'string-only' ? 'a string' : 'a string or null';
	return {
		expected,
		parse(value, path) {
			if (typeof value === 'string') return value;
			if (value === null && rule !== 'string-only') return null;
			throw badRequest(`Field "${path}" must be ${expected}`);
		},
	};
}

function paginationOpts(rule: CursorRule) {
	const cursor = cursorSchema(rule);
	return object({
		numItems: number({ integer: true, positive: true }),
		cursor: rule === 'null-required' ? cursor : optional(cursor),
	});
}

function listBody(rule: CursorRule) {
	return object({ userId: id(), paginationOpts: paginationOpts(rule) });
}

const listBodies = {
	optional: listBody('optional'),
	'null-required': listBody('null-required'),
	'string-only': listBody('string-only'),
};

export const listBodyFor = (rule: CursorRule) => listBodies[rule];

export const createTemplateBody = object({
	userId: id(),
	imageUrl: string(),
	typeOfBadge: badgeType(),
	name: string(),
	validityPeriod: validityPeriod(),
	description: string(),
	criteria: string(),
	price: price(),
});

export const templateRefBody = object({ userId: id(), templateId: id() });

/** With `colorsOptional` (the 'sparse' reading: records may lack them) the colours may be left out. */
export const updateTemplateBodyFor = (colorsOptional: boolean) =>
	object({
		userId: id(),
		templateId: id(),
		data: object({
			name: string(),
			type: badgeType(),
			description: string(),
			criteria: string(),
			validityPeriod: validityPeriod(),
			imageUrl: optional(string({ nonEmpty: false })),
			backgroundColor: colorsOptional ? optional(string()) : string(),
			textColor: colorsOptional ? optional(string()) : string(),
			price: price(),
			updatedAt: number({ nonNegative: true }),
		}),
	});

export const createHolderBody = object({
	issuerDid: string(),
	issuerId: id(),
	data: object({
		name: string(),
		email: string({ email: true }),
		phone: string(),
		ownerId: id(),
		memo: optional(string({ nonEmpty: false })),
		holderDid: string(),
		holderId: string(),
	}),
});

export const updateHolderBody = object({
	holderID: id(),
	issuerId: id(),
	data: object({
		name: string(),
		email: string({ email: true }),
		phone: string(),
	}),
});

export const deleteHolderBody = object({ holderID: id(), issuerId: id() });

export const getHolderBody = object({ userId: id(), holderId: id() });

export const issueBadgeBody = object({
	userId: id(),
	validityPeriod: validityPeriod(),
	templateId: id(),
	badgeData: anyJson(),
	recipientIds: array(string({ nonEmpty: false }), { nonEmpty: true, unique: true }),
	type: badgeType(),
});
