import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { SECURE_BASE_URL_PATTERN } from '../nodes/MyPit/shared/baseUrl';

const MYPIT_DEFAULT_BASE_URL = 'https://mypit-api.daosolution.io';

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

	// The API authenticates every request with these two headers. The secret key goes only to an
	// https:// Base URL, or to http:// on this machine (a local sandbox): never in clear text
	// across a network, whichever node or credential test sends the request.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				clientId: '={{$credentials.clientId}}',
				secretKey: `={{ /${SECURE_BASE_URL_PATTERN}/i.test($credentials.baseUrl) ? $credentials.secretKey : "" }}`,
			},
		},
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
