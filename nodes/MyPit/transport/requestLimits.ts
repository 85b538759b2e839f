import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InputError, describeValue } from '../shared/validation';
import { budgetFor } from './clientBudget';
import { RequestGate, type GateContext } from './requestGate';
import { Semaphore } from './semaphore';

/**
 * Five at once: a run of thousands of items still moves at about 100 requests per second
 * against an API that answers in 50 ms, while one node never bursts more than a handful of
 * requests at a service whose own guide asks clients to throttle themselves.
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const MAX_CONCURRENT_REQUESTS = 1000;
export const MAX_REQUESTS_PER_MINUTE = 100_000;

/**
 * A gate with its own concurrency bound, on the shared budget of the credential's API client:
 * the action node makes one per run, the trigger one per poll.
 */
export function clientGate(
	context: GateContext,
	credentials: ICredentialDataDecryptedObject,
	maxConcurrent: number,
): RequestGate {
	const maxRequestsPerMinute = readMaxRequestsPerMinute(credentials.maxRequestsPerMinute);
	const clientId = String(credentials.clientId ?? '');
	const budget = budgetFor(String(credentials.baseUrl ?? ''), clientId);
	// The newest setting wins when two credentials share a client ID.
	budget.setLimit(maxRequestsPerMinute);
	return new RequestGate(context, new Semaphore(maxConcurrent), budget, {
		clientId,
		maxRequestsPerMinute,
	});
}

/** Empty or 0: no limit. */
export function readMaxRequestsPerMinute(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < 1 ||
		value > MAX_REQUESTS_PER_MINUTE
	) {
		throw new InputError(
			'Max Requests per Minute',
			`a whole number from 1 to ${MAX_REQUESTS_PER_MINUTE} in the MyPit credential, or empty for no limit`,
			describeValue(value),
		);
	}
	return value;
}
