import { requireNonNegativeNumber, requirePositiveInteger } from '../shared/validation';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS } from '../transport/requestGate';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/retry';
import type { ItemScope } from './scope';

/** The item's "Max Concurrent Requests" option, checked. */
export function readMaxConcurrentRequests(item: ItemScope): number {
	return requirePositiveInteger(
		item.parameter('options.maxConcurrentRequests', DEFAULT_MAX_CONCURRENT_REQUESTS),
		'Max Concurrent Requests',
		MAX_CONCURRENT_REQUESTS,
	);
}

/** The item's "Max Retries" and "Max Retry Wait (Seconds)" options, checked. */
export function readRetryPolicy(item: ItemScope): RetryPolicy {
	const retries = item.parameter('options.maxRetries', DEFAULT_RETRY_POLICY.maxRetries);
	const wait = item.parameter('options.maxRetryWait', DEFAULT_RETRY_POLICY.maxDelayMs / 1000);
	return {
		maxRetries: Math.floor(requireNonNegativeNumber(retries, 'Max Retries')),
		maxDelayMs: requireNonNegativeNumber(wait, 'Max Retry Wait (Seconds)') * 1000,
	};
}
