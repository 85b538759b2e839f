import type { RecordKind } from '../../nodes/MyPit/operations/simplify';
import { ENDPOINTS, type Endpoint } from '../../nodes/MyPit/transport/endpoints';

/** The three lists, with the timestamp the MyPit Trigger finds new records of each by. */
export interface ListSource {
	subject: 'templates' | 'holders' | 'badges';
	endpoint: Endpoint;
	record: RecordKind;
	/** As in the trigger's "new record" events (nodes/MyPitTrigger/triggerEvents.ts). */
	timestamp: 'createdAt' | 'issuedAt';
}

export const LIST_SOURCES: readonly ListSource[] = [
	{
		subject: 'templates',
		endpoint: ENDPOINTS.listTemplates,
		record: 'template',
		timestamp: 'createdAt',
	},
	{ subject: 'holders', endpoint: ENDPOINTS.listHolders, record: 'holder', timestamp: 'createdAt' },
	{
		subject: 'badges',
		endpoint: ENDPOINTS.listIssuedBadges,
		record: 'badge',
		timestamp: 'issuedAt',
	},
];

export const sourceOf = (subject: ListSource['subject']): ListSource =>
	LIST_SOURCES.find((source) => source.subject === subject) as ListSource;
