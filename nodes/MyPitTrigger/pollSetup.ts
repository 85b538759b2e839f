import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requestBaseFrom } from '../MyPit/execution/requestOptions';
import { requireSafeBaseUrl } from '../MyPit/shared/baseUrl';
import { userIdFrom } from '../MyPit/shared/identity';
import { CREDENTIAL_TYPE, MyPitClient } from '../MyPit/transport/client';
import type { RequestGate } from '../MyPit/transport/requestGate';
import { clientGate } from '../MyPit/transport/requestLimits';
import { DEFAULT_RETRY_POLICY } from '../MyPit/transport/retry';

/** One read of a poll waits this long for MyPit's answer (then it is retried, as reads are). */
export const POLL_REQUEST_TIMEOUT_MS = 60_000;

/** What every read of one poll shares. */
export interface PollSetup {
	node: INode;
	client: MyPitClient;
	userId: string;
}

/**
 * The credential, its Base URL and the user ID, checked before any request is sent, by the
 * action node's own rules (requireSafeBaseUrl, userIdFrom) and request settings (requestBaseFrom).
 */
export async function preparePoll(context: IPollFunctions): Promise<PollSetup> {
	const node = context.getNode();
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	let baseURL: string;
	let userId: string;
	let gate: RequestGate;
	try {
		baseURL = requireSafeBaseUrl(credentials.baseUrl);
		// A User ID of spaces (an expression that resolved to nothing) falls back to the
		// credential's default, as the trigger always did.
		const override = String(context.getNodeParameter('options.userId', '') ?? '').trim();
		userId = userIdFrom(override, credentials);
		// A poll reads one page at a time, inside the credential's Max Requests per Minute and
		// the 429 pauses it shares with every MyPit node of the same API client.
		gate = clientGate(context, credentials, 1);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message);
	}
	// A hung connection must end: while a poll runs, the node's next polls are skipped
	// (pollGuard.ts).
	const base = requestBaseFrom({ timeout: POLL_REQUEST_TIMEOUT_MS }, baseURL);
	const client = new MyPitClient(
		{ getNode: () => node, n8n: context },
		base,
		DEFAULT_RETRY_POLICY,
		gate,
	);
	return { node, client, userId };
}

/** The Template and Badge Type filters of badge events; both empty: every badge. */
export function badgeFilter(context: IPollFunctions): (badge: IDataObject) => boolean {
	const template = context.getNodeParameter('templateId', '', { extractValue: true }) as
		string | undefined;
	const type = context.getNodeParameter('badgeType', '') as string;
	const templateId = typeof template === 'string' ? template.trim() : '';
	return (badge) =>
		(!templateId || badge.templateId === templateId) && (!type || badge.type === type);
}
