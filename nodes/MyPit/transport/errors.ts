import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface HttpFailure {
	status?: number;
	body?: unknown;
	code?: string;
	retryAfter?: string;
	/** Where a redirect (3xx) pointed. */
	location?: string;
	message?: string;
}

/**
 * Reads what a thrown request error says: a network code, or (when n8n threw on an HTTP status)
 * status, body and Retry-After. n8n-workflow 1.x drops the error's `cause`, keeping only
 * `httpCode` (a status or a network code) and `context.data` (the body): both are read too.
 */
export function describeFailure(error: unknown): HttpFailure {
	type Response = { status?: number; data?: unknown; headers?: Record<string, unknown> };
	const candidate = error as {
		httpCode?: string | null;
		message?: string;
		context?: { data?: unknown };
		cause?: { response?: Response; code?: string; message?: string };
		response?: Response;
		code?: string;
	};
	const response = candidate.cause?.response ?? candidate.response;
	const httpCode = candidate.httpCode ?? undefined;
	const numericCode =
		httpCode !== undefined && /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined;
	const status = response?.status ?? numericCode;
	const code =
		candidate.cause?.code ?? candidate.code ?? (numericCode === undefined ? httpCode : undefined);
	const message = candidate.cause?.message ?? candidate.message;
	// A failure with a 2xx status: an answer cut off or unreadable, a network fault.
	if (status !== undefined && status >= 200 && status < 300) {
		return { code: code ?? 'ERR_BAD_RESPONSE', message };
	}
	return {
		status,
		body: response?.data ?? candidate.context?.data,
		code,
		...headerFacts(response?.headers),
		message,
	};
}

/** An HTTP answer outside 2xx, read from the full response. */
export function describeErrorResponse(response: IN8nHttpFullResponse): HttpFailure {
	return {
		status: response.statusCode,
		body: response.body,
		...headerFacts(response.headers as Record<string, unknown> | undefined),
	};
}

function headerFacts(headers: Record<string, unknown> | undefined) {
	const retryAfter = headers?.['retry-after'];
	const location = headers?.location;
	return {
		retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
		location: location === undefined ? undefined : String(location),
	};
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNABORTED: 'MyPit did not answer within the timeout',
	ETIMEDOUT: 'MyPit did not answer within the timeout',
	ECONNREFUSED: 'MyPit refused the connection: check the Base URL',
	ECONNRESET: 'The connection to MyPit was dropped',
	EPIPE: 'The connection to MyPit was dropped',
	ERR_BAD_RESPONSE: "MyPit's answer was cut off or unreadable",
	ENOTFOUND: 'The Base URL host was not found',
	EAI_AGAIN: 'The Base URL host could not be resolved',
};

function networkMessage(failure: HttpFailure): string {
	const known = failure.code ? NETWORK_MESSAGES[failure.code] : undefined;
	return `${known ?? 'MyPit could not be reached'} (${failure.code ?? failure.message ?? 'unknown error'})`;
}

/** The API's own error text: `{error}` per the API document, `message` as a fallback. */
function apiMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (parsed && typeof parsed === 'object') {
		const record = parsed as Record<string, unknown>;
		for (const key of ['error', 'message']) {
			if (typeof record[key] === 'string' && record[key]) return record[key] as string;
		}
	}
	return undefined;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'MyPit rejected the request as invalid.',
	401: 'Check the Client ID and Secret Key in the MyPit credential.',
	403: 'The credential’s account may not access this record: check the User ID and the record’s owner.',
	404: 'The record does not exist, or the Base URL is wrong.',
	429: 'MyPit is rate limiting: space the requests out or lower the batch size.',
};

export interface FailureContext {
	/** e.g. "POST /getHolders" */
	endpoint: string;
	itemIndex: number;
	/** Whether the request changes nothing on the server. */
	read: boolean;
	/** How many times it was sent. */
	attempts: number;
}

/** A write that failed this way may still have been carried out by the server. */
function mayHaveHappened(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return failure.status >= 500 || failure.status === 408;
	return failure.code !== 'ECONNREFUSED' && failure.code !== 'EAI_AGAIN';
}

/**
 * Turns a failed MyPit request into an error that keeps the API's own message and HTTP status.
 * It is built from scratch so that nothing of the request (its headers carry the secret key)
 * travels with it.
 */
export function toMyPitApiError(
	node: INode,
	failure: HttpFailure,
	context: FailureContext,
): NodeApiError {
	const message =
		apiMessage(failure.body) ??
		(failure.status ? `MyPit answered HTTP ${failure.status}` : networkMessage(failure));
	const tries = context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
	const parts = [
		`${context.endpoint}${failure.status ? ` answered HTTP ${failure.status}` : ' failed'}${tries}.`,
	];
	const hint = failure.status ? STATUS_HINTS[failure.status] : undefined;
	if (hint) parts.push(hint);
	if (failure.status && failure.status >= 300 && failure.status < 400) {
		parts.push(
			`MyPit redirected the request${failure.location ? ` to ${failure.location}` : ''}. Requests with the MyPit credential do not follow redirects, so the Secret Key goes to the Base URL's host only: set the credential's Base URL to the address MyPit redirects to.`,
		);
	}
	if (!context.read && mayHaveHappened(failure)) {
		parts.push(
			'The request may have been carried out before it failed, so it was not sent again: check the result (Get or Get Many) before running it again.',
		);
	}
	const apiError = new NodeApiError(
		node,
		{ message, status: failure.status ?? null } as JsonObject,
		{
			message,
			description: parts.join(' '),
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex: context.itemIndex,
		},
	);
	// NodeApiError swaps messages that mention a network code for a generic sentence; keep ours.
	apiError.message = message;
	return apiError;
}
