import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Endpoint } from './endpoints';
import { toMyPitApiError } from './errors';

export const CREDENTIAL_TYPE = 'myPitApi';

/** What every MyPit request of one item shares: base URL, timeout, proxy, TLS setting. */
export type RequestBase = Omit<IHttpRequestOptions, 'body' | 'qs'>;

/**
 * Sends MyPit requests for one input item. Authentication headers come from the credential's
 * `authenticate`; failures keep the API's own message and HTTP status.
 */
export class MyPitClient {
	constructor(
		private readonly context: IExecuteSingleFunctions,
		private readonly base: RequestBase,
	) {}

	async request<T = IDataObject>(endpoint: Endpoint, body?: IDataObject): Promise<T> {
		const options: IHttpRequestOptions = {
			...this.base,
			method: endpoint.method,
			url: endpoint.path,
			json: true,
			returnFullResponse: false,
		};
		if (body !== undefined) options.body = body;
		try {
			return (await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				CREDENTIAL_TYPE,
				options,
			)) as T;
		} catch (error) {
			throw toMyPitApiError(this.context.getNode(), error, {
				endpoint: `${endpoint.method} ${endpoint.path}`,
				itemIndex: this.context.getItemIndex(),
			});
		}
	}
}

/** Keeps the shared request settings from the options the routing built, without the payload. */
export function requestBaseFrom(options: IHttpRequestOptions): RequestBase {
	const base: IHttpRequestOptions = { ...options };
	delete base.body;
	delete base.qs;
	return base;
}
