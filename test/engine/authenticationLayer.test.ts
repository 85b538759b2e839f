/**
 * Every MyPit request is authenticated by n8n's own layer: `helpers.httpRequestWithAuthentication`
 * applies the credential's `authenticate` (the engine's credentials helper does what n8n's
 * CredentialsHelper does). Nothing in the nodes attaches `clientId` or `secretKey` itself: with
 * the credential's `authenticate` switched off, the requests of every path reach MyPit without them.
 */
import type { ICredentialType, IDataObject, INodeParameters } from 'n8n-workflow';

import type { LoggedRequest } from '../../sandbox';
import { registry } from '../../tooling/engine/nodeTypes';
import { PolledTrigger } from '../../tooling/engine/poll';
import { callMyPitTool } from '../../tooling/engine/toolCall';
import { useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let credentialType: ICredentialType;
let realAuthenticate: ICredentialType['authenticate'];
let authenticateCalls = 0;

beforeAll(async () => {
	const { credentialTypes } = await registry();
	credentialType = credentialTypes.get('myPitApi') as ICredentialType;
	realAuthenticate = credentialType.authenticate;
});
afterEach(() => {
	credentialType.authenticate = realAuthenticate;
});

type FunctionAuthenticate = Extract<ICredentialType['authenticate'], (...args: never[]) => unknown>;

/** The credential's own authenticate, counted. */
function countAuthenticate() {
	authenticateCalls = 0;
	const real = realAuthenticate as FunctionAuthenticate;
	credentialType.authenticate = async (credentials, options) => {
		authenticateCalls++;
		return await real(credentials, options);
	};
}

/** A credential that attaches nothing: whatever still authenticates comes from the node. */
function switchAuthenticateOff() {
	credentialType.authenticate = async (_credentials, options) => options;
}

/** Each way the package sends requests: action node (custom operation), AI tool, trigger. */
const PATHS: Array<[string, () => Promise<unknown>]> = [
	[
		'MyPit node, Holder → Get Many (custom operation)',
		async () => await sandbox.run({ resource: 'holder', operation: 'getAll', returnAll: true }),
	],
	[
		'MyPit node, Template → Get (custom operation)',
		async () =>
			await sandbox.run({ resource: 'template', operation: 'get', templateId: byId('tmpl_x') }),
	],
	[
		'MyPit as an AI tool, Holder → Get (RoutingNode)',
		async () =>
			await callMyPitTool(
				sandbox.credentials,
				{ resource: 'holder', operation: 'get', holderId: byId('hold_x') } as INodeParameters,
				{} as IDataObject,
			),
	],
	[
		'MyPit Trigger, New Holder (poll)',
		async () =>
			await (
				await PolledTrigger.create(sandbox.credentials, { event: 'holder.created' })
			)
				.activate()
				.catch((error: unknown) => error),
	],
];

const apiRequests = (): LoggedRequest[] => sandbox.requests();

describe("MyPit requests are authenticated by n8n's layer, with the credential's authenticate", () => {
	test.each(PATHS)(
		'%s: one authenticate per request, and every request carries it',
		async (_, run) => {
			sandbox.sandbox.control.seedHolders(sandbox.account.userId, 2);
			countAuthenticate();

			await run();

			const requests = apiRequests();
			expect(requests.length).toBeGreaterThan(0);
			expect(authenticateCalls).toBe(requests.length);
			for (const request of requests) {
				expect(request.headers.clientid).toBe(sandbox.credentials.clientId);
				expect(request.headers.secretkey).toBe(sandbox.credentials.secretKey);
			}
		},
	);

	test.each(PATHS)(
		"%s: without the credential's authenticate, no request carries the client ID or the secret key",
		async (_, run) => {
			sandbox.sandbox.control.seedHolders(sandbox.account.userId, 2);
			switchAuthenticateOff();

			await run();

			const requests = apiRequests();
			expect(requests.length).toBeGreaterThan(0);
			for (const request of requests) {
				expect(request.headers.clientid).toBeUndefined();
				expect(request.headers.secretkey).toBeUndefined();
				// MyPit's "Missing clientId or secretKey" (sandbox/auth.ts).
				expect(request.status).toBe(400);
			}
		},
	);
});
