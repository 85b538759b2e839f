import type {
	ICredentialDataDecryptedObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport/client';
import { oncePerRun } from './perRun';
import { InputError, requireDid, requireId } from './validation';

/**
 * The account identity repeated on almost every call. A value under the node's Options wins over
 * the credential's default; neither set is an input error that says where to set it.
 */
async function resolve(
	context: IExecuteSingleFunctions,
	optionName: 'userId' | 'issuerDid',
	label: string,
): Promise<string | undefined> {
	const override = context.getNodeParameter(`options.${optionName}`, '') as unknown;
	if (override !== '' && override !== undefined && override !== null) return String(override);
	const credentials = await readCredentials(context);
	const fallback = credentials[optionName];
	if (typeof fallback === 'string' && fallback.trim() !== '') return fallback;
	throw new InputError(
		label,
		`a value: set "${label}" under the node's Options, or "Default ${label}" in the MyPit credential`,
		'nothing in either place',
	);
}

/**
 * The MyPit credential, decrypted once per run of the node rather than once per item and
 * request: n8n reads it from its database and decrypts it on every call.
 */
export async function readCredentials(
	context: IExecuteSingleFunctions,
): Promise<ICredentialDataDecryptedObject> {
	return await oncePerRun(
		context,
		'credentials',
		async () => await context.getCredentials(CREDENTIAL_TYPE),
	);
}

export async function resolveUserId(context: IExecuteSingleFunctions): Promise<string> {
	return requireId(await resolve(context, 'userId', 'User ID'), 'User ID');
}

export async function resolveIssuerDid(context: IExecuteSingleFunctions): Promise<string> {
	return requireDid(await resolve(context, 'issuerDid', 'Issuer DID'), 'Issuer DID');
}

/** For list search in the editor, where only the credential and current parameters exist. */
export async function resolveUserIdForSearch(context: ILoadOptionsFunctions): Promise<string> {
	const override = context.getCurrentNodeParameter('options.userId') as string | undefined;
	if (override) return override;
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	if (typeof credentials.userId === 'string' && credentials.userId.trim() !== '') {
		return credentials.userId;
	}
	throw new Error(
		'Set "Default User ID" in the MyPit credential (or "User ID" under Options) to list records',
	);
}
