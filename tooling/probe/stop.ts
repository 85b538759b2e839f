import type { WriteGate } from './writeGate';

/**
 * Ctrl-C. The first: no new write is sent (the write gate lets only the clean-up's deletes
 * through), the steps end, what was created is deleted and the report written. The second:
 * requests in flight are aborted and nothing more is sent; the report names what is left.
 */
export class Stop {
	private readonly abort = new AbortController();
	requested = false;

	constructor(private readonly writes: WriteGate) {}

	/** Aborts requests in flight once a second stop was asked for. */
	get signal(): AbortSignal {
		return this.abort.signal;
	}

	get forced(): boolean {
		return this.abort.signal.aborted;
	}

	request(): void {
		if (this.requested) {
			this.abort.abort();
			return;
		}
		this.requested = true;
		if (this.writes.mode === 'writes') this.writes.mode = 'clean-up only';
	}
}
