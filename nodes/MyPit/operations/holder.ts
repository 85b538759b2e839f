import type { IDataObject } from 'n8n-workflow';

import { holderLabels } from '../descriptions/holderParameters';
import type { OperationHandler } from '../execution/scope';
import { resolveIssuerDid, resolveUserId } from '../shared/identity';
import {
	InputError,
	optionalText,
	requireDid,
	requireEmail,
	requireId,
	requireText,
} from '../shared/validation';
import type { MyPitClient } from '../transport/client';
import { ENDPOINTS } from '../transport/endpoints';
import { withReadableDates } from './readableDates';
import { getRecord, listRecords } from './records';

const L = holderLabels;

/** The routing sends the picked holder as `holderId`; the API spells it `holderID` on update and delete. */
const readHolderId = (body: IDataObject) => requireId(body.holderId, L.holderId);

function requirePhone(value: unknown): string {
	const phone = requireText(value, L.phone, 40);
	if (!/^\+?[0-9 ()./-]{3,}$/.test(phone)) {
		throw new InputError(L.phone, 'a phone number such as +1 234 567 890', `"${phone}"`);
	}
	return phone;
}

/** The create fields of Holder → Create (and Create or Update), checked before any request. */
export function readHolderData(body: IDataObject, issuerId: string): IDataObject {
	const fields = (body.data ?? {}) as IDataObject;
	const data: IDataObject = {
		name: requireText(fields.name, L.name, 200),
		email: requireEmail(fields.email, L.email),
		phone: requirePhone(fields.phone),
		ownerId: issuerId,
		holderDid: requireDid(fields.holderDid, L.holderDid),
		holderId: requireText(fields.holderId, L.externalHolderId, 200),
	};
	const memo = optionalText(fields.memo, L.memo);
	if (memo !== undefined) data.memo = memo;
	return data;
}

export const createHolder: OperationHandler = async ({ item, client, body }) => {
	const issuerId = resolveUserId(item);
	const data = readHolderData(body, issuerId);
	const request = { issuerDid: resolveIssuerDid(item), issuerId, data };
	return [withReadableDates(await client.request(ENDPOINTS.createHolder, request))];
};

export const getHolder = getRecord('holder', ENDPOINTS.getHolder, (body) => ({
	holderId: readHolderId(body),
}));

export const listHolders = listRecords('holder', ENDPOINTS.listHolders);

export const deleteHolder: OperationHandler = async ({ item, client, body }) => {
	const request = { holderID: readHolderId(body), issuerId: resolveUserId(item) };
	return [await client.request(ENDPOINTS.deleteHolder, request)];
};

/**
 * The API needs name, email and phone together on update: the node reads the holder and sends
 * the current values for whatever the user did not change.
 */
export const updateHolder: OperationHandler = async ({ item, client, body }) => {
	const holderID = readHolderId(body);
	const changes = item.parameter('updateFields', {}) as IDataObject;
	const known = ['name', 'email', 'phone'];
	const unknown = Object.keys(changes).filter((field) => !known.includes(field));
	if (unknown.length > 0)
		throw new InputError(L.updateFields, 'name, email or phone', `"${unknown[0]}"`);
	if (Object.keys(changes).length === 0) {
		throw new InputError(L.updateFields, 'at least one field to change', 'no field');
	}
	if (changes.name !== undefined) requireText(changes.name, L.name, 200);
	if (changes.email !== undefined) requireEmail(changes.email, L.email);
	if (changes.phone !== undefined) requirePhone(changes.phone);
	const issuerId = resolveUserId(item);

	const current = await client.request(ENDPOINTS.getHolder, {
		userId: issuerId,
		holderId: holderID,
	});
	return [await sendHolderUpdate(client, { holderID, issuerId, current, changes })];
};

/**
 * The update request itself: the API needs name, email and phone together, so the current
 * values fill in whatever `changes` leaves out.
 */
export async function sendHolderUpdate(
	client: MyPitClient,
	update: { holderID: string; issuerId: string; current: IDataObject; changes: IDataObject },
): Promise<IDataObject> {
	const merged = { ...update.current, ...update.changes };
	const data = {
		name: requireText(merged.name, L.name, 200),
		email: requireEmail(merged.email, L.email),
		phone: requirePhone(merged.phone),
	};
	return await client.request(ENDPOINTS.updateHolder, {
		holderID: update.holderID,
		issuerId: update.issuerId,
		data,
	});
}
