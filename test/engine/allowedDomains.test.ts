/**
 * The credential's "Allowed HTTP Request Domains" (n8n 2.x), as n8n reads them for this node:
 * RoutingNode treats the node's endpoint (the credential's Base URL) as the credential's own, so
 * `getCredentialAllowedDomains` always allows the MyPit host. Mode None does not refuse it; a
 * Specific Domains list gets the MyPit host added. A redirect is never followed, whatever the
 * list: it would carry the secret key elsewhere. The workflow run (custom operation) and the AI
 * tool call (RoutingNode) must agree. n8n 1.x has no such setting: every case works there.
 */
import type { IDataObject } from 'n8n-workflow';

import type { MyPitCredentials } from '../../tooling/engine/engine';
import { callMyPitTool } from '../../tooling/engine/toolCall';
import { useSandbox } from '../helpers/fixture';
import { startRedirector, type Closable } from '../helpers/network';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let redirector: Closable | undefined;
afterEach(async () => {
	await redirector?.close();
	redirector = undefined;
});

/** The credential with the given restriction (and Base URL, by default the sandbox's). */
function restricted(mode: 'all' | 'domains' | 'none', allowedDomains = '', baseUrl?: string) {
	return {
		...sandbox.credentials,
		...(baseUrl ? { baseUrl } : {}),
		allowedHttpRequestDomains: mode,
		...(mode === 'domains' ? { allowedDomains } : {}),
	} as MyPitCredentials;
}

/** Holder → Get of a seeded holder, in a workflow run or an AI tool call. */
async function getHolder(path: 'workflow' | 'tool', credentials: MyPitCredentials) {
	const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
	const parameters = { resource: 'holder', operation: 'get', options: { maxRetries: 0 } };
	if (path === 'workflow') {
		const result = await sandbox.run(
			{ ...parameters, holderId: byId(holder._id) },
			{ credentials },
		);
		return {
			holder,
			error: result.error?.message,
			ids: result.items.map((item) => item.json._id),
		};
	}
	const result = await callMyPitTool(
		credentials,
		{ ...parameters, holderId: byId("={{ $fromAI('holderId', 'The holder ID', 'string') }}") },
		{ holderId: holder._id },
	);
	const answer = (result.response ?? []) as IDataObject[];
	return { holder, error: result.error, ids: answer.map((json) => json._id) };
}

describe.each(['workflow', 'tool'] as const)('Allowed HTTP Request Domains in a %s', (path) => {
	test.each([
		['None', 'none', undefined],
		['Specific Domains without the MyPit host', 'domains', 'example.com, *.example.org'],
		['Specific Domains with the MyPit host', 'domains', 'example.com, 127.0.0.1'],
		['Specific Domains left empty', 'domains', ''],
	] as const)(
		"%s: the MyPit host is the credential's own, so requests to it go through",
		async (_, mode, domains) => {
			const outcome = await getHolder(path, restricted(mode, domains));

			expect(outcome.error).toBeUndefined();
			expect(outcome.ids).toEqual([outcome.holder._id]);
			expect(sandbox.requests().map((request) => request.path)).toEqual(['/getHolderById']);
		},
	);

	describe('a MyPit Base URL on 127.0.0.2 that redirects every request to 127.0.0.1', () => {
		beforeEach(async () => {
			redirector = await startRedirector('127.0.0.2', sandbox.sandbox.url);
		});

		test.each([
			['All', 'all', undefined],
			['None', 'none', undefined],
			['Specific Domains naming 127.0.0.1', 'domains', '127.0.0.1'],
			['Specific Domains without 127.0.0.1', 'domains', 'example.com'],
		] as const)(
			"%s: the redirect is not followed, so the headers with the secret key stay with the Base URL's host",
			async (_, mode, domains) => {
				const outcome = await getHolder(path, restricted(mode, domains, redirector!.url));

				expect(outcome.error).toContain('HTTP 307');
				expect(outcome.ids).toEqual([]);
				// 127.0.0.1 (where the redirect pointed) received nothing.
				expect(sandbox.requests()).toEqual([]);
			},
		);
	});
});
