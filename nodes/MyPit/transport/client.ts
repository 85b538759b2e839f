import type {
	IAllExecuteFunctions,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	RequestHelperFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ExecutionCancelledError, sleepUnlessCancelled, throwIfCancelled } from './cancellation';
import { documentedAnswer, type Endpoint } from './endpoints';
import { describeErrorResponse, describeFailure, toMyPitApiError } from './errors';
import type { RequestGate } from './requestGate';
import { retryDelay, type RetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'myPitApi';

/** n8n's own context (execute, routing or poll): its request helper reads the credential from it. */
export type AuthenticatingContext = {
	helpers: Pick<RequestHelperFunctions, 'httpRequestWithAuthentication'>;
};

/**
 * What the client needs from n8n: the action node's per-item context, or a trigger's poll
 * context (which has no item index and no cancel signal).
 */
export type MyPitRequestContext = Pick<IExecuteSingleFunctions, 'getNode'> & {
	/** Sends every request, through n8n's authentication layer. */
	n8n: AuthenticatingContext;
	getItemIndex?: IExecuteSingleFunctions['getItemIndex'];
	getExecutionCancelSignal?: IExecuteSingleFunctions['getExecutionCancelSignal'];
};

/** What every MyPit request of one item shares: base URL, timeout, proxy, TLS setting. */
export type RequestBase = Omit<IHttpRequestOptions, 'body' | 'qs'>;

/**
 * Sends MyPit requests for one input item. n8n attaches the authentication headers: every
 * request goes through `helpers.httpRequestWithAuthentication` and the credential's
 * `authenticate`, nothing here touches the secret key. Transient failures are retried where that
 * is safe (see retry.ts); failures keep the API's own message and HTTP status.
 */
export class MyPitClient {
	constructor(
		private readonly context: MyPitRequestContext,
		private readonly base: RequestBase,
		private readonly retry: RetryPolicy,
		/** Bounds concurrency and applies the client's rate limit and 429 pauses (requestGate.ts). */
		private readonly gate?: RequestGate,
	) {}

	async request<T = IDataObject>(endpoint: Endpoint, body?: IDataObject): Promise<T> {
		// The full response, whatever its status: MyPit's own error message, status and
		// Retry-After are read here, the same on every n8n version.
		const options: IHttpRequestOptions = {
			...this.base,
			method: endpoint.method,
			url: endpoint.path,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		if (body !== undefined) options.body = body;
		const label = `${endpoint.method} ${endpoint.path}`;
		// A stopped execution sends nothing more: the gate and the retry waits give up on it.
		const signal = this.context.getExecutionCancelSignal?.();
		for (let attempt = 0; ; attempt++) {
			const send = async () =>
				await this.sendAuthenticated({
					...options,
					headers: { ...this.base.headers },
					// As n8n's own authenticated requests do: a cancelled execution aborts it.
					abortSignal: signal,
				}).then(
					(response: IN8nHttpFullResponse) =>
						response.statusCode >= 200 && response.statusCode < 300
							? { answer: response.body }
							: describeErrorResponse(response),
					(error: unknown) => describeFailure(error),
				);
			throwIfCancelled(signal);
			const failure = this.gate ? await this.gate.send(send, signal) : await send();
			if ('answer' in failure)
				return this.checkJson<T>(documentedAnswer(endpoint, failure.answer), label, attempt + 1);
			// An aborted request: the execution was stopped, perhaps after MyPit acted on a write.
			if (signal?.aborted) {
				throw new ExecutionCancelledError(
					endpoint.read
						? undefined
						: `The execution was stopped while ${label} was under way: MyPit may have carried it out`,
				);
			}
			const delay = retryDelay(failure, endpoint.read, attempt, this.retry);
			if (delay === undefined) {
				throw toMyPitApiError(this.context.getNode(), failure, {
					endpoint: label,
					itemIndex: this.context.getItemIndex?.() ?? 0,
					read: endpoint.read,
					attempts: attempt + 1,
				});
			}
			// Too many requests: the client's other requests hold back as well.
			if (failure.status === 429) this.gate?.pauseClient(delay, label, failure.retryAfter);
			await sleepUnlessCancelled(delay, signal);
		}
	}

	private async sendAuthenticated(options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
		const { n8n } = this.context;
		return (await n8n.helpers.httpRequestWithAuthentication.call(
			// n8n's helper wants its own context as `this`: the one it was taken from.
			n8n as IAllExecuteFunctions,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	}

	/** The API answers JSON; anything else (a proxy's HTML page, a cut body) is an error. */
	private checkJson<T>(response: unknown, label: string, attempts: number): T {
		if (response !== null && typeof response === 'object') return response as T;
		const shown = typeof response === 'string' ? `"${response.slice(0, 60)}"` : String(response);
		throw new NodeApiError(
			this.context.getNode(),
			{ message: 'not JSON' },
			{
				message: `MyPit answered ${label} with something that is not JSON`,
				description: `Expected a JSON object, got ${shown}${attempts > 1 ? ` (attempt ${attempts})` : ''}. Check the Base URL of the MyPit credential.`,
				itemIndex: this.context.getItemIndex?.() ?? 0,
			},
		);
	}
}
