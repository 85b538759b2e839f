/** n8n's internal REST API (`/rest/...`) called as the editor calls it: JSON, session cookie, browser id. */
import { makeId } from './ids';

export class RestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: string,
	) {
		super(message);
		this.name = 'RestError';
	}
}

const NETWORK_ERROR_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ETIMEDOUT',
	'UND_ERR_SOCKET',
	'UND_ERR_CLOSED',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Whether `fetch` failed below HTTP (no answer, or the socket closed mid-answer): Node's fetch
 * throws `TypeError: fetch failed` (or `terminated` mid-body) with the socket error as `cause`.
 */
export function isNetworkError(error: unknown): boolean {
	for (let current = error, depth = 0; current && depth < 4; depth++) {
		const { code, message, name } = current as {
			code?: unknown;
			message?: unknown;
			name?: unknown;
		};
		if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
		if (name === 'TypeError' && (message === 'fetch failed' || message === 'terminated'))
			return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}

export interface RestSession {
	/** Calls `/rest/...` (or `/types/...`) with the session; returns the `data` field of the answer. */
	call<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T>;
	/** Whether n8n has set the auth cookie (owner setup or login). */
	loggedIn(): boolean;
}

/** A REST session against one n8n: the first answer that sets `n8n-auth` logs it in. */
export function createRestSession(baseUrl: string): RestSession {
	const browserId = `mypit-e2e-${makeId(8)}`;
	let cookie = '';
	const call = async <T>(method: string, urlPath: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${baseUrl}${urlPath}`, {
			method,
			headers: {
				'content-type': 'application/json',
				// The auth cookie is bound to this header's hash (n8n's browserId check).
				'browser-id': browserId,
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie && /(?:^|,\s*)(n8n-auth=[^;]+)/.exec(setCookie);
		if (auth) cookie = auth[1];
		const text = await response.text();
		if (!response.ok) {
			throw new RestError(
				`${method} ${urlPath} -> HTTP ${response.status}: ${text.slice(0, 2000)}`,
				response.status,
				text,
			);
		}
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	};

	return { call, loggedIn: () => cookie !== '' };
}
