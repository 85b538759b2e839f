/**
 * Turns a collection slice into a Convex-style page `{page, hasMore, cursor}` and implements the
 * deliberately misbehaving modes used to test clients.
 */
import type { OwnedCollection } from './collection';
import { type CursorTable, decodeCursor, encodeCursor } from './cursor';
import type { PageResult, PaginationBehaviour } from './types';

export interface PaginationRequest {
	numItems: number;
	cursor?: string | null;
}

export interface PaginationSettings {
	pageCap: number;
	behaviour: PaginationBehaviour;
	/** Source of fresh cursors for the 'empty-pages' mode. */
	nextFreshSeq(): number;
}

export function paginate<T extends { _id: string }>(
	collection: OwnedCollection<T>,
	table: CursorTable,
	owner: string,
	opts: PaginationRequest,
	settings: PaginationSettings,
): PageResult<T> {
	const afterSeq = opts.cursor === undefined || opts.cursor === null ? 0 : decodeCursor(table, opts.cursor);

	if (settings.behaviour === 'empty-pages') {
		return { page: [], hasMore: true, cursor: encodeCursor(table, settings.nextFreshSeq()) };
	}

	const limit = Math.min(opts.numItems, settings.pageCap);
	const slice = collection.sliceAfter(owner, afterSeq, limit);
	const page = slice.items.map((entry) => ({ ...entry.doc }));

	if (settings.behaviour === 'repeat-cursor') {
		// Always hands back the cursor of the first page: a client that trusts it loops forever.
		return { page, hasMore: true, cursor: encodeCursor(table, 0) };
	}

	const last = slice.items[slice.items.length - 1];
	return { page, hasMore: slice.hasMore, cursor: encodeCursor(table, last ? last.seq : afterSeq) };
}
