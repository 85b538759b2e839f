import type { HttpFailure } from './errors';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Cap on one wait, Retry-After included. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxDelayMs: 30_000 };

const FIRST_DELAY_MS = 500;

/** Transient server answers: worth asking again when asking again is safe. */
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/** Connection failures where a read may simply be sent again. */
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ERR_BAD_RESPONSE',
	'EAI_AGAIN',
]);

/** The server never saw the request: safe to send again even for a write. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/**
 * How long to wait before another attempt, or undefined to give up.
 * - 429 means "not processed": any request may wait (Retry-After, capped) and try again.
 * - 5xx and dropped connections: only reads, since a write may already have happened.
 */
export function retryDelay(
	failure: HttpFailure,
	read: boolean,
	attempt: number,
	policy: RetryPolicy,
): number | undefined {
	if (attempt >= policy.maxRetries) return undefined;
	const backoff = Math.min(policy.maxDelayMs, FIRST_DELAY_MS * 2 ** attempt);
	// Full jitter on the upper half, so many clients do not retry in step.
	const jittered = Math.round(backoff * (0.5 + Math.random() * 0.5));
	if (failure.status === 429) {
		const retryAfterMs = parseRetryAfter(failure.retryAfter);
		return retryAfterMs === undefined ? jittered : Math.min(policy.maxDelayMs, retryAfterMs);
	}
	if (failure.status !== undefined) {
		return read && TRANSIENT_STATUSES.has(failure.status) ? jittered : undefined;
	}
	if (failure.code && NOT_SENT_CODES.has(failure.code)) return jittered;
	return read && failure.code && NETWORK_CODES.has(failure.code) ? jittered : undefined;
}

/** Retry-After as seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	// Seconds; a negative number is malformed (and Date.parse would read it as a year).
	if (/^[-+]?\d+(\.\d+)?$/.test(text)) {
		const seconds = Number(text);
		return seconds >= 0 ? seconds * 1000 : undefined;
	}
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
