import type { IDataObject } from 'n8n-workflow';

import { templateLabels } from '../descriptions/templateParameters';
import type { OperationHandler } from '../execution/scope';
import { resolveUserId } from '../shared/identity';
import {
	InputError,
	requireBadgeType,
	requireColor,
	requireId,
	requireNonNegativeNumber,
	requirePositiveInteger,
	requireText,
	requireUrl,
} from '../shared/validation';
import { ENDPOINTS } from '../transport/endpoints';
import { updatedAtFor, withReadableDates } from './readableDates';
import { getRecord, listRecords } from './records';

const L = templateLabels;

/** Each template field's check: for what the user typed, and for the fields every update sends. */
const CHECKS: Record<string, (value: unknown, label: string) => unknown> = {
	name: (value, label) => requireText(value, label, 200),
	type: requireBadgeType,
	description: requireText,
	criteria: requireText,
	validityPeriod: requirePositiveInteger,
	price: requireNonNegativeNumber,
	imageUrl: requireUrl,
	backgroundColor: requireColor,
	textColor: requireColor,
};

/** The API replaces the whole `data` object on update: these fields go with every update. */
const ALWAYS_SENT = ['name', 'type', 'description', 'criteria', 'validityPeriod', 'price'] as const;

const readTemplateId = (body: IDataObject) => ({
	templateId: requireId(body.templateId, L.templateId),
});

export const createTemplate: OperationHandler = async ({ item, client, body }) => {
	const request = {
		userId: resolveUserId(item),
		imageUrl: requireUrl(body.imageUrl, L.imageUrl),
		typeOfBadge: requireBadgeType(body.typeOfBadge, L.typeOfBadge),
		name: requireText(body.name, L.name, 200),
		validityPeriod: requirePositiveInteger(body.validityPeriod, L.validityPeriod),
		description: requireText(body.description, L.description),
		criteria: requireText(body.criteria, L.criteria),
		price: requireNonNegativeNumber(body.price, L.price),
	};
	return [withReadableDates(await client.request(ENDPOINTS.createTemplate, request))];
};

export const getTemplate = getRecord('template', ENDPOINTS.getTemplate, readTemplateId);

export const listTemplates = listRecords('template', ENDPOINTS.listTemplates);

export const deleteTemplate: OperationHandler = async ({ item, client, body }) => {
	const request = { userId: resolveUserId(item), ...readTemplateId(body) };
	return [await client.request(ENDPOINTS.deleteTemplate, request)];
};

/**
 * The API replaces the whole `data` object on update, so the node reads the current template,
 * applies only the fields the user set, and sends the result with a fresh `updatedAt`.
 */
export const updateTemplate: OperationHandler = async ({ item, client, body }) => {
	const { templateId } = readTemplateId(body);
	const changes = { ...(item.parameter('updateFields', {}) as IDataObject) };
	if (Object.keys(changes).length === 0) {
		throw new InputError(L.updateFields, 'at least one field to change', 'no field');
	}
	const userId = resolveUserId(item);
	validateTemplateChanges(changes);

	const current = await client.request(ENDPOINTS.getTemplate, { userId, templateId });
	const merged = { ...current, ...changes };
	const data: IDataObject = {};
	for (const field of ALWAYS_SENT)
		data[field] = CHECKS[field](merged[field], L[field]) as IDataObject[string];
	// In the unit of the template's own dates (seconds or milliseconds), past its createdAt.
	data.updatedAt = updatedAtFor(current, Date.now());
	// A record may lack the optional fields (imageUrl; the colours on some backends): what it
	// lacks and the user did not set is left out rather than invented.
	for (const field of ['imageUrl', 'backgroundColor', 'textColor'] as const) {
		const value = merged[field];
		if (value !== undefined && value !== null && value !== '')
			data[field] = requireText(value, L[field]);
	}
	return [await client.request(ENDPOINTS.updateTemplate, { userId, templateId, data })];
};

/** Checks what the user typed before anything is read or sent. */
function validateTemplateChanges(changes: IDataObject) {
	for (const [field, value] of Object.entries(changes)) {
		const check = CHECKS[field];
		if (!check) throw new InputError(L.updateFields, `only template fields`, `"${field}"`);
		changes[field] = check(value, L[field as keyof typeof L]) as IDataObject[string];
	}
}
