import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { holderLabels } from '../descriptions/holderParameters';
import type { ItemScope, OperationHandler } from '../execution/scope';
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
import { refusedAsAWhole } from './issueOutcomes';
import { withReadableDates } from './readableDates';
import { getRecord, listRecords, readWholeList } from './records';

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
function readHolderData(body: IDataObject, issuerId: string): IDataObject {
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

	const request = { userId: issuerId, holderId: holderID };
	const current = await client.request(ENDPOINTS.getHolder, request);
	return [await sendHolderUpdate(client, { holderID, issuerId, current, changes })];
};

/**
 * The update request itself: the API needs name, email and phone together, so the current
 * values fill in whatever `changes` leaves out.
 */
async function sendHolderUpdate(
	client: MyPitClient,
	update: { holderID: string; issuerId: string; current: IDataObject; changes: IDataObject },
): Promise<IDataObject> {
	const { holderID, issuerId, current, changes } = update;
	const merged = { ...current, ...changes };
	const data = {
		name: requireText(merged.name, L.name, 200),
		email: requireEmail(merged.email, L.email),
		phone: requirePhone(merged.phone),
	};
	return await client.request(ENDPOINTS.updateHolder, { holderID, issuerId, data });
}

type HolderMatch = 'email' | 'holderUserId';

/** The fields the update endpoint can change; DID, Holder User ID and memo stay as created. */
const UPDATABLE = ['name', 'email', 'phone'] as const;

/** Email: trimmed and case-insensitive. Holder User ID: trimmed, exact. */
function matchKey(match: HolderMatch, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	return match === 'email' ? text.toLowerCase() : text;
}

const sameValue = (field: string, a: unknown, b: unknown) =>
	field === 'email'
		? matchKey('email', a) === matchKey('email', b)
		: String(a ?? '').trim() === String(b ?? '').trim();

/**
 * One run's view of the holders: read once, then kept current by the run's own creates and
 * updates. `pending` chains the items of one match key, so two items for the same person wait
 * for each other instead of both creating.
 */
interface HolderDirectory {
	byKey: Map<string, IDataObject>;
	pending: Map<string, Promise<unknown>>;
	/** Keys whose create failed in a way that may still have created the holder. */
	uncertain: Map<string, string>;
}

async function readDirectory(
	item: ItemScope,
	client: MyPitClient,
	userId: string,
	match: HolderMatch,
): Promise<HolderDirectory> {
	return await item.run.once(`holder directory ${userId} ${match}`, async () => {
		// Both match fields come from the same list: it is read once per run whatever the match.
		const holders = await readWholeList(item, client, ENDPOINTS.listHolders, userId);
		const byKey = new Map<string, IDataObject>();
		for (const holder of holders) {
			const key = matchKey(match, match === 'email' ? holder.email : holder.holderId);
			// Several holders with one key: the oldest (first listed) is the one kept up to date.
			if (key !== '' && !byKey.has(key)) byKey.set(key, holder);
		}
		return { byKey, pending: new Map(), uncertain: new Map() };
	});
}

/** Runs `work` after every earlier item of the run with the same key has finished. */
async function inTurn<T>(
	directory: HolderDirectory,
	key: string,
	work: () => Promise<T>,
): Promise<T> {
	const before = directory.pending.get(key) ?? Promise.resolve();
	const mine = before.then(work, work);
	const settled = mine.catch(() => undefined);
	directory.pending.set(key, settled);
	return await mine;
}

/**
 * Holder → Create or Update: find the holder by email or Holder User ID in the run's directory;
 * send only the fields that differ, or create the holder. Outputs the record with `action`.
 */
export const createOrUpdateHolder: OperationHandler = async ({ item, client, body }) => {
	const match = item.parameter('matchBy', 'email') as HolderMatch;
	const issuerId = resolveUserId(item);
	const data = readHolderData(body, issuerId);
	const key = matchKey(match, match === 'email' ? data.email : data.holderId);
	const issuerDid = resolveIssuerDid(item);
	const directory = await readDirectory(item, client, issuerId, match);

	const records = await inTurn(directory, key, async () => {
		const doubt = directory.uncertain.get(key);
		if (doubt !== undefined) {
			throw new NodeOperationError(
				item.run.node,
				`Not sent: an earlier item of this run created the same holder and its outcome is unknown (${doubt})`,
				{
					itemIndex: item.index,
					description:
						'Check with Holder → Get Many before running again, so the holder is not created twice.',
				},
			);
		}
		const existing = directory.byKey.get(key);
		if (!existing) {
			const created = await client
				.request(ENDPOINTS.createHolder, { issuerDid, issuerId, data })
				.catch((failure: Error) => {
					if (!refusedAsAWhole(failure)) directory.uncertain.set(key, failure.message);
					throw failure;
				});
			directory.uncertain.delete(key);
			directory.byKey.set(key, created);
			return [{ ...created, action: 'created', changedFields: [] }];
		}

		const changes: IDataObject = {};
		for (const field of UPDATABLE) {
			if (!sameValue(field, existing[field], data[field])) changes[field] = data[field];
		}
		const changedFields = Object.keys(changes);
		if (changedFields.length === 0) return [{ ...existing, action: 'unchanged', changedFields }];

		const holderID = String(existing._id);
		await sendHolderUpdate(client, { holderID, issuerId, current: existing, changes });
		const updated = { ...existing, ...changes };
		directory.byKey.set(key, updated);
		return [{ ...updated, action: 'updated', changedFields }];
	});
	// The directory keeps MyPit's records as sent; only the output gets the readable dates.
	return records.map(withReadableDates);
};
