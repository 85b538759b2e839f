import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The one reader of MyPit's cursor-paged lists: `{numItems, cursor}` in, `{page, hasMore, cursor}` out. */

/**
 * 100 records per page: the page size of the API's own examples and of Convex-style backends,
 * about 30–60 KB of JSON per response, 1,000 requests for 100,000 records.
 */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest page the node asks for: readers that keep few records read this size. */
export const MAX_PAGE_SIZE = 1000;
/** A backend may return a few empty pages while `hasMore` is true; endless ones are a fault. */
export const MAX_EMPTY_PAGES_IN_A_ROW = 5;

/** One page of a cursor-paginated list as the API answers it. */
export interface PageResponse {
	page?: unknown;
	hasMore?: unknown;
	cursor?: unknown;
}

/** What one request asks for; `cursor: null` only for a first page the API wants it on. */
export interface PaginationOpts {
	numItems: number;
	cursor?: string | null;
}

/** A page's records, and the cursor of the next page (none: the list is complete) or what is wrong. */
interface PageStep {
	records: IDataObject[];
	next?: string;
	problem?: string;
}

/**
 * Reads the pages of one listing in order and refuses answers that would loop forever or lose
 * records: no page list, more records without a cursor, a cursor sent before (a cycle of any
 * length), or endless empty pages. Empty pages count only while they come in a row.
 */
export class PageGuard {
	private readonly usedCursors = new Set<string>();
	private emptyPagesInARow = 0;

	/** `startCursor`: the cursor the listing starts from counts as sent. */
	constructor(startCursor?: string) {
		if (startCursor !== undefined) this.usedCursors.add(startCursor);
	}

	read(response: unknown): PageStep {
		const answer = response as PageResponse | undefined;
		if (!answer || !Array.isArray(answer.page))
			return { records: [], problem: 'answered without a "page" list' };
		const records = answer.page as IDataObject[];
		if (answer.hasMore !== true) return { records };

		if (typeof answer.cursor !== 'string' || answer.cursor === '') {
			return { records, problem: 'said more records follow but sent no cursor' };
		}
		if (this.usedCursors.has(answer.cursor))
			return { records, problem: 'sent a cursor it had already sent' };
		this.emptyPagesInARow = records.length === 0 ? this.emptyPagesInARow + 1 : 0;
		if (this.emptyPagesInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
			return {
				records,
				problem: `returned ${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row while saying more records follow`,
			};
		}
		this.usedCursors.add(answer.cursor);
		return { records, next: answer.cursor };
	}
}

/** How far a listing got: page numbers count answered pages from 1. */
interface PagerProgress {
	/** The page being read (or that failed). */
	page: number;
	/** Records kept so far (matching ones, with a filter). */
	kept: number;
	/** Records read so far, kept or not. */
	scanned: number;
}

interface PagerSettings {
	/** Records to ask for per request. */
	pageSize: number;
	/** Stop once this many records are kept (default: all of them). */
	limit?: number;
	/** Keep only the records this accepts; the listing reads on until `limit` of them match. */
	matches?: (record: IDataObject) => boolean;
	/**
	 * Ask for full pages and count the matches on the last page read beyond `limit`, instead of
	 * trimming the last request to the records still missing.
	 */
	countBeyondLimit?: boolean;
	/** Where to start (a saved position, an editor's page token); none: the first page. */
	startCursor?: string;
	/** Stop after this many answered pages (default: no bound). */
	maxPages?: number;
	/** Asked after each page that has more after it: false stops the listing there. */
	keepReading?: (page: IDataObject[]) => boolean;
	/** The error to throw when the guard refuses a page. */
	problem: (problem: string, at: PagerProgress) => Error;
	/** The error to throw for a failed request (default: the failure itself). */
	failure?: (failure: unknown, at: PagerProgress) => unknown;
}

export interface PagerRead {
	records: IDataObject[];
	/** Matching records seen on the last page beyond `limit` (only with `countBeyondLimit`). */
	moreMatched: number;
	/** The last page was read: nothing follows what was scanned. */
	reachedEnd: boolean;
	/** The last page's cursor, when the end was reached and MyPit sent one. */
	endCursor?: string;
	/** Where a later read resumes, when the listing stopped before its end. */
	nextCursor?: string;
	/** Requests sent, the refused first request included. */
	requests: number;
	/** Records read, kept or not. */
	scanned: number;
}

/**
 * Follows `hasMore`/`cursor` from the start (or `startCursor`) until the end, the limit, the
 * page bound or `keepReading` says stop. Without a filter the page size is trimmed to the
 * records still missing, so a Limit never fetches more than it needs.
 *
 * The first cursor: the document types it as optional, while Convex-style validators want it
 * present as `null`. The first page goes without it; a 400 about the cursor asks once more with
 * `cursor: null`. Cancellation is the request's job (the client refuses to start after Stop).
 */
export async function readPages(
	request: (paginationOpts: PaginationOpts) => Promise<unknown>,
	settings: PagerSettings,
): Promise<PagerRead> {
	const limit = settings.limit ?? Number.POSITIVE_INFINITY;
	const matches = settings.matches;
	const trim = matches === undefined && settings.countBeyondLimit !== true;
	const guard = new PageGuard(settings.startCursor);
	const read: PagerRead = {
		records: [],
		moreMatched: 0,
		reachedEnd: false,
		requests: 0,
		scanned: 0,
	};
	let cursor = settings.startCursor;
	let sendNullCursor = false;

	for (let page = 1; read.records.length < limit; page++) {
		const at = (): PagerProgress => ({ page, kept: read.records.length, scanned: read.scanned });
		const numItems = trim
			? Math.min(settings.pageSize, limit - read.records.length)
			: settings.pageSize;
		read.requests++;
		let opts: PaginationOpts = { numItems };
		if (cursor !== undefined) opts = { numItems, cursor };
		else if (sendNullCursor) opts = { numItems, cursor: null };
		const outcome = await request(opts).then(
			(answer) => ({ answer }),
			(failure: unknown) => ({ failure }),
		);
		if ('failure' in outcome) {
			if (cursor === undefined && !sendNullCursor && rejectsCursor(outcome.failure)) {
				sendNullCursor = true;
				page--;
				continue;
			}
			throw settings.failure ? settings.failure(outcome.failure, at()) : outcome.failure;
		}
		const step = guard.read(outcome.answer);
		read.scanned += step.records.length;
		for (const record of step.records) {
			if (matches !== undefined && !matches(record)) continue;
			if (read.records.length < limit) read.records.push(record);
			else read.moreMatched++;
		}
		const answer = outcome.answer as PageResponse | undefined;
		const hasPage = Array.isArray(answer?.page);
		if (hasPage && answer?.hasMore !== true) {
			read.reachedEnd = true;
			const end = answer?.cursor;
			if (typeof end === 'string' && end !== '') read.endCursor = end;
			return read;
		}
		// The caller needs nothing after this page: what it says about the next one does not matter.
		const stop =
			hasPage && settings.keepReading !== undefined && !settings.keepReading(step.records);
		if (step.problem !== undefined && !stop) throw settings.problem(step.problem, at());
		cursor = step.next;
		if (stop) break;
		if (settings.maxPages !== undefined && page >= settings.maxPages) break;
	}
	read.nextCursor = cursor;
	return read;
}

/** A 400 that names the cursor: a missing first cursor, or a saved cursor the API no longer takes. */
export function rejectsCursor(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400' && /cursor/i.test(error.message);
}
