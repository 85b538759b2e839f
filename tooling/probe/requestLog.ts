/**
 * Every request the probe sent and what came back, in order, as sent and received. The report
 * writer removes the secret and personal data (report.ts); the analysis reads the raw answers.
 * Headers are never recorded: they carry the secret key.
 */
export interface Exchange {
	seq: number;
	/** The probe step that sent it, e.g. "templates: pages". */
	step: string;
	method: string;
	path: string;
	/** The JSON body as sent. */
	request?: unknown;
	/** HTTP status; null when no answer came (network failure, timeout, stopped). */
	status: number | null;
	/** The answer: parsed JSON, or the text when it is not JSON. */
	answer?: unknown;
	/** Why no answer came. */
	error?: string;
	/** When it was sent (epoch milliseconds) and how long the answer took. */
	at: number;
	ms: number;
}

export class RequestLog {
	private readonly exchanges: Exchange[] = [];
	/** Set by each step, so the report says which step sent what. */
	step = 'start';

	add(exchange: Omit<Exchange, 'seq' | 'step'>): void {
		this.exchanges.push({ seq: this.exchanges.length + 1, step: this.step, ...exchange });
	}

	/** A position to read the exchanges after it with `since`. */
	mark(): number {
		return this.exchanges.length;
	}

	since(mark: number, path?: string): Exchange[] {
		return this.exchanges.slice(mark).filter((e) => path === undefined || e.path === path);
	}

	all(): readonly Exchange[] {
		return this.exchanges;
	}
}
