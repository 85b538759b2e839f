/** Holder endpoints: create, update, delete, get by id, list. */
import { forbidden } from '../errors';
import { createHolderBody, deleteHolderBody, getHolderBody, updateHolderBody } from '../schemas';
import type { SandboxState } from '../state';
import { parseBody } from '../validate';
import { ok, requireSelf, type Route } from './common';
import { listRoute, recordRoute } from './ownedRecords';

const holders = (state: SandboxState) => state.store.holders;

export const holderRoutes: Record<string, Route> = {
	'/createHolder': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(createHolderBody, body);
			requireSelf(account, 'issuerId', b.issuerId);
			if (b.data.ownerId !== b.issuerId) {
				throw forbidden('Insufficient permissions: "data.ownerId" must equal "issuerId"');
			}
			const holder = state.store.createHolder(b.issuerId, {
				name: b.data.name,
				email: b.data.email,
				phone: b.data.phone,
				holderDid: b.data.holderDid,
				issuerDid: b.issuerDid,
				holderId: b.data.holderId,
				memo: b.data.memo,
			});
			return ok(holder);
		},
	},

	'/updateHolder': recordRoute(
		'holder',
		holders,
		{ schema: updateHolderBody, owner: 'issuerId', id: 'holderID' },
		(entry, b, state) => {
			state.store.updateHolder(entry.doc._id, b.data);
			return { _id: entry.doc._id };
		},
	),

	'/deleteHolder': recordRoute(
		'holder',
		holders,
		{ schema: deleteHolderBody, owner: 'issuerId', id: 'holderID' },
		(entry, _b, state) => {
			state.store.holders.remove(entry.doc._id);
			return { success: true };
		},
	),

	'/getHolderById': recordRoute(
		'holder',
		holders,
		{ schema: getHolderBody, owner: 'userId', id: 'holderId' },
		(entry) => ({ ...entry.doc }),
	),

	'/getHolders': listRoute(holders, 'h'),
};
