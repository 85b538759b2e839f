import type { HttpFailure } from '../../nodes/MyPit/transport/errors';
import {
	DEFAULT_RETRY_POLICY,
	retryDelay,
	type RetryPolicy,
} from '../../nodes/MyPit/transport/retry';

const policy: RetryPolicy = { maxRetries: 3, maxDelayMs: 30_000 };
const read = true;
const write = false;

/** Runs a check with Math.random pinned, so the jitter is known. */
function withRandom<T>(value: number, check: () => T): T {
	const spy = jest.spyOn(Math, 'random').mockReturnValue(value);
	try {
		return check();
	} finally {
		spy.mockRestore();
	}
}

describe('backoff', () => {
	test('the default policy: 3 retries, at most 30 s per wait', () => {
		expect(DEFAULT_RETRY_POLICY).toEqual({ maxRetries: 3, maxDelayMs: 30_000 });
	});

	test('doubles from 500 ms, with jitter over the upper half of each step', () => {
		const failure = { status: 503 };
		expect(
			[0, 1, 2].map((attempt) => withRandom(0, () => retryDelay(failure, read, attempt, policy))),
		).toEqual([250, 500, 1000]);
		expect(
			[0, 1, 2].map((attempt) =>
				withRandom(0.999_999, () => retryDelay(failure, read, attempt, policy)),
			),
		).toEqual([500, 1000, 2000]);
		expect(withRandom(0.5, () => retryDelay(failure, read, 1, policy))).toBe(750);
	});

	test('a step is capped by the Max Retry Wait before the jitter', () => {
		const small = { maxRetries: 10, maxDelayMs: 1_500 };
		expect(withRandom(0.999_999, () => retryDelay({ status: 503 }, read, 5, small))).toBe(1_500);
		expect(withRandom(0, () => retryDelay({ status: 503 }, read, 5, small))).toBe(750);
	});

	test('gives up once the retries are used', () => {
		expect(retryDelay({ status: 503 }, read, 3, policy)).toBeUndefined();
		expect(retryDelay({ status: 429 }, write, 3, policy)).toBeUndefined();
		expect(
			retryDelay({ status: 503 }, read, 0, { maxRetries: 0, maxDelayMs: 1000 }),
		).toBeUndefined();
		expect(retryDelay({ status: 503 }, read, 2, policy)).toBeDefined();
	});
});

describe('what is retried', () => {
	test.each([500, 502, 503, 504])('a read with HTTP %i', (status) => {
		expect(retryDelay({ status }, read, 0, policy)).toBeGreaterThan(0);
		expect(retryDelay({ status }, write, 0, policy)).toBeUndefined();
	});

	test.each([400, 401, 403, 404, 408, 409, 501, 505])('never HTTP %i', (status) => {
		expect(retryDelay({ status }, read, 0, policy)).toBeUndefined();
		expect(retryDelay({ status }, write, 0, policy)).toBeUndefined();
	});

	test.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_BAD_RESPONSE'])(
		'a read that failed with %s, not a write',
		(code) => {
			expect(retryDelay({ code }, read, 0, policy)).toBeGreaterThan(0);
			expect(retryDelay({ code }, write, 0, policy)).toBeUndefined();
		},
	);

	test.each(['ECONNREFUSED', 'EAI_AGAIN'])('%s: never sent, so a write is retried too', (code) => {
		expect(retryDelay({ code }, read, 0, policy)).toBeGreaterThan(0);
		expect(retryDelay({ code }, write, 0, policy)).toBeGreaterThan(0);
	});

	test('an unknown network failure, or none named, is not retried', () => {
		expect(retryDelay({ code: 'ENOTFOUND' }, read, 0, policy)).toBeUndefined();
		expect(retryDelay({ message: 'socket hang up' }, read, 0, policy)).toBeUndefined();
		expect(retryDelay({}, write, 0, policy)).toBeUndefined();
	});

	test('a status wins over a code that travels with it', () => {
		expect(retryDelay({ status: 400, code: 'ECONNRESET' }, read, 0, policy)).toBeUndefined();
		expect(retryDelay({ status: 400, code: 'ECONNREFUSED' }, write, 0, policy)).toBeUndefined();
	});
});

