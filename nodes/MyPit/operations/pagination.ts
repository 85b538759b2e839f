import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { MyPitClient } from '../transport/client';
import type { Endpoint } from '../transport/endpoints';

/**
 * 100 records per page: the page size of the API's own examples and of Convex-style backends,
 * about 30–60 KB of JSON per response, 1,000 requests for 100,000 records.
 */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** A backend may return a few empty pages while `hasMore` is true; endless ones are a fault. */
const MAX_EMPTY_PAGES_IN_A_ROW = 5;

interface PageResponse {
	page?: unknown;
	hasMore?: unknown;
	cursor?: unknown;
}

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
	const usedCursors = new Set<string>();
	let cursor: string | undefined;
	let sendNullCursor = false;
	let emptyPagesInARow = 0;

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
			failure.description = `Page ${pageNumber} of the listing failed after ${records.length} records. ${failure.description ?? ''}`.trim();
			throw failure;
		}
		const { response } = answer;

		if (!response || !Array.isArray(response.page)) throw fail('answered without a "page" list');
		const page = response.page as IDataObject[];
		for (const record of page) {
			if (records.length >= walk.limit) break;
			records.push(record);
		}
		if (response.hasMore !== true) break;

		if (typeof response.cursor !== 'string' || response.cursor === '') {
			throw fail('said more records follow but sent no cursor');
		}
		if (response.cursor === cursor || usedCursors.has(response.cursor)) {
			throw fail('sent a cursor it had already sent');
		}
		emptyPagesInARow = page.length === 0 ? emptyPagesInARow + 1 : 0;
		if (emptyPagesInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
			throw fail(`returned ${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row while saying more records follow`);
		}
		usedCursors.add(response.cursor);
		cursor = response.cursor;
	}
	return records;
}

function paginationOpts(numItems: number, cursor: string | undefined, sendNullCursor: boolean) {
	if (cursor !== undefined) return { numItems, cursor };
	return sendNullCursor ? { numItems, cursor: null } : { numItems };
}

function rejectsMissingCursor(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		error.httpCode === '400' &&
		/cursor/i.test(error.message)
	);
}
