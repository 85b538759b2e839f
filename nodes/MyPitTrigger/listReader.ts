import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from '../MyPit/operations/pagination';
import type { MyPitClient } from '../MyPit/transport/client';
import type { Endpoint } from '../MyPit/transport/endpoints';

/** A backend may return a few empty pages while `hasMore` is true; endless ones are a fault. */
const MAX_EMPTY_PAGES_IN_A_ROW = 5;

export interface ListRead {
	records: IDataObject[];
	/** The last page's cursor when it is a non-empty string: where a later read can resume. */
	endCursor?: string;
	requests: number;
}

interface PageAnswer {
	page?: unknown;
	hasMore?: unknown;
	cursor?: unknown;
}

/**
 * Reads a cursor-paged list from `startCursor` (or the beginning) page by page, as large as the
 * API allows, until the last page or until `keepReading` says the rest is not needed.
 * Nothing is kept between calls: a failure throws and leaves the caller's position as it was.
 */
export async function readList(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	userId: string,
	startCursor: string | undefined,
	keepReading: (page: IDataObject[]) => boolean = () => true,
): Promise<ListRead> {
	const records: IDataObject[] = [];
	const usedCursors = new Set<string>();
	let cursor = startCursor;
	let sendNullCursor = false;
	let emptyPagesInARow = 0;
	let requests = 0;

	for (;;) {
		const paginationOpts: IDataObject = { numItems: MAX_PAGE_SIZE };
		if (cursor !== undefined) paginationOpts.cursor = cursor;
		else if (sendNullCursor) paginationOpts.cursor = null;
		requests++;
		const outcome = await client.request<PageAnswer>(endpoint, { userId, paginationOpts }).then(
			(answer) => ({ answer }),
			(failure: NodeApiError) => ({ failure }),
		);
		if ('failure' in outcome) {
			// The document types the first cursor as optional, while Convex-style validators want
			// it present as null: ask once more the other way if the API says so.
			if (cursor === undefined && !sendNullCursor && rejectsCursor(outcome.failure)) {
				sendNullCursor = true;
				continue;
			}
			throw outcome.failure;
		}
		const { answer } = outcome;
		const fail = (problem: string) =>
			new NodeOperationError(node, `MyPit's ${endpoint.path} ${problem}`, {
				description:
					'The poll was stopped so it cannot loop forever; the trigger keeps its position and tries again at the next poll.',
			});
		if (!answer || !Array.isArray(answer.page)) throw fail('answered without a "page" list');
		const page = answer.page as IDataObject[];
		records.push(...page);
		const nextCursor =
			typeof answer.cursor === 'string' && answer.cursor !== '' ? answer.cursor : undefined;
		if (answer.hasMore !== true) return { records, endCursor: nextCursor, requests };
		if (!keepReading(page)) return { records, requests };
		if (nextCursor === undefined) throw fail('said more records follow but sent no cursor');
		if (nextCursor === cursor || usedCursors.has(nextCursor))
			throw fail('sent a cursor it had already sent');
		emptyPagesInARow = page.length === 0 ? emptyPagesInARow + 1 : 0;
		if (emptyPagesInARow >= MAX_EMPTY_PAGES_IN_A_ROW)
			throw fail('returned empty pages while saying more records follow');
		usedCursors.add(nextCursor);
		cursor = nextCursor;
	}
}

/** A 400 that names the cursor: a missing first cursor, or a saved cursor the API no longer takes. */
export function rejectsCursor(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400' && /cursor/i.test(error.message);
}
