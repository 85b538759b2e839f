/**
 * How hard clients press on the sandbox: requests in flight now and the most seen at once (per
 * account and overall), plus an added latency for every API request. Kept apart from the
 * runtime config so that resetting pagination switches does not change the load setup.
 */
import { ControlInputError } from './faults';

export interface InFlightReport {
	/** The most API requests the sandbox held at once since the last reset. */
	maxInFlight: number;
	/** Requests being handled right now. */
	inFlight: number;
	/** The same per clientId header ('' for requests without one). */
	accounts: Record<string, { maxInFlight: number; inFlight: number }>;
}

const MAX_LATENCY_MS = 60_000;

export class LoadMeter {
	latencyMs = 0;
	/** What reset() goes back to: the latency the sandbox was started with. */
	private startLatencyMs = 0;
	private overall = { maxInFlight: 0, inFlight: 0 };
	private accounts = new Map<string, { maxInFlight: number; inFlight: number }>();

	/** Counts a request as in flight; the returned function ends it (safe to call twice). */
	enter(clientId: string): () => void {
		let account = this.accounts.get(clientId);
		if (!account) this.accounts.set(clientId, (account = { maxInFlight: 0, inFlight: 0 }));
		for (const counter of [this.overall, account]) {
			counter.inFlight += 1;
			counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight);
		}
		let done = false;
		const owner = account;
		return () => {
			if (done) return;
			done = true;
			this.overall.inFlight -= 1;
			owner.inFlight -= 1;
		};
	}

	report(): InFlightReport {
		const accounts: InFlightReport['accounts'] = {};
		for (const [clientId, counter] of this.accounts) accounts[clientId] = { ...counter };
		return { ...this.overall, accounts };
	}

	/** Starts the maxima again from what is in flight now. */
	resetMaxima(): void {
		this.overall.maxInFlight = this.overall.inFlight;
		for (const [clientId, counter] of this.accounts) {
			if (counter.inFlight === 0) this.accounts.delete(clientId);
			else counter.maxInFlight = counter.inFlight;
		}
	}

	/** Sets the latency the sandbox starts with and goes back to on reset. */
	setStartLatency(ms: unknown): void {
		this.setLatency(ms);
		this.startLatencyMs = this.latencyMs;
	}

	/** The start latency again, no maxima (what is in flight stays counted). */
	reset(): void {
		this.latencyMs = this.startLatencyMs;
		this.resetMaxima();
	}

	setLatency(ms: unknown): void {
		if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
			throw new ControlInputError(`latencyMs must be a number from 0 to ${MAX_LATENCY_MS}`);
		}
		this.latencyMs = ms;
	}
}
