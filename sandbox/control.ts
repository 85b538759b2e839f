/** In-process control of a running sandbox (the HTTP control surface calls the same object). */
import { ControlInputError } from './faults';
import { randomToken } from './ids';
import { checkListShape } from './listShape';
import { seedBadges, seedHolders, seedTemplates } from './seed';
import type { SandboxState } from './state';
import {
	CURSOR_RULES,
	PAGINATION_BEHAVIOURS,
	type Account,
	type CursorRule,
	type PaginationBehaviour,
	type SandboxControl,
} from './types';

const ACCOUNT_KEYS: readonly (keyof Account)[] = ['clientId', 'secretKey', 'userId', 'issuerDid'];

export function createControl(state: SandboxState): SandboxControl {
	return {
		createAccount(partial = {}) {
			for (const key of Object.keys(partial)) {
				if (!(ACCOUNT_KEYS as readonly string[]).includes(key))
					throw new ControlInputError(`Unexpected account field "${key}"`);
			}
			for (const key of ACCOUNT_KEYS) {
				const value = partial[key];
				if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
					throw new ControlInputError(`Account field "${key}" must be a non-empty string`);
				}
			}
			const userId = partial.userId ?? `user-${randomToken(6)}`;
			const account: Account = {
				clientId: partial.clientId ?? `client-${randomToken(8)}`,
				secretKey: partial.secretKey ?? `secret-${randomToken(16)}`,
				userId,
				issuerDid: partial.issuerDid ?? `did:mypit:${userId}`,
			};
			if (state.store.findAccount(account.clientId)) {
				throw new ControlInputError(
					`An account with clientId "${account.clientId}" already exists`,
				);
			}
			return state.store.addAccount(account);
		},
		closeAccount(clientId) {
			if (!state.store.accounts.delete(clientId))
				throw new ControlInputError(`No account with clientId "${clientId}"`);
		},
		seedTemplates: (userId, count, overrides) =>
			seedTemplates(state.store, userId, count, overrides),
		seedHolders: (userId, count, details) => seedHolders(state.store, userId, count, details),
		seedBadges: (userId, count, opts) => seedBadges(state.store, userId, count, opts),
		setPageCap(cap) {
			if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1) {
				throw new ControlInputError('pageCap must be a positive integer');
			}
			state.config.pageCap = cap;
		},
		setPaginationBehaviour(b: PaginationBehaviour) {
			if (!PAGINATION_BEHAVIOURS.includes(b)) {
				throw new ControlInputError(
					`paginationBehaviour must be one of ${PAGINATION_BEHAVIOURS.join(', ')}`,
				);
			}
			state.config.paginationBehaviour = b;
		},
		setCursorRule(rule: CursorRule) {
			if (!CURSOR_RULES.includes(rule))
				throw new ControlInputError(`cursorRule must be one of ${CURSOR_RULES.join(', ')}`);
			state.config.cursorRule = rule;
		},
		setListShape(partial) {
			state.listShape = { ...state.listShape, ...checkListShape(partial) };
		},
		getListShape: () => ({ ...state.listShape }),
		injectFault(fault) {
			state.faults.add(fault);
		},
		clearFaults: () => state.faults.clear(),
		requestLog: () => state.log.list(),
		clearLog: () => state.log.clear(),
		reset: () => state.reset(),
		getConfig: () => ({ ...state.config }),
		pendingFaults: () => state.faults.pending(),
		setReadings: (readings, clientId) => state.readings.set(readings, clientId),
		getReadings: (clientId) => state.readings.get(clientId),
		setOffDocument: (switches, clientId) => state.offDocument.set(switches, clientId),
		getOffDocument: (clientId) => state.offDocument.get(clientId),
		inFlight: () => state.load.report(),
		resetInFlight: () => state.load.resetMaxima(),
		setLatency: (ms) => state.load.setLatency(ms),
		getLatency: () => state.load.latencyMs,
	};
}
