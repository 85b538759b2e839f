import type { RecordKind } from '../MyPit/operations/simplify';
import { ENDPOINTS, type Endpoint } from '../MyPit/transport/endpoints';

/** The list an event reads, and the kind of record it holds. */
interface ListSource {
	endpoint: Endpoint;
	record: RecordKind;
}

/** A record that appears in a list: found by its position in the list or by its timestamp. */
export interface NewRecordSource extends ListSource {
	kind: 'new';
	timestamp: 'issuedAt' | 'createdAt';
}

/** A template whose `updatedAt` moved: the whole (short) template list is read each poll. */
export interface UpdatedRecordSource extends ListSource {
	kind: 'updated';
}

/** A badge whose `expiresAt` comes within a window: every issued badge is read each poll. */
export interface ExpirySource extends ListSource {
	kind: 'expiry';
	/** Badge Expiring looks N days ahead; Badge Expired fires at `expiresAt` itself. */
	ahead: boolean;
}

type EventSource = NewRecordSource | UpdatedRecordSource | ExpirySource;

const BADGES = { endpoint: ENDPOINTS.listIssuedBadges, record: 'badge' } as const;
const HOLDERS = { endpoint: ENDPOINTS.listHolders, record: 'holder' } as const;
const TEMPLATES = { endpoint: ENDPOINTS.listTemplates, record: 'template' } as const;

/**
 * The events, named as MyPit's planned webhooks name them (`{event, data}` posted for
 * `badge.issued`, `holder.created`, `template.created`). A webhook mode can later deliver the
 * same events as the same items without changing a saved workflow.
 */
export const EVENT_SOURCES = {
	'badge.issued': { kind: 'new', ...BADGES, timestamp: 'issuedAt' },
	'holder.created': { kind: 'new', ...HOLDERS, timestamp: 'createdAt' },
	'template.created': { kind: 'new', ...TEMPLATES, timestamp: 'createdAt' },
	'template.updated': { kind: 'updated', ...TEMPLATES },
	'badge.expiring': { kind: 'expiry', ...BADGES, ahead: true },
	'badge.expired': { kind: 'expiry', ...BADGES, ahead: false },
} satisfies Record<string, EventSource>;

export type TriggerEvent = keyof typeof EVENT_SOURCES;
export const TRIGGER_EVENTS = Object.keys(EVENT_SOURCES) as TriggerEvent[];
