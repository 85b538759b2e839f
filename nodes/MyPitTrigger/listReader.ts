import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MyPitClient } from '../MyPit/transport/client';
import { MAX_PAGE_SIZE, readPages } from '../MyPit/transport/cursorPager';
import type { Endpoint } from '../MyPit/transport/endpoints';

export interface ListRead {
	records: IDataObject[];
	/** The last page's cursor when it is a non-empty string: where a later read can resume. */
	endCursor?: string;
	requests: number;
}

/**
 * Reads a list for a poll through the pager, from `startCursor` (or the beginning) in pages as
 * large as the API allows, until the last page or until `keepReading` says the rest is not
 * needed. Nothing is kept between calls: a failure throws and leaves the caller's position as it was.
 */
export async function readList(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	userId: string,
	startCursor: string | undefined,
	keepReading?: (page: IDataObject[]) => boolean,
): Promise<ListRead> {
	const read = await readPages(
		async (paginationOpts) => await client.request(endpoint, { userId, paginationOpts }),
		{
			pageSize: MAX_PAGE_SIZE,
			startCursor,
			keepReading,
			problem: (problem) =>
				new NodeOperationError(node, `MyPit's ${endpoint.path} ${problem}`, {
					description:
						'The poll was stopped so it cannot loop forever; the trigger keeps its position and tries again at the next poll.',
				}),
		},
	);
	return { records: read.records, endCursor: read.endCursor, requests: read.requests };
}

/** The list's first page alone: activation's proof that the list reads, or the top of the list. */
export async function readFirstPage(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	userId: string,
): Promise<ListRead> {
	return await readList(node, client, endpoint, userId, undefined, () => false);
}
