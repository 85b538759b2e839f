import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { MyPitClient } from '../transport/client';
import { MAX_PAGE_SIZE, readPages, type PagerRead } from '../transport/cursorPager';
import type { Endpoint } from '../transport/endpoints';

interface PageWalk {
	userId: string;
	/** Stop as soon as this many records (matching ones, with `matches`) are in hand (Infinity: all). */
	limit: number;
	pageSize: number;
	matches?: (record: IDataObject) => boolean;
	/** Full pages, and a count of the matches read beyond the limit (tool answers). */
	countBeyondLimit?: boolean;
}

/**
 * One of the account's lists, read by the action node through the pager: its errors name the
 * endpoint, the page and the records read before the failure.
 */
export async function readListPages(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	walk: PageWalk,
	itemIndex: number,
): Promise<PagerRead> {
	return await readPages(
		async (paginationOpts) =>
			await client.request(endpoint, { userId: walk.userId, paginationOpts }),
		{
			pageSize: walk.pageSize,
			limit: walk.limit,
			matches: walk.matches,
			countBeyondLimit: walk.countBeyondLimit,
			problem: (problem, at) =>
				new NodeOperationError(node, `MyPit's ${endpoint.path} ${problem} (page ${at.page})`, {
					itemIndex,
					description: `${at.kept} records were read before this page. The listing was stopped so it cannot loop forever or return wrong data.`,
				}),
			failure: (failure, at) => {
				if (failure instanceof NodeApiError)
					failure.description =
						`Page ${at.page} of the listing failed after ${at.kept} records. ${failure.description ?? ''}`.trim();
				return failure;
			},
		},
	);
}

/** A whole list at the largest page size (Skip Holders, Create or Update read it once per run). */
export async function readWholeList(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	userId: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const walk = { userId, limit: Infinity, pageSize: MAX_PAGE_SIZE };
	return (await readListPages(node, client, endpoint, walk, itemIndex)).records;
}
