/** `clientId` / `secretKey` header authentication of the API routes. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors';
import type { Store } from './store';
import type { Account } from './types';

const MISSING_CREDENTIALS = 'Missing clientId or secretKey';
const INVALID_CREDENTIALS = 'Invalid clientId or secretKey';

/** Node lowercases header names, so `clientId` arrives as `clientid`. */
function header(headers: IncomingHttpHeaders, name: string): string {
	const value = headers[name];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' ? text.trim() : '';
}

function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

export function authenticate(headers: IncomingHttpHeaders, store: Store): Account {
	const clientId = header(headers, 'clientid');
	const secretKey = header(headers, 'secretkey');
	if (clientId === '' || secretKey === '') throw new ApiError(400, MISSING_CREDENTIALS);
	const account = store.findAccount(clientId);
	if (!account || !sameSecret(account.secretKey, secretKey))
		throw new ApiError(401, INVALID_CREDENTIALS);
	return account;
}
