import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, type RequestBase } from '../transport/client';
import { runItem } from './itemRun';
import { createRunScope } from './runScope';
import type { ItemScope, OperationSpec, RunScope } from './scope';

type RoutingPagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * The runs RoutingNode makes, keyed by the execute data all items of a run share (an AI agent's
 * tool calls in one agent execution share it too, and with it the credential read and the gate).
 */
const runs = new WeakMap<object, Promise<RunScope>>();

async function routedRun(context: IExecuteSingleFunctions): Promise<RunScope> {
	const key = context.getExecuteData();
	let run = runs.get(key);
	if (!run) {
		run = context
			.getCredentials(CREDENTIAL_TYPE)
			.then((credentials) => createRunScope(context, credentials));
		runs.set(key, run);
	}
	return await run;
}

/**
 * The entry point of RoutingNode, which n8n runs for a declarative node when no custom operation
 * does: when an AI agent calls the node as a tool (n8n-core calls the node type's `execute`
 * directly). The operation is the routing's pagination function, so RoutingNode sends nothing
 * itself: it resolves the item's parameters, builds the body from `routing.send` and the request
 * settings from "Request Options", and hands them to the same handler a custom operation calls,
 * one item at a time.
 */
export function routingOperation(spec: OperationSpec): RoutingPagination {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const index = this.getItemIndex();
		const run = await routedRun(this);
		const item: ItemScope = {
			index,
			run,
			parameter: (name, fallback, options) => this.getNodeParameter(name, fallback, options),
		};
		const inputs = [{ index, json: this.getInputData().json }];
		return await runItem(item, spec.handler, inputs, (baseURL) => ({
			base: { ...routedRequestBase(requestData.options as IHttpRequestOptions), baseURL },
			body: (requestData.options.body ?? {}) as IDataObject,
		}));
	};
}

/** The request settings RoutingNode built (timeout, proxy, SSL, headers), without the payload. */
function routedRequestBase(options: IHttpRequestOptions): RequestBase {
	const base: IHttpRequestOptions = { ...options };
	delete base.body;
	delete base.qs;
	return base;
}
