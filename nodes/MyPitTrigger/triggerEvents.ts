import type { RecordKind } from '../MyPit/operations/simplify';
import { ENDPOINTS, type Endpoint } from '../MyPit/transport/endpoints';

/**
 * The events, named as MyPit's planned webhooks name them (`{event, data}` posted for
 * `badge.issued`, `holder.created`, `template.created`). A webhook mode can later deliver the
 * same events as the same items without changing a saved workflow.
 */
export const TRIGGER_EVENTS = [
	'badge.issued',
	'holder.created',
	'template.created',
	'template.updated',
	'badge.expiring',
	'badge.expired',
] as const;

export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

/** A record that appears in a list: found by its position in the list or by its timestamp. */
export interface NewRecordSource {
	kind: 'new';
	endpoint: Endpoint;
	record: RecordKind;
	timestamp: 'issuedAt' | 'createdAt';
}

/** A template whose `updatedAt` moved: the whole (short) template list is read each poll. */
export interface UpdatedRecordSource {
	kind: 'updated';
	endpoint: Endpoint;
	record: RecordKind;
}

/** A badge whose `expiresAt` comes within a window: every issued badge is read each poll. */
export interface ExpirySource {
	kind: 'expiry';
	endpoint: Endpoint;
	record: RecordKind;
	/** Badge Expiring looks N days ahead; Badge Expired fires at `expiresAt` itself. */
	ahead: boolean;
}

type EventSource = NewRecordSource | UpdatedRecordSource | ExpirySource;

export const EVENT_SOURCES: Record<TriggerEvent, EventSource> = {
	'badge.issued': {
		kind: 'new',
		endpoint: ENDPOINTS.listIssuedBadges,
		record: 'badge',
		timestamp: 'issuedAt',
	},
	'holder.created': {
		kind: 'new',
		endpoint: ENDPOINTS.listHolders,
		record: 'holder',
		timestamp: 'createdAt',
	},
	'template.created': {
		kind: 'new',
		endpoint: ENDPOINTS.listTemplates,
		record: 'template',
		timestamp: 'createdAt',
	},
	'template.updated': { kind: 'updated', endpoint: ENDPOINTS.listTemplates, record: 'template' },
	'badge.expiring': {
		kind: 'expiry',
		endpoint: ENDPOINTS.listIssuedBadges,
		record: 'badge',
		ahead: true,
	},
	'badge.expired': {
		kind: 'expiry',
		endpoint: ENDPOINTS.listIssuedBadges,
		record: 'badge',
		ahead: false,
	},
};

export const isBadgeEvent = (event: TriggerEvent) => EVENT_SOURCES[event].record === 'badge';
