/** Types and checks shared by the API route handlers. */
import type { Entry, OwnedCollection } from '../collection';
import { notFound, notYourUserId, ownedByAnother } from '../errors';
import type { SandboxState } from '../state';
import type { Account } from '../types';

interface RouteContext {
	account: Account;
	/** Parsed JSON body (undefined for GET). */
	body: unknown;
	state: SandboxState;
}

export interface RouteResult {
	status: number;
	body: unknown;
}

export interface Route {
	method: 'GET' | 'POST';
	handle(ctx: RouteContext): RouteResult;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });

/** 403 unless the body's owner field (userId / issuerId) is the authenticated account's userId. */
export function requireSelf(account: Account, field: string, value: string): void {
	if (value !== account.userId) throw notYourUserId(field);
}

/** The record with that id owned by `owner`: 404 when unknown, 403 when another owner has it. */
export function loadOwned<T extends { _id: string }>(
	collection: OwnedCollection<T>,
	id: string,
	owner: string,
	what: 'template' | 'holder',
): Entry<T> {
	const entry = collection.get(id);
	if (!entry) throw notFound(what === 'template' ? 'Template not found' : 'Holder not found');
	if (entry.owner !== owner) throw ownedByAnother(what);
	return entry;
}
