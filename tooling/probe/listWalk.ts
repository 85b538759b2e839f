import type { IDataObject } from 'n8n-workflow';

import { readListPages } from '../../nodes/MyPit/operations/records';
import type { MyPitClient } from '../../nodes/MyPit/transport/client';
import type { PageResponse } from '../../nodes/MyPit/transport/cursorPager';
import { readList } from '../../nodes/MyPitTrigger/pollSetup';
import { PROBE_NODE } from './client';
import type { ListSource } from './listSources';
import type { Exchange, RequestLog } from './requestLog';

/** Small pages first (2, then 1 record): what a first page and a page boundary look like. */
const SMALL_PAGE_SIZE = 2;
const SMALL_PAGE_RECORDS = 3;
/** Then pages as large as the node asks for, at most this many, to reach the last page. */
export const MAX_LARGE_PAGES = 20;

export interface ListWalk {
	source: ListSource;
	/** Records in the order the list gave them. */
	records: IDataObject[];
	/** Every request of the walk, the node's retries and cursor fallback included. */
	exchanges: Exchange[];
	/** The node's error that stopped the walk (its page guard, or an API error). */
	failure?: unknown;
	/** The last page was read (hasMore false, or absent). */
	reachedEnd: boolean;
	/** The last page's answer, as MyPit sent it. */
	lastPage?: PageResponse;
}

/**
 * Walks one list with the node's own code, both through its pager: Get Many's `readListPages` for
 * the small pages (its cursor fallback included), then the MyPit Trigger's `readList` from where it stopped, with
 * the node's page size, to the last page. What MyPit answered is read from the request log.
 */
export async function walkList(
	client: MyPitClient,
	log: RequestLog,
	source: ListSource,
	userId: string,
): Promise<ListWalk> {
	const mark = log.mark();
	const walk: ListWalk = { source, records: [], exchanges: [], reachedEnd: false };
	try {
		const first = await readListPages(
			PROBE_NODE,
			client,
			source.endpoint,
			{ userId, limit: SMALL_PAGE_RECORDS, pageSize: SMALL_PAGE_SIZE },
			0,
		);
		walk.records = first.records;
		if (first.nextCursor !== undefined) {
			let pages = 0;
			const reader = { node: PROBE_NODE, client, userId };
			const rest = await readList(
				reader,
				source.endpoint,
				first.nextCursor,
				() => ++pages < MAX_LARGE_PAGES,
			);
			walk.records.push(...rest.records);
		}
	} catch (error) {
		walk.failure = error;
	}
	walk.exchanges = log.since(mark, source.endpoint.path);
	const last = lastAnswer(walk.exchanges);
	// Only a documented end counts: an odd hasMore ("true" as text) leaves the end unknown.
	walk.reachedEnd =
		walk.failure === undefined &&
		last !== undefined &&
		(last.hasMore === false || last.hasMore === undefined);
	if (walk.reachedEnd) walk.lastPage = last;
	return walk;
}

/** The answer of the last request that MyPit answered with 2xx. */
function lastAnswer(exchanges: readonly Exchange[]): PageResponse | undefined {
	const answered = answeredPages(exchanges);
	return answered[answered.length - 1];
}

export function answeredPages(exchanges: readonly Exchange[]): PageResponse[] {
	return exchanges
		.filter((e) => e.status !== null && e.status >= 200 && e.status < 300)
		.map((e) => (e.answer ?? {}) as PageResponse);
}

/** What the walk asked for on each answered page: numItems and the cursor sent. */
export function askedFor(exchange: Exchange): {
	numItems?: number;
	cursor?: unknown;
	sent: boolean;
} {
	const opts = (exchange.request as { paginationOpts?: IDataObject } | undefined)?.paginationOpts;
	return {
		numItems: typeof opts?.numItems === 'number' ? opts.numItems : undefined,
		cursor: opts?.cursor,
		sent: opts !== undefined && 'cursor' in opts,
	};
}
