import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requestBaseFrom } from '../MyPit/execution/requestOptions';
import { requireSafeBaseUrl } from '../MyPit/shared/baseUrl';
import { userIdFrom } from '../MyPit/shared/identity';
import { CREDENTIAL_TYPE, MyPitClient } from '../MyPit/transport/client';
import { MAX_PAGE_SIZE, readPages, type PagerRead } from '../MyPit/transport/cursorPager';
import type { Endpoint } from '../MyPit/transport/endpoints';
import { clientGate } from '../MyPit/transport/requestGate';
import { DEFAULT_RETRY_POLICY } from '../MyPit/transport/retry';
import { EVENT_SOURCES, type TriggerEvent } from './triggerEvents';

/** One read of a poll waits this long for MyPit's answer (then it is retried, as reads are). */
const POLL_REQUEST_TIMEOUT_MS = 60_000;

const DAY_MS = 86_400_000;

/** Who reads a list: the node (for its errors), the client and the list's owner. */
export interface ListReader {
	node: INode;
	client: MyPitClient;
	userId: string;
}

/** One poll's settings, read before any request: the client, user ID, time and event filters. */
export interface PollSetup extends ListReader {
	now: number;
	/** Badge Expiring: N days; otherwise 0. */
	aheadMs: number;
	/** The Template and Badge Type filters of badge events; both empty: every badge. */
	matches: (record: IDataObject) => boolean;
}

/**
 * The credential, its Base URL and the user ID, checked before any request is sent, by the
 * action node's own rules (requireSafeBaseUrl, userIdFrom) and request settings (requestBaseFrom);
 * then the event's Template, Badge Type and Days Ahead, and the poll's time.
 */
export async function preparePoll(
	context: IPollFunctions,
	event: TriggerEvent,
): Promise<PollSetup> {
	const node = context.getNode();
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	let client: MyPitClient;
	let userId: string;
	try {
		const baseURL = requireSafeBaseUrl(credentials.baseUrl);
		// Spaces (an expression that resolved to nothing): the credential's default User ID.
		const override = String(context.getNodeParameter('options.userId', '') ?? '').trim();
		userId = userIdFrom(override, credentials);
		// A poll reads one page at a time, inside the credential's Max Requests per Minute and
		// the 429 pauses it shares with every MyPit node of the same API client.
		const gate = clientGate(context, credentials, 1);
		// A hung connection must end: while a poll runs, the node's next polls are skipped.
		const base = requestBaseFrom({ timeout: POLL_REQUEST_TIMEOUT_MS }, baseURL);
		client = new MyPitClient(
			{ getNode: () => node, n8n: context },
			base,
			DEFAULT_RETRY_POLICY,
			gate,
		);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message);
	}
	const matches = EVENT_SOURCES[event].record === 'badge' ? badgeFilter(context) : () => true;
	const aheadMs =
		event === 'badge.expiring' ? (context.getNodeParameter('daysAhead', 7) as number) * DAY_MS : 0;
	return { node, client, userId, now: Date.now(), aheadMs, matches };
}

function badgeFilter(context: IPollFunctions): (badge: IDataObject) => boolean {
	const template = context.getNodeParameter('templateId', '', { extractValue: true }) as
		string | undefined;
	const type = context.getNodeParameter('badgeType', '') as string;
	const templateId = typeof template === 'string' ? template.trim() : '';
	return (badge) =>
		(!templateId || badge.templateId === templateId) && (!type || badge.type === type);
}

/**
 * Reads a list for a poll in pages as large as the API allows, to the end or until `keepReading`
 * says the rest is not needed. A failure throws and leaves the caller's position as it was.
 */
export async function readList(
	{ node, client, userId }: ListReader,
	endpoint: Endpoint,
	startCursor?: string,
	keepReading?: (page: IDataObject[]) => boolean,
): Promise<PagerRead> {
	return await readPages(
		async (paginationOpts) => await client.request(endpoint, { userId, paginationOpts }),
		{
			pageSize: MAX_PAGE_SIZE,
			startCursor,
			keepReading,
			problem: (problem) =>
				new NodeOperationError(node, `MyPit's ${endpoint.path} ${problem}`, {
					description:
						'The poll was stopped so it cannot loop forever; the trigger keeps its position and tries again at the next poll.',
				}),
		},
	);
}
