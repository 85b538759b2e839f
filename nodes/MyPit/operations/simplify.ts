import type { IDataObject } from 'n8n-workflow';

import { withReadableDates } from './readableDates';

/**
 * The fields a workflow usually needs from each record; Simplify off returns the whole record.
 * The dates come with their ISO text beside them (`expiresAt`, `expiresAtIso`).
 */
const SIMPLE_FIELDS = {
	template: [
		'_id',
		'name',
		'type',
		'description',
		'criteria',
		'validityPeriod',
		'price',
		'imageUrl',
		'isActive',
		'createdAt',
		'updatedAt',
	],
	holder: ['_id', 'name', 'email', 'phone', 'holderDid', 'holderId', 'memo', 'createdAt'],
	badge: ['_id', 'templateId', 'recipientId', 'type', 'status', 'issuedAt', 'expiresAt'],
} as const;

export type RecordKind = keyof typeof SIMPLE_FIELDS;

export function simplifyRecord(kind: RecordKind, record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS[kind]) {
		if (record[field] !== undefined) simple[field] = record[field];
	}
	return withReadableDates(simple);
}
