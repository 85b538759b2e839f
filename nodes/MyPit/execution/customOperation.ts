import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport/client';
import { DEFAULT_MAX_CONCURRENT_REQUESTS } from '../transport/requestGate';
import { runEachItem } from './itemPool';
import { readMaxConcurrentRequests } from './itemOptions';
import { runItem, type ItemRequest } from './itemRun';
import { buildBody, type BodyMap } from './requestBody';
import { credentialAllowedDomains, itemBatchingFrom, requestBaseFrom } from './requestOptions';
import { createRunScope } from './runScope';
import type { InputRow, ItemScope, OperationSpec, RunScope } from './scope';

/**
 * Items running at once, per allowed concurrent request: while some wait for MyPit, the next
 * ones resolve their parameters.
 */
const ITEMS_PER_REQUEST_SLOT = 2;

/**
 * The entry point of a workflow run: n8n-core runs this custom operation instead of RoutingNode
 * when the node's resource and operation match. One call for all input items: each routed field
 * is read once per item, the body comes from the description's `routing.send` (`bodyMap`), and
 * the items run through the pool, or (bulk issue) in one call for all of them.
 */
export function customOperation(spec: OperationSpec, bodyMap: BodyMap) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = createRunScope(this, await this.getCredentials(CREDENTIAL_TYPE));
		const inputItems = this.getInputData();
		const itemAt = (index: number): ItemScope => ({
			index,
			run,
			parameter: (name, fallback, options) => this.getNodeParameter(name, index, fallback, options),
		});
		// The credential's, so the same for every item: read once. Read inside an item's run, as
		// RoutingNode does, so a refusal (mode Specific Domains with no domain and no Base URL host)
		// is that item's error, an error item with Continue On Fail.
		let allowedDomains: ReturnType<typeof credentialAllowedDomains> | undefined;
		const prepare =
			(item: ItemScope) =>
			(baseURL: string): ItemRequest => ({
				base: {
					...requestBaseFrom(item.parameter('requestOptions', {}) as IDataObject, baseURL),
					...(allowedDomains ??= credentialAllowedDomains(run)),
				},
				body: buildBody(item, bodyMap),
			});

		const first = itemAt(0);
		if (spec.allItems?.when(first)) {
			const inputs: InputRow[] = inputItems.map((input, index) => ({ index, json: input.json }));
			return [await runItem(first, spec.allItems.handler, inputs, prepare(first))];
		}
		const outputs = await runEachItem(
			inputItems.length,
			poolSettings(first, run),
			async (index) => {
				const item = index === 0 ? first : itemAt(index);
				const inputs = [{ index, json: inputItems[index].json }];
				return await runItem(item, spec.handler, inputs, prepare(item));
			},
		);
		return [outputs.flat()];
	};
}

/**
 * The pool's width and batching, from the first item. A value that cannot be read is reported by
 * the first item's own run (its error item with Continue On Fail); the pool then uses the default.
 */
function poolSettings(first: ItemScope, run: RunScope) {
	const readOr = <T>(read: () => T, fallback: T): T => {
		try {
			return read();
		} catch {
			return fallback;
		}
	};
	const concurrency = readOr(
		() => readMaxConcurrentRequests(first),
		DEFAULT_MAX_CONCURRENT_REQUESTS,
	);
	const batching = readOr(
		() => itemBatchingFrom(first.parameter('requestOptions', {}) as IDataObject),
		undefined,
	);
	return { width: concurrency * ITEMS_PER_REQUEST_SLOT, batching, signal: run.cancelSignal };
}
