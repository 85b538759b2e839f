import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requireSafeBaseUrl } from '../shared/baseUrl';
import {
	InputError,
	requireNonNegativeNumber,
	requirePositiveInteger,
	toInputNodeError,
} from '../shared/validation';
import { MyPitClient, type MyPitRequestContext, type RequestBase } from '../transport/client';
import {
	DEFAULT_MAX_CONCURRENT_REQUESTS,
	MAX_CONCURRENT_REQUESTS,
	readMaxRequestsPerMinute,
} from '../transport/requestGate';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/retry';
import type { InputRow, ItemScope, OperationHandler } from './scope';

/** What an entry point supplies for one item: its request settings and the routed body. */
export interface ItemRequest {
	base: RequestBase;
	body: IDataObject;
}

/**
 * Runs one operation call for one item, the same on both entry points. Everything happens inside
 * one try: input checks, the request(s) and the output, so every output item and every error
 * item carries `pairedItem` back to its input, and an input error is raised before any request.
 * With Continue On Fail an error becomes an error item of every input the call works for (its
 * own item; every item in bulk); otherwise it is thrown.
 */
export async function runItem(
	item: ItemScope,
	handler: OperationHandler,
	inputs: InputRow[],
	prepare: (baseURL: string) => ItemRequest,
): Promise<INodeExecutionData[]> {
	const { run } = item;
	const pairedItem = { item: item.index };
	try {
		const { base, body } = prepare(requireSafeBaseUrl(run.credentials.baseUrl));
		// Checked for every item, so a bad limit fails before any request.
		readMaxRequestsPerMinute(run.credentials.maxRequestsPerMinute);
		const gate = run.gate(readMaxConcurrentRequests(item));
		const context: MyPitRequestContext = {
			getNode: () => run.node,
			n8n: run.n8n,
			getItemIndex: () => item.index,
			getExecutionCancelSignal: () => run.cancelSignal,
		};
		const client = new MyPitClient(context, base, readRetryPolicy(item), gate);
		const results = await handler({ item, client, body, inputs });
		if (Array.isArray(results)) return results.map((json) => ({ json, pairedItem }));
		return results.linked.map(({ json, inputIndex, error }) => ({
			json,
			...(error && { error }),
			pairedItem: { item: inputIndex },
		}));
	} catch (caught) {
		const error = toNodeError(run.node, caught, item.index);
		if (!run.continueOnFail) throw error;
		// n8n shows an error item's message from `json.error`; details stay on `error`.
		return inputs.map(({ index }) => ({
			json: { error: error.message },
			error,
			pairedItem: { item: index },
		}));
	}
}

export function toNodeError(node: INode, error: unknown, itemIndex: number) {
	if (error instanceof InputError) return toInputNodeError(node, error, itemIndex);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

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
