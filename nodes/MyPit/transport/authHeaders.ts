import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { isSecureBaseUrl } from '../shared/baseUrl';

/**
 * The two headers the API authenticates every request with, built from the credential the node
 * already decrypted: the same values as the credential's `authenticate` (which the HTTP Request
 * node and the credential test use), without n8n evaluating its two expressions for every
 * request (n8n 2.x runs each in an isolate, about 2.5 ms a request). The secret key goes only to
 * a Base URL that passes the same https-only rule.
 */
export function myPitAuthHeaders(credentials: ICredentialDataDecryptedObject): {
	clientId: string;
	secretKey: string;
} {
	return {
		clientId: String(credentials.clientId ?? ''),
		secretKey: isSecureBaseUrl(credentials.baseUrl) ? String(credentials.secretKey ?? '') : '',
	};
}
