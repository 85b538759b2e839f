import type { IDataObject } from 'n8n-workflow';

import type { OperationHandler } from '../execution/scope';
import { resolveUserId } from '../shared/identity';
import type { Endpoint } from '../transport/endpoints';
import { readListParameters, readSimplify } from './options';
import { fetchPages } from './pagination';
import { simplifyRecord, type RecordKind } from './simplify';

/** Get Many for any of the three cursor-paginated lists: one output item per record. */
export function listRecords(kind: RecordKind, endpoint: Endpoint): OperationHandler {
	return async ({ item, client }) => {
		const { limit, pageSize, simplify } = readListParameters(item);
		const userId = resolveUserId(item);
		const records = await fetchPages(
			item.run.node,
			client,
			endpoint,
			{ userId, limit, pageSize },
			item.index,
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
	return async ({ item, client, body }) => {
		const request = { userId: resolveUserId(item), ...readId(body) };
		const simplify = readSimplify(item);
		const record = await client.request(endpoint, request);
		return [simplify ? simplifyRecord(kind, record) : record];
	};
}
