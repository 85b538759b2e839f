import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

const MYPIT_DEFAULT_BASE_URL = 'https://mypit-api.daosolution.io';

/**
 * Where the secret key may go: https://, or http:// to localhost, 127.x.x.x or [::1] (a local
 * sandbox). The node checks its Base URL with the same rule (nodes/MyPit/shared/baseUrl.ts, kept
 * equal by test/unit/baseUrl.test.ts): the credential file stands alone.
 */
export const SECRET_KEY_TARGET =
	/^(https:\/\/|http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$))/i;

export class MyPitApi implements ICredentialType {
	name = 'myPitApi';

	displayName = 'MyPit API';

	icon: Icon = { light: 'file:../icons/mypit.svg', dark: 'file:../icons/mypit.dark.svg' };

	documentationUrl = 'https://github.com/mypit/n8n-nodes-mypit#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The API client ID from your MyPit issuer account',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API secret key that belongs to the client ID',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: MYPIT_DEFAULT_BASE_URL,
			required: true,
			placeholder: MYPIT_DEFAULT_BASE_URL,
			description: 'Address of the MyPit OPEN API, without a path. A trailing slash is fine.',
		},
		{
			displayName: 'Default User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description:
				'Your MyPit user ID (also used as issuer ID and owner ID). Nodes use it unless they set their own.',
		},
		{
			displayName: 'Default Issuer DID',
			name: 'issuerDid',
			type: 'string',
			default: '',
			placeholder: 'did:ethr:0x123...',
			description: 'Your issuer DID, used when creating holders unless the node sets its own',
		},
		{
			displayName: 'Max Requests per Minute',
			name: 'maxRequestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100000, numberPrecision: 0 },
			default: 0,
			description:
				'Throttles every MyPit node that uses this client ID in this n8n process (all workflows and executions share one budget; each queue-mode worker has its own). Requests are spread evenly, one every 60/N seconds. 0 or empty: no limit.',
		},
	];

	// The API authenticates every request with these two headers, and n8n attaches them to every
	// request sent with this credential (the MyPit nodes, the HTTP Request node, the credential
	// test). The secret key goes only where both the request and the Base URL point at https://,
	// or at http:// on this machine (a local sandbox): never in clear text across a network. A
	// function rather than the generic form: n8n evaluates the generic form's expressions for
	// every request (see BENCHMARKS.md).
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const baseUrl = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
		const safe =
			SECRET_KEY_TARGET.test(baseUrl) &&
			SECRET_KEY_TARGET.test(requestTarget(requestOptions, baseUrl));
		return {
			...requestOptions,
			// A redirect would carry these headers to whatever host it names (HTTP clients drop
			// only Authorization and cookies): requests with this credential never follow one.
			disableFollowRedirect: true,
			headers: {
				...requestOptions.headers,
				clientId: String(credentials.clientId ?? ''),
				secretKey: safe ? String(credentials.secretKey ?? '') : '',
			},
		};
	};

	// The answer is read whatever its status, so the rules can show MyPit's own error text:
	// n8n's tester otherwise shows only the HTTP status text (and on n8n 1.x, nothing of the body).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/hello',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Missing clientId or secretKey',
					message:
						'Missing clientId or secretKey. The secret key is only sent to an https:// Base URL (http:// only on localhost).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Invalid clientId or secretKey',
					message: 'Invalid clientId or secretKey',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 404,
					message: 'No MyPit API at this Base URL: GET /hello answered 404',
				},
			},
			{
				// Any other answer without MyPit's hello message is not a working MyPit API.
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: undefined,
					message: 'The Base URL answered, but not with the MyPit hello message',
				},
			},
		],
	};
}

/**
 * Where a request goes: its URL (`uri` in n8n's older request options) resolved against its
 * baseURL, or the credential's Base URL; '' when it cannot be read.
 */
function requestTarget(requestOptions: IHttpRequestOptions, baseUrl: string): string {
	const options = requestOptions as IHttpRequestOptions & { uri?: unknown };
	const url = String(options.url ?? options.uri ?? '');
	try {
		return new URL(url, options.baseURL || baseUrl || undefined).href;
	} catch {
		return '';
	}
}
