import { sleep } from 'n8n-workflow';

/** Raised where a stopped execution gives up: before a request, or while waiting for one. */
export class ExecutionCancelledError extends Error {
	constructor(message = 'The execution was stopped: no further MyPit request is sent') {
		super(message);
		this.name = 'ExecutionCancelledError';
	}
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ExecutionCancelledError();
}

/**
 * Waits `ms`, or less: a stopped execution ends the wait at once with ExecutionCancelledError.
 * n8n-workflow 2.x's `sleep` also clears its timer on the signal; 1.x's takes no signal, so the
 * wait races the signal.
 */
export async function sleepUnlessCancelled(
	ms: number,
	signal: AbortSignal | undefined,
): Promise<void> {
	throwIfCancelled(signal);
	if (!signal) return await sleep(ms);
	let onAbort = () => {};
	const cancelled = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new ExecutionCancelledError());
		signal.addEventListener('abort', onAbort);
	});
	try {
		await Promise.race([sleep(ms, signal), cancelled]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
