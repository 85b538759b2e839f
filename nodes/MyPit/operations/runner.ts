import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MyPitClient, requestBaseFrom } from '../transport/client';
import { readCredentials } from '../shared/identity';
import { requireSafeBaseUrl } from '../shared/baseUrl';
import { InputError, requireNonNegativeNumber, toInputNodeError } from '../shared/validation';
import { requestGateForRun } from './requestLimits';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/retry';

export interface OperationCall {
	/** Sends MyPit requests with this item's base URL, timeout and proxy settings. */
	client: MyPitClient;
	/** The body the routing built from this operation's parameters (`routing.send`). */
	body: IDataObject;
	itemIndex: number;
}

/** An output item that belongs to another input item than the one being run (bulk issue). */
export interface LinkedOutput {
	json: IDataObject;
	inputIndex: number;
	error?: NodeApiError | NodeOperationError;
}

/** Records for the current input item, or outputs each linked to their own input item. */
export type OperationResult = IDataObject[] | { linked: LinkedOutput[] };

export type OperationHandler = (
	this: IExecuteSingleFunctions,
	call: OperationCall,
) => Promise<OperationResult>;

/** True for an input item whose work another item does (bulk issue: the first item issues for all). */
export type SkipItem = (context: IExecuteSingleFunctions, itemIndex: number) => boolean;

type RoutingPagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * Runs one operation for one input item, as the routing's pagination function.
 *
 * Everything an item needs happens here, inside one try: input checks, lookups, the request(s)
 * and the output. That way every output item and every error item carries `pairedItem` back to
 * its input (declarative output has none by itself), and an input error is raised before any
 * request is sent.
 */
export function runOperation(handler: OperationHandler, skipItem?: SkipItem): RoutingPagination {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const itemIndex = this.getItemIndex();
		// Before anything else: another item of the run does this item's work.
		if (skipItem?.(this, itemIndex)) return [];
		const pairedItem = { item: itemIndex };
		try {
			const credentials = await readCredentials(this);
			const base = requestBaseFrom(requestData.options as IHttpRequestOptions);
			base.baseURL = requireSafeBaseUrl(credentials.baseUrl);
			const gate = requestGateForRun(this, credentials);
			const client = new MyPitClient(this, base, readRetryPolicy(this), credentials, gate);
			const body = (requestData.options.body ?? {}) as IDataObject;
			const results = await handler.call(this, { client, body, itemIndex });
			if (Array.isArray(results)) return results.map((json) => ({ json, pairedItem }));
			return results.linked.map(({ json, inputIndex, error }) =>
				error
					? { json, error, pairedItem: { item: inputIndex } }
					: { json, pairedItem: { item: inputIndex } },
			);
		} catch (caught) {
			const error = toNodeError(this, caught, itemIndex);
			if (!this.continueOnFail()) throw error;
			// n8n rewrites an error item's json to { error: message }; details stay on `error`.
			return [{ json: { error: error.message }, error, pairedItem }];
		}
	};
}

export function toNodeError(context: IExecuteSingleFunctions, error: unknown, itemIndex: number) {
	if (error instanceof InputError) return toInputNodeError(context.getNode(), error, itemIndex);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function readRetryPolicy(context: IExecuteSingleFunctions): RetryPolicy {
	const retries = context.getNodeParameter('options.maxRetries', DEFAULT_RETRY_POLICY.maxRetries);
	const wait = context.getNodeParameter(
		'options.maxRetryWait',
		DEFAULT_RETRY_POLICY.maxDelayMs / 1000,
	);
	return {
		maxRetries: Math.floor(requireNonNegativeNumber(retries, 'Max Retries')),
		maxDelayMs: requireNonNegativeNumber(wait, 'Max Retry Wait (Seconds)') * 1000,
	};
}
