import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { InputError } from '../shared/validation';
import { CREDENTIAL_TYPE, type RequestBase } from '../transport/client';
import { runItem } from './itemRun';
import { createRunScope, type ItemScope, type OperationHandler, type OperationSpec } from './scope';

type RoutingPagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * The entry point of RoutingNode, which n8n runs when an AI agent calls the node as a tool. The
 * operation is the routing's pagination function, so RoutingNode sends nothing itself: it hands
 * the body (`routing.send`) and request settings to the handler a custom operation calls.
 *
 * Each call has a run scope of its own: every tool call of an agent execution shares the agent's
 * execute data, whatever MyPit tool node (and credential) it is. A tool call is one item.
 */
export function routingOperation(spec: OperationSpec): RoutingPagination {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const index = this.getItemIndex();
		const run = createRunScope(this, await this.getCredentials(CREDENTIAL_TYPE), true);
		const item: ItemScope = {
			index,
			run,
			parameter: (name, fallback, options) => this.getNodeParameter(name, fallback, options),
		};
		const inputs = [{ index, json: this.getInputData().json }];
		const handler = spec.allItems?.when(item) ? refuseBulk : spec.handler;
		return await runItem(item, handler, inputs, (baseURL) => ({
			base: { ...routedRequestBase(requestData.options as IHttpRequestOptions), baseURL },
			body: (requestData.options.body ?? {}) as IDataObject,
		}));
	};
}

/**
 * Bulk mode issues to the holder IDs of a workflow's input items; a tool call has none, only the
 * agent's arguments.
 */
const refuseBulk: OperationHandler = async () => {
	throw new InputError(
		'Recipients',
		'"One Holder per Item" or "List of Holder IDs" when the node is an AI tool (a tool call has no input items to issue to)',
		'"All Input Items (Bulk)"',
	);
};

/** The request settings RoutingNode built (timeout, proxy, SSL, headers), without the payload. */
function routedRequestBase(options: IHttpRequestOptions): RequestBase {
	const base: IHttpRequestOptions = { ...options };
	delete base.body;
	delete base.qs;
	return base;
}
