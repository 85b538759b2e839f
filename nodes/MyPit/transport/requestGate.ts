import type { ICredentialDataDecryptedObject, INode, Logger } from 'n8n-workflow';

import { InputError, describeValue } from '../shared/validation';
import { sleepUnlessCancelled, throwIfCancelled } from './cancellation';
import { budgetFor, type ClientBudget } from './clientBudget';
import { Semaphore } from './semaphore';

/** What the gate needs from n8n: any function context (node run, poll, load options) has it. */
export interface GateContext {
	getNode(): INode;
	logger: Logger;
}

/** How often a run logs that it waits for the rate limit (the first wait is always logged). */
const RATE_LOG_INTERVAL_MS = 10_000;

/**
 * The way every MyPit HTTP attempt goes out: after any pause its API client was asked to take
 * (429), holding one of the run's concurrency permits, in the client's next rate-limit slot.
 * The permit is held for the attempt only, never for a retry wait. A stopped execution (`signal`)
 * gives up wherever it waits, and never starts the attempt.
 */
export class RequestGate {
	private rateWaits = { count: 0, totalMs: 0, loggedAt: Number.NEGATIVE_INFINITY };

	constructor(
		private readonly context: GateContext,
		private readonly permits: Semaphore,
		private readonly budget: ClientBudget,
		/** For log lines: the client ID (never the secret) and the limit it runs under. */
		private readonly client: { clientId: string; maxRequestsPerMinute?: number },
	) {}

	async send<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		for (;;) {
			const pause = this.budget.pauseLeft(Date.now());
			if (pause > 0) await sleepUnlessCancelled(pause, signal);
			const release = await this.permits.acquire();
			try {
				// A 429 elsewhere may have paused the client while this request queued.
				if (this.budget.pauseLeft(Date.now()) > 0) continue;
				await this.waitForSlot(signal);
				return await attempt();
			} finally {
				release();
			}
		}
	}

	/** Waits for this request's send slot; a stop on the way gives the slot back. */
	private async waitForSlot(signal: AbortSignal | undefined): Promise<void> {
		// Requests queued for a permit when the execution stopped take no slot at all.
		throwIfCancelled(signal);
		const slot = this.budget.reserveSlot(Date.now());
		if (slot.waitMs > 0) this.logRateWait(slot.waitMs);
		let reached = false;
		try {
			let wait = slot.waitMs;
			for (;;) {
				if (wait > 0) await sleepUnlessCancelled(wait, signal);
				wait = this.budget.confirmSend(Date.now());
				if (wait === 0) break;
			}
			throwIfCancelled(signal);
			reached = true;
		} finally {
			if (!reached) this.budget.giveBackSlot(slot);
		}
	}

	/** After a 429: every request of this API client waits `ms` before its next attempt. */
	pauseClient(ms: number, endpoint: string, retryAfter: string | undefined): void {
		this.budget.pauseFor(ms, Date.now());
		const why = retryAfter ? `its Retry-After (${retryAfter})` : 'a backoff (no Retry-After given)';
		this.context.logger.info(
			`MyPit answered ${endpoint} with 429 Too Many Requests: every request of client "${this.client.clientId}" waits ${seconds(ms)} before its next attempt, for ${why}`,
			{ node: this.context.getNode().name },
		);
	}

	private logRateWait(ms: number): void {
		const waits = this.rateWaits;
		waits.count += 1;
		waits.totalMs += ms;
		const now = Date.now();
		if (now - waits.loggedAt < RATE_LOG_INTERVAL_MS) return;
		waits.loggedAt = now;
		this.context.logger.info(
			`MyPit request waits ${seconds(ms)} for the credential's Max Requests per Minute (${this.client.maxRequestsPerMinute} for client "${this.client.clientId}"); ${waits.count} request(s) of this run have waited ${seconds(waits.totalMs)} in all`,
			{ node: this.context.getNode().name },
		);
	}
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`;
}

/**
 * Five at once: a run of thousands of items still moves at about 100 requests per second
 * against an API that answers in 50 ms, while one node never bursts more than a handful of
 * requests at a service whose own guide asks clients to throttle themselves.
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
export const MAX_CONCURRENT_REQUESTS = 1000;
export const MAX_REQUESTS_PER_MINUTE = 100_000;

/**
 * A gate with its own concurrency bound, on the shared budget of the credential's API client:
 * the action node makes one per run, the trigger one per poll.
 */
export function clientGate(
	context: GateContext,
	credentials: ICredentialDataDecryptedObject,
	maxConcurrent: number,
): RequestGate {
	const maxRequestsPerMinute = readMaxRequestsPerMinute(credentials.maxRequestsPerMinute);
	const clientId = String(credentials.clientId ?? '');
	const budget = budgetFor(String(credentials.baseUrl ?? ''), clientId);
	// The newest setting wins when two credentials share a client ID.
	budget.setLimit(maxRequestsPerMinute);
	return new RequestGate(context, new Semaphore(maxConcurrent), budget, {
		clientId,
		maxRequestsPerMinute,
	});
}

/** Empty or 0: no limit. */
export function readMaxRequestsPerMinute(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < 1 ||
		value > MAX_REQUESTS_PER_MINUTE
	) {
		throw new InputError(
			'Max Requests per Minute',
			`a whole number from 1 to ${MAX_REQUESTS_PER_MINUTE} in the MyPit credential, or empty for no limit`,
			describeValue(value),
		);
	}
	return value;
}
