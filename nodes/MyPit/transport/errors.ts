import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

interface HttpFailure {
	status?: number;
	body?: unknown;
	code?: string;
}

/** Reads status, body and network code from whatever n8n's HTTP helper threw. */
function describeFailure(error: unknown): HttpFailure {
	const candidate = error as {
		httpCode?: string | null;
		cause?: { response?: { status?: number; data?: unknown }; code?: string };
		response?: { status?: number; data?: unknown };
		code?: string;
	};
	const response = candidate.cause?.response ?? candidate.response;
	const httpCode = candidate.httpCode ? Number(candidate.httpCode) : undefined;
	return {
		status: response?.status ?? (Number.isFinite(httpCode) ? httpCode : undefined),
		body: response?.data,
		code: candidate.cause?.code ?? candidate.code,
	};
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

/**
 * Turns a failed MyPit request into an error that keeps the API's own message and HTTP status.
 * It is built from scratch so that nothing of the request (its headers carry the secret key)
 * travels with it.
 */
export function toMyPitApiError(
	node: INode,
	error: unknown,
	context: { endpoint: string; itemIndex: number },
): NodeApiError {
	const failure = describeFailure(error);
	const message =
		apiMessage(failure.body) ??
		(failure.status
			? `MyPit answered HTTP ${failure.status}`
			: `MyPit could not be reached (${failure.code ?? (error as Error)?.message ?? 'unknown error'})`);
	const hint = failure.status ? STATUS_HINTS[failure.status] : undefined;
	const description = [`${context.endpoint}${failure.status ? ` answered HTTP ${failure.status}` : ' failed'}.`, hint]
		.filter(Boolean)
		.join(' ');
	const apiError = new NodeApiError(
		node,
		{ message, status: failure.status ?? null, code: failure.code ?? null } as JsonObject,
		{
			message,
			description,
			httpCode: failure.status ? String(failure.status) : undefined,
			itemIndex: context.itemIndex,
		},
	);
	return apiError;
}
