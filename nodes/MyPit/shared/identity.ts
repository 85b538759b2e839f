import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { ItemScope } from '../execution/scope';
import { InputError, requireDid, requireId } from './validation';

/**
 * The account identity repeated on almost every call, for the MyPit node and the MyPit Trigger
 * alike. A value under the node's Options wins over the credential's default; neither set is an
 * input error that says where to set it.
 */
function resolve(
	override: unknown,
	credentials: ICredentialDataDecryptedObject,
	optionName: 'userId' | 'issuerDid',
	label: string,
): string {
	if (override !== '' && override !== undefined && override !== null) return String(override);
	const fallback = credentials[optionName];
	if (typeof fallback === 'string' && fallback.trim() !== '') return fallback;
	throw new InputError(
		label,
		`a value: set "${label}" under the node's Options, or "Default ${label}" in the MyPit credential`,
		'nothing in either place',
	);
}

export function userIdFrom(override: unknown, credentials: ICredentialDataDecryptedObject): string {
	return requireId(resolve(override, credentials, 'userId', 'User ID'), 'User ID');
}

export function resolveUserId(item: ItemScope): string {
	return userIdFrom(item.parameter('options.userId', ''), item.run.credentials);
}

export function resolveIssuerDid(item: ItemScope): string {
	const override = item.parameter('options.issuerDid', '');
	return requireDid(
		resolve(override, item.run.credentials, 'issuerDid', 'Issuer DID'),
		'Issuer DID',
	);
}

/** For list search in the editor, where only the credential and current parameters exist. */
export function resolveUserIdForSearch(
	context: ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
): string {
	const override = context.getCurrentNodeParameter('options.userId') as string | undefined;
	if (override) return override;
	if (typeof credentials.userId === 'string' && credentials.userId.trim() !== '') {
		return credentials.userId;
	}
	throw new Error(
		'Set "Default User ID" in the MyPit credential (or "User ID" under Options) to list records',
	);
}
