import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { RequestLog } from './requestLog';
import type { WriteGate } from './writeGate';

/**
 * n8n's `helpers.httpRequest`, as much of it as MyPitClient uses (full response, any status,
 * JSON), on Node's fetch, logging every exchange. Redirects are not followed: the secret key
 * header would go along to wherever a redirect points.
 */
export function loggingHttpRequest(log: RequestLog, writes: WriteGate) {
	return async (options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		const method = options.method ?? 'GET';
		const path = options.url;
		writes.check(method, path);
		const started = Date.now();
		const signals = [
			options.abortSignal,
			options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
		];
		const signal = AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
		try {
			const response = await fetch(`${options.baseURL ?? ''}${path}`, {
				method,
				headers: options.headers as Record<string, string>,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				redirect: 'manual',
				signal,
			});
			const answer = parseAnswer(await response.text());
			log.add({
				method,
				path,
				request: options.body,
				status: response.status,
				answer,
				at: started,
				ms: Date.now() - started,
			});
			return {
				body: answer as IN8nHttpFullResponse['body'],
				headers: Object.fromEntries(response.headers.entries()),
				statusCode: response.status,
				statusMessage: response.statusText,
			};
		} catch (error) {
			const failure = networkFailure(error, options.abortSignal as AbortSignal | undefined);
			log.add({
				method,
				path,
				request: options.body,
				status: null,
				error: failure.message,
				at: started,
				ms: Date.now() - started,
			});
			throw failure;
		}
	};
}

/** JSON when it parses (a bare string, true and null included), else the text itself. */
function parseAnswer(text: string): unknown {
	if (text === '') return '';
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** A failure with the network code the node's retry rules and error messages read. */
function networkFailure(error: unknown, stop: AbortSignal | undefined): Error & { code?: string } {
	if (stop?.aborted) return Object.assign(new Error('stopped by Ctrl-C'), { code: 'ERR_CANCELED' });
	const name = (error as Error)?.name;
	if (name === 'TimeoutError' || name === 'AbortError') {
		return Object.assign(new Error('no answer within the timeout'), { code: 'ETIMEDOUT' });
	}
	const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
	return Object.assign(new Error(cause?.message ?? (error as Error)?.message ?? String(error)), {
		code: cause?.code,
	});
}
