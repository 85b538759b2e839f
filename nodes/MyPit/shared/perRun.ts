import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Values shared by the input items of one run of the node. n8n runs the items of a declarative
 * node concurrently and hands each the same execute data, so that object keys the run; the
 * entries go away with it.
 */
const runs = new WeakMap<object, Map<string, Promise<unknown>>>();

/** The first item to ask computes the value; the others of the run wait for the same promise. */
export async function oncePerRun<T>(
	context: IExecuteSingleFunctions,
	key: string,
	compute: () => Promise<T>,
): Promise<T> {
	const run = context.getExecuteData();
	let values = runs.get(run);
	if (!values) runs.set(run, (values = new Map()));
	let value = values.get(key) as Promise<T> | undefined;
	if (!value) {
		value = compute();
		values.set(key, value);
	}
	return await value;
}

const syncRuns = new WeakMap<object, Map<string, unknown>>();

/** Like oncePerRun for a value made at once (no await): the first item of the run creates it. */
export function perRunValue<T>(context: IExecuteSingleFunctions, key: string, create: () => T): T {
	const run = context.getExecuteData();
	let values = syncRuns.get(run);
	if (!values) syncRuns.set(run, (values = new Map()));
	if (!values.has(key)) values.set(key, create());
	return values.get(key) as T;
}
