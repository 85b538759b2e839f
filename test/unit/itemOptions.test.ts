import { readMaxConcurrentRequests, readRetryPolicy } from '../../nodes/MyPit/execution/itemRun';
import type { ItemScope } from '../../nodes/MyPit/execution/scope';

/** An item whose parameters are the given values; an unset one gives the caller's fallback. */
function itemWith(values: Record<string, unknown>): ItemScope {
	return {
		index: 0,
		run: undefined as never,
		parameter: (name, fallback) => (name in values ? values[name] : fallback),
	};
}

describe('readMaxConcurrentRequests', () => {
	test('unset: 5; a whole number from 1 to 1000 as given (text from an expression too)', () => {
		expect(readMaxConcurrentRequests(itemWith({}))).toBe(5);
		for (const [given, read] of [
			[1, 1],
			[1000, 1000],
			['12', 12],
		] as const)
			expect(readMaxConcurrentRequests(itemWith({ 'options.maxConcurrentRequests': given }))).toBe(
				read,
			);
	});

	test.each([0, 1001, 2.5, 'many'])('%p is refused naming the option and its range', (value) => {
		expect(() =>
			readMaxConcurrentRequests(itemWith({ 'options.maxConcurrentRequests': value })),
		).toThrow('Invalid "Max Concurrent Requests": expected a whole number from 1 to 1000');
	});
});

describe('readRetryPolicy', () => {
	test('unset: 3 retries, waits of at most 30 s', () => {
		expect(readRetryPolicy(itemWith({}))).toEqual({ maxRetries: 3, maxDelayMs: 30_000 });
	});

	test('the options as given: retries rounded down, the wait in seconds becomes milliseconds', () => {
		expect(
			readRetryPolicy(itemWith({ 'options.maxRetries': 2.7, 'options.maxRetryWait': 0.25 })),
		).toEqual({ maxRetries: 2, maxDelayMs: 250 });
		expect(
			readRetryPolicy(itemWith({ 'options.maxRetries': 0, 'options.maxRetryWait': 0 })),
		).toEqual({ maxRetries: 0, maxDelayMs: 0 });
	});

	test('a negative or unreadable value is refused naming its option', () => {
		expect(() => readRetryPolicy(itemWith({ 'options.maxRetries': -1 }))).toThrow(
			'Invalid "Max Retries": expected a number of 0 or more',
		);
		expect(() => readRetryPolicy(itemWith({ 'options.maxRetryWait': 'soon' }))).toThrow(
			'Invalid "Max Retry Wait (Seconds)": expected a number of 0 or more',
		);
	});
});
