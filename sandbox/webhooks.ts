/**
 * Webhooks as the API document sketches them for the future: `{event, data}` POSTed to a URL
 * for `badge.issued`, `holder.created` and `template.created`. A subscription names the URL,
 * optionally the events and the account (userId) it wants; deliveries are sent once, without
 * retries, and recorded so tests can wait for them and read their outcome.
 */
import { ControlInputError } from './faults';

export type WebhookEvent = 'badge.issued' | 'holder.created' | 'template.created';
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = [
	'badge.issued',
	'holder.created',
	'template.created',
];

export interface WebhookSubscription {
	url: string;
	/** Default: every event. */
	events?: WebhookEvent[];
	/** Only records of this owner; default: every account. */
	userId?: string;
}

export interface WebhookDelivery {
	url: string;
	event: WebhookEvent;
	recordId: string;
	/** The receiver's HTTP status; 0 when it could not be reached. */
	status: number;
	error?: string;
}

/** The document's example reads `data.badgeId` / `data.templateId`: named beside the record's own fields. */
const ID_ALIAS: Record<WebhookEvent, string | undefined> = {
	'badge.issued': 'badgeId',
	'template.created': 'templateId',
	// A holder record already has `holderId` (the issuer's own ID for the person): kept as is.
	'holder.created': undefined,
};

export function checkSubscription(value: Record<string, unknown>): WebhookSubscription {
	for (const key of Object.keys(value)) {
		if (!['url', 'events', 'userId'].includes(key))
			throw new ControlInputError(`Unexpected field "${key}" in webhook`);
	}
	const { url, events, userId } = value;
	if (typeof url !== 'string' || !/^https?:\/\//.test(url))
		throw new ControlInputError('webhook "url" must be an http(s) URL');
	if (events !== undefined) {
		if (
			!Array.isArray(events) ||
			events.some((event) => !WEBHOOK_EVENTS.includes(event as WebhookEvent))
		) {
			throw new ControlInputError(
				`webhook "events" must be a list of ${WEBHOOK_EVENTS.join(', ')}`,
			);
		}
	}
	if (userId !== undefined && typeof userId !== 'string')
		throw new ControlInputError('webhook "userId" must be a string');
	return {
		url,
		...(events ? { events: events as WebhookEvent[] } : {}),
		...(userId ? { userId } : {}),
	};
}

export class Webhooks {
	private subscriptions: WebhookSubscription[] = [];
	private delivered: WebhookDelivery[] = [];
	private pending = new Set<Promise<void>>();

	subscribe(subscription: WebhookSubscription): void {
		this.subscriptions.push(subscription);
	}

	list(): { subscriptions: WebhookSubscription[]; deliveries: WebhookDelivery[] } {
		return { subscriptions: [...this.subscriptions], deliveries: [...this.delivered] };
	}

	clear(): void {
		this.subscriptions = [];
		this.delivered = [];
	}

	/** Resolves when every delivery started so far has finished. */
	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	dispatch(event: WebhookEvent, ownerId: string, record: { _id: string }): void {
		const alias = ID_ALIAS[event];
		const data = alias ? { ...record, [alias]: record._id } : { ...record };
		for (const subscription of this.subscriptions) {
			if (subscription.events && !subscription.events.includes(event)) continue;
			if (subscription.userId && subscription.userId !== ownerId) continue;
			const delivery = this.post(subscription.url, event, record._id, { event, data });
			this.pending.add(delivery);
			void delivery.finally(() => this.pending.delete(delivery));
		}
	}

	private async post(
		url: string,
		event: WebhookEvent,
		recordId: string,
		body: unknown,
	): Promise<void> {
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(10_000),
			});
			await response.arrayBuffer();
			this.delivered.push({ url, event, recordId, status: response.status });
		} catch (error) {
			this.delivered.push({ url, event, recordId, status: 0, error: (error as Error).message });
		}
	}
}
