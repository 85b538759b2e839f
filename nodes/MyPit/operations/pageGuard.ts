import type { IDataObject } from 'n8n-workflow';

/** A backend may return a few empty pages while `hasMore` is true; endless ones are a fault. */
export const MAX_EMPTY_PAGES_IN_A_ROW = 5;

/** One page of a cursor-paginated list as the API answers it. */
export interface PageResponse {
	page?: unknown;
	hasMore?: unknown;
	cursor?: unknown;
}

/** A page's records, and the cursor of the next page (none: the list is complete) or what is wrong. */
export interface PageStep {
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
