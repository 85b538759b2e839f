/**
 * What all requests of one MyPit API client share inside this n8n process, whichever node,
 * execution or workflow sends them: the credential's "Max Requests per Minute" and a pause after
 * a 429. Pure bookkeeping: the caller gets how long to wait and does the waiting.
 */
export class ClientBudget {
	/** Epoch ms before which no request of this client is sent (after a 429). */
	private pausedUntil = 0;
	/** Epoch ms of the next free send slot when a limit is set. */
	private nextSlotAt = 0;
	/** Milliseconds between two sends; 0 = no limit. */
	private spacingMs = 0;
	/** Epoch ms of the last send under the limit. */
	private lastSentAt = Number.NEGATIVE_INFINITY;
	/** Slots given back by stopped requests, by the epoch ms each ends at. */
	private readonly givenBack = new Map<number, number>();

	/**
	 * Requests are spread evenly, one every 60/N seconds, rather than N at once and then a minute
	 * of nothing: any 60-second window then holds at most N sends, and a short run is as fast
	 * as the limit allows from its first request.
	 */
	setLimit(perMinute: number | undefined): void {
		this.spacingMs = perMinute ? 60_000 / perMinute : 0;
	}

	get limited(): boolean {
		return this.spacingMs > 0;
	}

	/** How long a request must wait for a pause set after a 429 (0 when there is none). */
	pauseLeft(now: number): number {
		return Math.max(0, this.pausedUntil - now);
	}

	/** Every request of the client waits at least `ms` from `now` before its next send. */
	pauseFor(ms: number, now: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, now + ms);
	}

	/** Takes the next send slot, in arrival order: when it is and how long to wait for it. */
	reserveSlot(now: number): SlotReservation {
		if (!this.limited) return { slotAt: now, endsAt: now, waitMs: 0 };
		// Every slot taken so far has passed: none given back can be reused any more.
		if (now >= this.nextSlotAt) this.givenBack.clear();
		const slotAt = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = slotAt + this.spacingMs;
		return { slotAt, endsAt: this.nextSlotAt, waitMs: slotAt - now };
	}

	/**
	 * A request stopped before its slot gives the slot back. Slots are handed out in a row, so
	 * the row only shrinks from its end: once every slot after this one is given back too, the
	 * next request takes the earliest of them. Without this, a stopped run would leave the
	 * client's next request waiting up to (permits × spacing) for slots nobody uses.
	 */
	giveBackSlot(slot: SlotReservation): void {
		if (!this.limited) return;
		// Keyed by where the slot ends, as reserveSlot set it: exact, whatever the limit is now.
		this.givenBack.set(slot.endsAt, slot.slotAt);
		for (;;) {
			const start = this.givenBack.get(this.nextSlotAt);
			if (start === undefined) return;
			this.givenBack.delete(this.nextSlotAt);
			this.nextSlotAt = start;
		}
	}

	/**
	 * At the slot, just before sending: 0 records the send; more means the previous send went out
	 * late (a busy process wakes timers late) and this one waits that much longer, so two sends
	 * are never closer than the spacing.
	 */
	confirmSend(now: number): number {
		if (!this.limited) return 0;
		const early = this.lastSentAt + this.spacingMs - now;
		if (early > 0) {
			this.nextSlotAt = Math.max(this.nextSlotAt, now + early + this.spacingMs);
			return early;
		}
		this.lastSentAt = now;
		return 0;
	}
}

/** A send slot: its time and where the next one starts (epoch ms), and how long until it. */
interface SlotReservation {
	slotAt: number;
	endsAt: number;
	waitMs: number;
}

/**
 * One budget per API client in this process. Keyed by Base URL and client ID (a client ID belongs
 * to one MyPit service), never by the secret. Entries are tiny and few (one per client used).
 */
const budgets = new Map<string, ClientBudget>();

export function budgetFor(baseUrl: string, clientId: string): ClientBudget {
	const key = `${baseUrl.replace(/\/+$/, '')} ${clientId}`;
	let budget = budgets.get(key);
	if (!budget) budgets.set(key, (budget = new ClientBudget()));
	return budget;
}
