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
