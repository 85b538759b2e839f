import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { ExecutionCancelledError, sleepUnlessCancelled } from '../transport/cancellation';
import { CREDENTIAL_TYPE } from '../transport/client';
import { DEFAULT_MAX_CONCURRENT_REQUESTS } from '../transport/requestGate';
import { Semaphore } from '../transport/semaphore';
import { readMaxConcurrentRequests, runItem, type ItemRequest } from './itemRun';
import { bodyMapFor, buildBody, type BodyMap } from './requestBody';
import { credentialAllowedDomains, itemBatchingFrom, requestBaseFrom } from './requestOptions';
import { createRunScope, type InputRow, type ItemScope, type OperationSpec } from './scope';

/** Items at once per request slot: while some wait for MyPit, the next resolve their parameters. */
const ITEMS_PER_REQUEST_SLOT = 2;

/** Each operation option of the description, bound to the handler that runs it. */
const specs = new WeakMap<INodePropertyOptions, OperationSpec>();

export function bindOperation(option: INodePropertyOptions, spec: OperationSpec): void {
	specs.set(option, spec);
}

/**
 * n8n's `customOperations` table, `{ [resource]: { [operation]: fn } }`: every operation of the
 * description's Operation selectors bound with a handler runs as a custom operation.
 */
export function customOperationsFor(
	properties: INodeProperties[],
): NonNullable<INodeType['customOperations']> {
	const table: NonNullable<INodeType['customOperations']> = {};
	for (const selector of properties) {
		if (selector.name !== 'operation') continue;
		const resources = (selector.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (selector.options ?? []) as INodePropertyOptions[]) {
			const spec = specs.get(option);
			if (!spec) continue;
			const operation = String(option.value);
			for (const resource of resources) {
				table[resource] ??= {};
				table[resource][operation] = customOperation(
					spec,
					bodyMapFor(properties, resource, operation),
				);
			}
		}
	}
	return table;
}

/**
 * The entry point of a workflow run: n8n-core runs this custom operation instead of RoutingNode
 * when the node's resource and operation match. One call for all input items: each routed field
 * is read once per item, the body comes from the description's `routing.send` (`bodyMap`), and
 * the items run through the pool, or (bulk issue) in one call for all of them.
 */
function customOperation(spec: OperationSpec, bodyMap: BodyMap) {
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
		const outputs = await runEachItem(inputItems.length, poolSettings(first), async (index) => {
			const item = index === 0 ? first : itemAt(index);
			const inputs = [{ index, json: inputItems[index].json }];
			return await runItem(item, spec.handler, inputs, prepare(item));
		});
		return [outputs.flat()];
	};
}

/**
 * The pool's width and batching, from the first item. A value that cannot be read is reported by
 * the first item's own run (its error item with Continue On Fail); the pool then uses the default.
 */
function poolSettings(first: ItemScope) {
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
	return { width: concurrency * ITEMS_PER_REQUEST_SLOT, batching, signal: first.run.cancelSignal };
}

interface PoolSettings {
	/** Items running at once. */
	width: number;
	/** n8n's "Request Options → Batching": a wait before every batch of items but the first. */
	batching?: ReturnType<typeof itemBatchingFrom>;
	/** A stopped execution starts no further item. */
	signal?: AbortSignal;
}

/**
 * Runs `work` for items 0 … count-1, starting them in order, at most `width` at once, and returns
 * the results in item order. An item that throws stops the start of further items; the items
 * already running finish (nothing is left running behind the node), then the error of the
 * lowest failed item is thrown, as RoutingNode reports the first failed item.
 *
 * Later items may wait for earlier ones (Create or Update chains the items of one person), never
 * the other way round, so a full pool always holds an item that can go on.
 */
export async function runEachItem<T>(
	count: number,
	settings: PoolSettings,
	work: (index: number) => Promise<T>,
): Promise<T[]> {
	const { width, batching, signal } = settings;
	const results: T[] = [];
	const slots = new Semaphore(Math.max(1, width));
	const running = new Set<Promise<void>>();
	let failure: { index: number; error: unknown } | undefined;

	for (let index = 0; index < count; index++) {
		if (batching && index > 0 && index % batching.size === 0) {
			// A stop ends the wait early; the check below then ends the loop.
			await sleepUnlessCancelled(batching.intervalMs, signal).catch(() => undefined);
		}
		const release = await slots.acquire();
		// Checked once a slot is free: a failure or a stop may have come while waiting for it.
		if (failure !== undefined || signal?.aborted) {
			release();
			break;
		}
		const task: Promise<void> = work(index)
			.then(
				(result) => {
					results[index] = result;
				},
				(error: unknown) => {
					if (failure === undefined || index < failure.index) failure = { index, error };
				},
			)
			.finally(() => {
				release();
				running.delete(task);
			});
		running.add(task);
	}
	while (running.size > 0) await Promise.all([...running]);
	if (failure !== undefined) throw failure.error;
	if (signal?.aborted) throw new ExecutionCancelledError();
	return results;
}