describe('429 and Retry-After', () => {
	const tooMany = (retryAfter?: string): HttpFailure => ({ status: 429, retryAfter });

	test('a 429 is retried for reads and writes alike', () => {
		expect(withRandom(0, () => retryDelay(tooMany(), write, 0, policy))).toBe(250);
		expect(withRandom(0, () => retryDelay(tooMany(), read, 1, policy))).toBe(500);
	});

	test('Retry-After in seconds is honoured exactly, without jitter', () => {
		expect(withRandom(0, () => retryDelay(tooMany('2'), write, 0, policy))).toBe(2_000);
		expect(retryDelay(tooMany('0'), read, 0, policy)).toBe(0);
		expect(retryDelay(tooMany('1.5'), read, 0, policy)).toBe(1_500);
		expect(retryDelay(tooMany(' 3 '), read, 0, policy)).toBe(3_000);
	});

	// The survivor of the mutation audit: an uncapped Retry-After: 3600 stalls an execution for
	// an hour. The Max Retry Wait caps it.
	test('Retry-After is capped by the Max Retry Wait', () => {
		expect(retryDelay(tooMany('3600'), read, 0, policy)).toBe(30_000);
		expect(retryDelay(tooMany('3600'), write, 0, { maxRetries: 3, maxDelayMs: 1_000 })).toBe(1_000);
		expect(retryDelay(tooMany('30'), read, 0, policy)).toBe(30_000);
	});

	test('Retry-After as an HTTP date waits until then, capped; a past date waits 0', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		const spy = jest.spyOn(Date, 'now').mockReturnValue(now);
		try {
			expect(retryDelay(tooMany('Thu, 01 Jan 2026 00:00:05 GMT'), read, 0, policy)).toBe(5_000);
			expect(retryDelay(tooMany('Thu, 01 Jan 2026 01:00:00 GMT'), read, 0, policy)).toBe(30_000);
			expect(retryDelay(tooMany('Wed, 31 Dec 2025 23:00:00 GMT'), read, 0, policy)).toBe(0);
		} finally {
			spy.mockRestore();
		}
	});

	test('Retry-After keeps every decimal of the seconds', () => {
		expect(retryDelay(tooMany('1.25'), read, 0, policy)).toBe(1_250);
	});

	// RFC 9110 dates may come from proxies in the older RFC 5322 forms: without the weekday, or
	// with a numeric zone. Neither is a number of seconds.
	test('Retry-After as a date without the weekday or with a numeric zone is still a date', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		const spy = jest.spyOn(Date, 'now').mockReturnValue(now);
		try {
			expect(retryDelay(tooMany('01 Jan 2026 00:00:05 GMT'), read, 0, policy)).toBe(5_000);
			expect(retryDelay(tooMany('Thu, 01 Jan 2026 00:00:07 +0000'), read, 0, policy)).toBe(7_000);
		} finally {
			spy.mockRestore();
		}
	});

	test('an unreadable or negative Retry-After falls back to the backoff', () => {
		expect(withRandom(0, () => retryDelay(tooMany('soon'), read, 0, policy))).toBe(250);
		expect(withRandom(0, () => retryDelay(tooMany('-5'), read, 2, policy))).toBe(1_000);
		expect(withRandom(0, () => retryDelay(tooMany(''), read, 0, policy))).toBe(250);
		expect(withRandom(0, () => retryDelay(tooMany('  '), read, 0, policy))).toBe(250);
		expect(withRandom(0, () => retryDelay(tooMany('-0.5'), read, 1, policy))).toBe(500);
	});
});
