import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';

import { InputError, parseUrl } from '../shared/validation';
import type { RequestBase } from '../transport/client';
import type { RunScope } from './scope';

/** The headers of every MyPit request: the node's `requestDefaults`, used on both paths. */
export const REQUEST_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** RoutingNode's timeout when "Request Options → Timeout" is not set: five minutes. */
export const DEFAULT_TIMEOUT_MS = 300_000;

/**
 * n8n's "Request Options" collection, which n8n adds to every declarative node, read as
 * RoutingNode reads it (timeout, proxy, SSL), for requests a custom operation sends.
 */
export function requestBaseFrom(requestOptions: IDataObject, baseURL: string): RequestBase {
	const base: IHttpRequestOptions = {
		url: '',
		baseURL,
		headers: { ...REQUEST_HEADERS },
		timeout: Number(requestOptions.timeout) || DEFAULT_TIMEOUT_MS,
	};
	if (requestOptions.allowUnauthorizedCerts === true) base.skipSslCertificateValidation = true;
	if (typeof requestOptions.proxy === 'string' && requestOptions.proxy !== '')
		base.proxy = parseProxy(requestOptions.proxy);
	return base;
}

function parseProxy(text: string): IHttpRequestOptions['proxy'] {
	const refused = () =>
		new InputError(
			'Proxy (Request Options)',
			'a proxy URL with host and port, such as http://user:password@myproxy:3128',
			// Whatever stands before an @ may be a user and password: never in a message.
			`"${text.replace(/(^|\/\/)[^@/]*@/, '$1…@')}"`,
		);
	const url = parseUrl(text);
	if (!url?.hostname || !url.port) throw refused();
	const proxy: NonNullable<IHttpRequestOptions['proxy']> = {
		host: url.hostname,
		port: Number(url.port),
		protocol: url.protocol.replace(/:$/, ''),
	};
	if (url.username)
		proxy.auth = {
			username: decodeURIComponent(url.username),
			password: decodeURIComponent(url.password),
		};
	return proxy;
}

/** Batching as RoutingNode applies it: before item k (k > 0, k a multiple of the size), wait. */
export function itemBatchingFrom(requestOptions: IDataObject) {
	const batch = ((requestOptions.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const size = Number(batch.batchSize);
	const intervalMs = Number(batch.batchInterval);
	if (!(intervalMs > 0)) return undefined;
	return { size: size > 0 ? size : 1, intervalMs };
}

/** The node's `requestDefaults.baseURL`: the credential's Base URL, the credential's own host. */
export const NODE_ENDPOINT_URL = '={{ $credentials.baseUrl }}';

/**
 * The credential's "Allowed HTTP Request Domains" (n8n 2.x; 1.x has none), as RoutingNode computes
 * them for this node: its endpoint (NODE_ENDPOINT_URL) is a credential-owned surface, so the MyPit
 * host is always allowed; a redirect elsewhere is still held to the list.
 */
export function credentialAllowedDomains(
	run: RunScope,
): Pick<IHttpRequestOptions, 'allowedDomains'> {
	const allowedDomainsOf = (n8nWorkflow as Partial<typeof n8nWorkflow>).getCredentialAllowedDomains;
	if (typeof allowedDomainsOf !== 'function') return {};
	const baseUrl = run.credentials.baseUrl;
	const allowedDomains = allowedDomainsOf({
		node: run.node,
		credentialData: run.credentials,
		credentialOwnedSurface: true,
		nodeEndpointUrl: typeof baseUrl === 'string' ? baseUrl : undefined,
	});
	return allowedDomains === undefined ? {} : { allowedDomains };
}
