/** Ordered record of every API request the sandbox received (control requests excluded). */
import type { LoggedRequest } from './types';

export class RequestLog {
	private entries: LoggedRequest[] = [];
	private seq = 0;

	/** Records an arriving request; the returned entry is completed when the response goes out. */
	start(
		method: string,
		path: string,
		headers: LoggedRequest['headers'],
		body: unknown,
	): LoggedRequest {
		this.seq += 1;
		const entry: LoggedRequest = {
			seq: this.seq,
			method,
			path,
			headers: { ...headers },
			body,
			status: 0,
			at: Date.now(),
		};
		this.entries.push(entry);
		return entry;
	}

	list(): LoggedRequest[] {
		return this.entries.map((entry) => ({ ...entry, headers: { ...entry.headers } }));
	}

	clear(): void {
		this.entries = [];
	}

	/** Clears the log and restarts numbering at 1. */
	reset(): void {
		this.entries = [];
		this.seq = 0;
	}
}
