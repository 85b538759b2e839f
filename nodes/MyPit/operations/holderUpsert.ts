import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemScope, OperationHandler } from '../execution/scope';
import { resolveIssuerDid, resolveUserId } from '../shared/identity';
import type { MyPitClient } from '../transport/client';
import { ENDPOINTS } from '../transport/endpoints';
import { readHolderData, sendHolderUpdate } from './holder';
import { refusedAsAWhole } from './issueOutcomes';
import { readWholeList } from './records';
import { withReadableDates } from './readableDates';

type HolderMatch = 'email' | 'holderUserId';

type UpsertAction = 'created' | 'updated' | 'unchanged';

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
	directory.pending.set(
		key,
		mine.catch(() => undefined),
	);
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
	const { node } = item.run;
	const itemIndex = item.index;

	const records = await inTurn(directory, key, async () => {
		const doubt = directory.uncertain.get(key);
		if (doubt !== undefined) {
			throw new NodeOperationError(
				node,
				`Not sent: an earlier item of this run created the same holder and its outcome is unknown (${doubt})`,
				{
					itemIndex,
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
			return [{ ...created, action: 'created' as UpsertAction, changedFields: [] }];
		}

		const changes: IDataObject = {};
		for (const field of UPDATABLE) {
			if (!sameValue(field, existing[field], data[field])) changes[field] = data[field];
		}
		const changedFields = Object.keys(changes);
		if (changedFields.length === 0)
			return [{ ...existing, action: 'unchanged' as UpsertAction, changedFields }];

		const holderID = String(existing._id);
		await sendHolderUpdate(client, { holderID, issuerId, current: existing, changes });
		const updated = { ...existing, ...changes };
		directory.byKey.set(key, updated);
		return [{ ...updated, action: 'updated' as UpsertAction, changedFields }];
	});
	// The directory keeps MyPit's records as sent; only the output gets the readable dates.
	return records.map(withReadableDates);
};
