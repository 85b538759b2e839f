import type { IDataObject } from 'n8n-workflow';

import { resolveUserId } from '../shared/identity';
import type { Endpoint } from '../transport/endpoints';
import { readListParameters, readSimplify } from './options';
import { fetchPages } from './pagination';
import type { OperationHandler } from './runner';
import { simplifyRecord, type RecordKind } from './simplify';

/** Get Many for any of the three cursor-paginated lists: one output item per record. */
export function listRecords(kind: RecordKind, endpoint: Endpoint): OperationHandler {
	return async function ({ client, itemIndex }) {
		const { limit, pageSize, simplify } = readListParameters(this);
		const userId = await resolveUserId(this);
		const records = await fetchPages(
			this.getNode(),
			client,
			endpoint,
			{ userId, limit, pageSize },
			itemIndex,
		);
		return simplify ? records.map((record) => simplifyRecord(kind, record)) : records;
	};
}

/** Get one record: the body is the owner's user ID plus the record's ID under `idField`. */
export function getRecord(
	kind: RecordKind,
	endpoint: Endpoint,
	readId: (body: IDataObject) => IDataObject,
): OperationHandler {
	return async function ({ client, body }) {
		const request = { userId: await resolveUserId(this), ...readId(body) };
		const simplify = readSimplify(this);
		const record = await client.request(endpoint, request);
		return [simplify ? simplifyRecord(kind, record) : record];
	};
}
