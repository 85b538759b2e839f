/** Holder endpoints: create, update, delete, get by id, list. */
import { forbidden } from '../errors';
import { paginate } from '../pagination';
import { createHolderBody, deleteHolderBody, getHolderBody, listBodyFor, updateHolderBody } from '../schemas';
import { parseBody } from '../validate';
import { loadOwned, ok, requireSelf, type Route } from './common';

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

	'/updateHolder': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(updateHolderBody, body);
			requireSelf(account, 'issuerId', b.issuerId);
			const entry = loadOwned(state.store.holders, b.holderID, b.issuerId, 'holder');
			state.store.updateHolder(entry.doc._id, b.data);
			return ok({ _id: entry.doc._id });
		},
	},

	'/deleteHolder': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(deleteHolderBody, body);
			requireSelf(account, 'issuerId', b.issuerId);
			const entry = loadOwned(state.store.holders, b.holderID, b.issuerId, 'holder');
			state.store.holders.remove(entry.doc._id);
			return ok({ success: true });
		},
	},

	'/getHolderById': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(getHolderBody, body);
			requireSelf(account, 'userId', b.userId);
			const entry = loadOwned(state.store.holders, b.holderId, b.userId, 'holder');
			return ok({ ...entry.doc });
		},
	},

	'/getHolders': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(listBodyFor(state.config.cursorRule), body);
			requireSelf(account, 'userId', b.userId);
			return ok(paginate(state.store.holders, 'h', b.userId, b.paginationOpts, state.pagination()));
		},
	},
};
