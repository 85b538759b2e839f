import type { IHttpRequestOptions, INode, Logger } from 'n8n-workflow';

import { MyPitApi } from '../../credentials/MyPitApi.credentials';
import { clientGate } from '../../nodes/MyPit/transport/requestGate';
import { MyPitClient } from '../../nodes/MyPit/transport/client';
import { DEFAULT_RETRY_POLICY } from '../../nodes/MyPit/transport/retry';
import type { ProbeAccount } from './account';
import { loggingHttpRequest } from './httpRequest';
import type { RequestLog } from './requestLog';
import type { WriteGate } from './writeGate';

/** Stands in for the node in the node's errors ("MyPit probe: …"). */
export const PROBE_NODE: INode = {
	id: 'mypit-probe',
	name: 'MyPit probe',
	type: 'n8n-nodes-mypit.myPit',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A request waits this long for MyPit's answer (a read is then retried, as the node does). */
export const PROBE_TIMEOUT_MS = 30_000;

export interface ProbeConnection {
	baseUrl: string;
	account: ProbeAccount;
	/** Requests per minute; undefined: the credential's default (no limit). */
	perMinute?: number;
	log: RequestLog;
	writes: WriteGate;
	/** Aborts what is in flight (a second Ctrl-C). */
	cancel: AbortSignal;
	logger: Logger;
}

/**
 * The node's own MyPitClient, as the MyPit Trigger builds it: one request at a time, inside the
 * API client's rate limit and 429 pauses (clientGate), the node's retry rules and error reading.
 * Only the HTTP layer is the probe's: it logs every exchange and enforces the write mode. The
 * headers come from the credential's own `authenticate`, as n8n's authentication layer applies it.
 */
export function probeClient(connection: ProbeConnection): MyPitClient {
	const { account } = connection;
	const credentials = {
		clientId: account.clientId,
		secretKey: account.secretKey,
		baseUrl: connection.baseUrl,
		maxRequestsPerMinute: connection.perMinute ?? 0,
	};
	const getNode = () => PROBE_NODE;
	const gate = clientGate({ getNode, logger: connection.logger }, credentials, 1);
	const send = loggingHttpRequest(connection.log, connection.writes);
	const authenticate = new MyPitApi().authenticate;
	const httpRequestWithAuthentication = async (_type: string, options: IHttpRequestOptions) =>
		await send(await authenticate(credentials, options));
	return new MyPitClient(
		{
			getNode,
			n8n: { helpers: { httpRequestWithAuthentication } },
			getExecutionCancelSignal: () => connection.cancel,
		},
		{
			url: '',
			baseURL: connection.baseUrl,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			timeout: PROBE_TIMEOUT_MS,
		},
		DEFAULT_RETRY_POLICY,
		gate,
	);
}
