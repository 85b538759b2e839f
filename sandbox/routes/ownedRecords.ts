/**
 * The one mechanism behind the template and holder routes: parse the body, check that its owner
 * field is the caller (403), load the owned record (404/403) and act on it; lists page through
 * the caller's records.
 */
import type { Entry, OwnedCollection } from '../collection';
import type { CursorTable } from '../cursor';
import { paginate } from '../pagination';
import { listBodyFor } from '../schemas';
import type { SandboxState } from '../state';
import { parseBody, type Schema } from '../validate';
import { loadOwned, ok, requireSelf, type Route } from './common';

type RecordKind = 'template' | 'holder';
type Records<T extends { _id: string }> = (state: SandboxState) => OwnedCollection<T>;

/** Where a body names the caller and the record (the API spells them differently per endpoint). */
export interface RecordRef<B> {
	/** The body's schema, or one chosen per caller (e.g. by the account's API readings). */
	schema: Schema<B> | ((state: SandboxState, clientId: string) => Schema<B>);
	owner: keyof B & string;
	id: keyof B & string;
}

/** A POST route on one owned record: `act` gets the loaded record and answers the response body. */
export function recordRoute<T extends { _id: string }, B>(
	kind: RecordKind,
	records: Records<T>,
	ref: RecordRef<B>,
	act: (entry: Entry<T>, body: B, state: SandboxState, clientId: string) => unknown,
): Route {
	return {
		method: 'POST',
		handle({ account, body, state }) {
			const schema =
				typeof ref.schema === 'function' ? ref.schema(state, account.clientId) : ref.schema;
			const b = parseBody(schema, body);
			const owner = String(b[ref.owner]);
			requireSelf(account, ref.owner, owner);
			const entry = loadOwned(records(state), String(b[ref.id]), owner, kind);
			return ok(act(entry, b, state, account.clientId));
		},
	};
}

/** The caller's records, a page at a time (`userId` + `paginationOpts`). */
export function listRoute<T extends { _id: string }>(
	records: Records<T>,
	table: CursorTable,
): Route {
	return {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(listBodyFor(state.config.cursorRule), body);
			requireSelf(account, 'userId', b.userId);
			return ok(paginate(records(state), table, b.userId, b.paginationOpts, state.pagination()));
		},
	};
}
