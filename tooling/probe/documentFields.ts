/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { RecordKind } from '../../nodes/MyPit/operations/simplify';

/**
 * Record fields as mypit-open-api.txt lists them: SingleBadgeTemplateResponse, SingleHolderResponse
 * (holders may carry "additional fields") and IssuedBadge ("additional badge details").
 */
export const DOCUMENT_FIELDS: Record<RecordKind, { required: string[]; optional: string[] }> = {
	template: {
		required: [
			'_id',
			'name',
			'type',
			'description',
			'criteria',
			'validityPeriod',
			'backgroundColor',
			'textColor',
			'price',
			'isActive',
			'ownerId',
			'createdAt',
			'updatedAt',
		],
		optional: ['imageUrl'],
	},
	holder: {
		required: ['_id', 'name', 'email', 'phone', 'ownerId', 'holderDid', 'issuerDid'],
		optional: ['memo'],
	},
	badge: {
		required: [
			'_id',
			'templateId',
			'recipientId',
			'issuerId',
			'issuedAt',
			'expiresAt',
			'status',
			'type',
		],
		optional: [],
	},
};

/** Fields without which the node cannot do its work, and what needs each. */
export const NODE_NEEDS: Record<RecordKind, Record<string, string>> = {
	template: {
		_id: 'every template operation and the template picker',
		type: 'Issue takes the badge type from the template',
		validityPeriod: 'Issue takes the validity period from the template',
	},
	holder: { _id: 'every holder operation, Issue recipients and the holder picker' },
	badge: {
		_id: 'the MyPit Trigger and Skip Holders Who Already Have It',
		templateId: 'Skip Holders Who Already Have It and the trigger’s Template filter',
		recipientId: 'Skip Holders Who Already Have It',
	},
};

/** The timestamps the node reads, and what reads each (the MyPit Trigger's events, Issue's skip). */
export const TIMESTAMP_USES: Record<RecordKind, Record<string, string>> = {
	template: { createdAt: 'New Template', updatedAt: 'Template Updated' },
	holder: { createdAt: 'New Holder' },
	badge: {
		issuedAt: 'New Issued Badge',
		expiresAt: 'Badge Expiring, Badge Expired and Skip Holders Who Already Have It',
	},
};

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'nodes', 'MyPit', '__schema__', 'v1.0.0');
const SCHEMA_FILES: Record<RecordKind, string[]> = {
	template: ['template/getAll.json', 'template/get.json'],
	holder: ['holder/getAll.json', 'holder/get.json'],
	badge: ['badge/getAll.json'],
};

/** The fields the node's output schemas (what the editor shows before a run) list for a record. */
export function schemaFields(kind: RecordKind): Set<string> {
	const fields = new Set<string>();
	for (const file of SCHEMA_FILES[kind]) {
		const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as {
			properties?: Record<string, unknown>;
		};
		for (const field of Object.keys(schema.properties ?? {})) fields.add(field);
	}
	return fields;
}
