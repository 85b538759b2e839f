import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INode,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { AuthenticatingContext, MyPitClient } from '../transport/client';
import { clientGate, type GateContext, type RequestGate } from '../transport/requestGate';

/**
 * What the input items of one run of the node share, whichever way n8n runs them (a custom
 * operation for a workflow run, RoutingNode for an AI tool call): the credential read once, the
 * request gate, values computed once for all items, the execution's cancel signal.
 */
export interface RunScope {
	readonly node: INode;
	readonly credentials: ICredentialDataDecryptedObject;
	readonly continueOnFail: boolean;
	/** An AI agent's tool call (RoutingNode's path): answers are sized for a model. */
	readonly asTool: boolean;
	/** Aborted when the execution is stopped: no request starts after it. */
	readonly cancelSignal: AbortSignal | undefined;
	/** n8n's context: it sends the client's requests and logs for the gate. */
	readonly n8n: AuthenticatingContext & GateContext;
	/** Computes a value once for the run; the other items wait for the same promise. */
	once<T>(key: string, compute: () => Promise<T>): Promise<T>;
	/** The run's request gate; the first item to ask sets its concurrency. */
	gate(maxConcurrent: number): RequestGate;
}

/** One input item as an operation sees it. */
export interface ItemScope {
	readonly index: number;
	readonly run: RunScope;
	/** A parameter of this item, its expressions resolved. */
	parameter(name: string, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
}

/** An input item's JSON and its index, for operations that work for several items at once. */
export interface InputRow {
	index: number;
	json: IDataObject;
}

export interface OperationCall {
	/** The item whose parameters the operation reads. */
	item: ItemScope;
	/** Sends MyPit requests with this item's timeout, proxy and retry settings. */
	client: MyPitClient;
	/** The request body the description's `routing.send` maps from this item's parameters. */
	body: IDataObject;
	/** The items this call works for: every input item in bulk mode, else the item's own. */
	inputs: InputRow[];
}

/** An output item that belongs to another input item than the one being run (bulk issue). */
export interface LinkedOutput {
	json: IDataObject;
	inputIndex: number;
	error?: NodeApiError | NodeOperationError;
}

/** Records for the current input item, or outputs each linked to their own input item. */
export type OperationResult = IDataObject[] | { linked: LinkedOutput[] };

export type OperationHandler = (call: OperationCall) => Promise<OperationResult>;

/**
 * An operation as the description binds it: its handler for one item, and (bulk issue) a handler
 * that works for all input items in one call, chosen on the first item's parameters.
 */
export interface OperationSpec {
	handler: OperationHandler;
	allItems?: { when: (first: ItemScope) => boolean; handler: OperationHandler };
}

/** What a run needs from n8n: the execute context of a custom operation or of one routed item. */
type RunContext = Pick<
	IExecuteFunctions,
	'getNode' | 'logger' | 'continueOnFail' | 'getExecutionCancelSignal'
> &
	AuthenticatingContext;

/** A run's shared state, around the credential it decrypted once. */
export function createRunScope(
	context: RunContext,
	credentials: ICredentialDataDecryptedObject,
	asTool = false,
): RunScope {
	const values = new Map<string, Promise<unknown>>();
	let gate: RequestGate | undefined;
	return {
		node: context.getNode(),
		credentials,
		continueOnFail: context.continueOnFail(),
		asTool,
		cancelSignal: context.getExecutionCancelSignal?.(),
		n8n: context,
		async once<T>(key: string, compute: () => Promise<T>): Promise<T> {
			let value = values.get(key) as Promise<T> | undefined;
			if (!value) values.set(key, (value = compute()));
			return await value;
		},
		gate(maxConcurrent: number): RequestGate {
			gate ??= clientGate(this.n8n, credentials, maxConcurrent);
			return gate;
		},
	};
}
