import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { MyPitClient } from '../transport/client';
import type { Endpoint } from '../transport/endpoints';
import { PageGuard, type PageResponse } from './pageGuard';

/**
 * 100 records per page: the page size of the API's own examples and of Convex-style backends,
 * about 30–60 KB of JSON per response, 1,000 requests for 100,000 records.
 */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageWalk {
	userId: string;
	/** Stop as soon as this many records are in hand (Infinity: all of them). */
	limit: number;
	pageSize: number;
}

/**
 * Follows `hasMore`/`cursor` through a cursor-paginated list. The page size is trimmed to the
 * records still missing, so a Limit never fetches more pages than it needs.
 */
export async function fetchPages(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	walk: PageWalk,
	itemIndex: number,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	const guard = new PageGuard();
	let cursor: string | undefined;
	let sendNullCursor = false;

	for (let pageNumber = 1; records.length < walk.limit; pageNumber++) {
		const numItems = Math.min(walk.pageSize, walk.limit - records.length);
		const fail = (problem: string) =>
			new NodeOperationError(node, `MyPit's ${endpoint.path} ${problem} (page ${pageNumber})`, {
				itemIndex,
				description: `${records.length} records were read before this page. The listing was stopped so it cannot loop forever or return wrong data.`,
			});

		const answer = await client
			.request<PageResponse>(endpoint, {
				userId: walk.userId,
				paginationOpts: paginationOpts(numItems, cursor, sendNullCursor),
			})
			.then(
				(response) => ({ response }),
				(failure: NodeApiError) => ({ failure }),
			);
		if ('failure' in answer) {
			// The document types the first cursor as optional, while Convex-style validators want
			// it present as null. Ask once more the other way if the API says so.
			if (pageNumber === 1 && !sendNullCursor && rejectsMissingCursor(answer.failure)) {
				sendNullCursor = true;
				pageNumber--;
				continue;
			}
			const { failure } = answer;
			failure.description =
				`Page ${pageNumber} of the listing failed after ${records.length} records. ${failure.description ?? ''}`.trim();
			throw failure;
		}
		const step = guard.read(answer.response);
		for (const record of step.records) {
			if (records.length >= walk.limit) break;
			records.push(record);
		}
		if (step.problem !== undefined) throw fail(step.problem);
		if (step.next === undefined) break;
		cursor = step.next;
	}
	return records;
}

function paginationOpts(numItems: number, cursor: string | undefined, sendNullCursor: boolean) {
	if (cursor !== undefined) return { numItems, cursor };
	return sendNullCursor ? { numItems, cursor: null } : { numItems };
}

function rejectsMissingCursor(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400' && /cursor/i.test(error.message);
}
