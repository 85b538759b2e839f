import { ExecutionCancelledError, sleepUnlessCancelled } from '../transport/cancellation';
import { Semaphore } from '../transport/semaphore';
import type { ItemBatching } from './requestOptions';

interface PoolSettings {
	/** Items running at once. */
	width: number;
	/** n8n's "Request Options → Batching": a wait before every batch of items but the first. */
	batching?: ItemBatching;
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
