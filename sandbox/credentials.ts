import type { Account } from './types';

/** The MyPit API credential's values for a sandbox account served at `baseUrl`. */
export function credentialsFor(account: Account, baseUrl: string) {
	const { clientId, secretKey, userId, issuerDid } = account;
	return { clientId, secretKey, baseUrl, userId, issuerDid };
}
