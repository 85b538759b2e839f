import type { IDataObject } from 'n8n-workflow';

import type { OperationHandler } from '../execution/scope';
import { resolveUserId } from '../shared/identity';
import type { Endpoint } from '../transport/endpoints';
import { readListParameters, readSimplify, readToolAnswerLimit } from './options';
import { readListPages } from './pagination';
import { simplifyRecord, type RecordKind } from './simplify';
import { toolListAnswer } from './toolAnswer';

/**
 * Get Many for any of the three cursor-paginated lists: one output item per record (matching
 * the Filters, if any). An AI agent's tool call gets one answer of bounded size instead.
 */
export function listRecords(kind: RecordKind, endpoint: Endpoint): OperationHandler {
	return async ({ item, client }) => {
		const { limit, pageSize, simplify, matches } = readListParameters(item, kind);
		const asTool = item.run.asTool;
		const keep = asTool ? readToolAnswerLimit(item, limit) : limit;
		const userId = resolveUserId(item);
		const read = await readListPages(
			item.run.node,
			client,
			endpoint,
			{ userId, limit: keep, pageSize, matches, countBeyondLimit: asTool },
			item.index,
		);
		const records = simplify
			? read.records.map((record) => simplifyRecord(kind, record))
			: read.records;
		return asTool ? [toolListAnswer(kind, item.run.node, read, records)] : records;
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
