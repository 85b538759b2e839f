/**
 * Turns a collection slice into a Convex-style page `{page, hasMore, cursor}` and implements the
 * deliberately misbehaving modes used to test clients.
 */
import type { OwnedCollection } from './collection';
import { type CursorTable, decodeCursor, encodeCursor } from './cursor';
import type { ListShape } from './listShape';
import type { PageResult, PaginationBehaviour } from './types';

interface PaginationRequest {
	numItems: number;
	cursor?: string | null;
}

export interface PaginationSettings {
	pageCap: number;
	behaviour: PaginationBehaviour;
	/** Source of fresh cursors for the 'empty-pages' mode. */
	nextFreshSeq(): number;
	/** Order of records (default oldest first). */
	listShape?: ListShape;
	/** A fresh cursor sequence that stands for `position` ('scattered-empty-pages'). */
	detourTo(position: number): number;
	/** The real position a fresh cursor sequence stands for, if it is one. */
	detourTarget(seq: number): number | undefined;
}

export function paginate<T extends { _id: string }>(
	collection: OwnedCollection<T>,
	table: CursorTable,
	owner: string,
	opts: PaginationRequest,
	settings: PaginationSettings,
): PageResult<T> {
	const requested =
		opts.cursor === undefined || opts.cursor === null ? 0 : decodeCursor(table, opts.cursor);

	if (settings.behaviour === 'empty-pages') {
		return { page: [], hasMore: true, cursor: encodeCursor(table, settings.nextFreshSeq()) };
	}

	const detour = settings.detourTarget(requested);
	if (settings.behaviour === 'scattered-empty-pages' && requested !== 0 && detour === undefined) {
		// Before every page but the first: an empty page whose fresh cursor leads to the real one.
		return { page: [], hasMore: true, cursor: encodeCursor(table, settings.detourTo(requested)) };
	}
	const afterSeq = detour ?? requested;

	const limit = Math.min(opts.numItems, settings.pageCap);
	if (settings.listShape?.order === 'newest-first') {
		// A cursor names the oldest record a page returned; the next page holds older ones.
		const beforeSeq =
			opts.cursor === undefined || opts.cursor === null ? Number.MAX_SAFE_INTEGER : afterSeq;
		const slice = collection.sliceBefore(owner, beforeSeq, limit);
		const last = slice.items[slice.items.length - 1];
		return {
			page: slice.items.map((entry) => ({ ...entry.doc })),
			hasMore: slice.hasMore,
			cursor: encodeCursor(table, last ? last.seq : 0),
		};
	}
	const slice = collection.sliceAfter(owner, afterSeq, limit);
	const page = slice.items.map((entry) => ({ ...entry.doc }));

	if (settings.behaviour === 'repeat-cursor') {
		// Always hands back the cursor of the first page: a client that trusts it loops forever.
		return { page, hasMore: true, cursor: encodeCursor(table, 0) };
	}

	const last = slice.items[slice.items.length - 1];
	const end = last ? last.seq : afterSeq;

	if (settings.behaviour === 'cycle-cursor') {
		// A (end of the first page) → B (end of the second) → A again: a client that only
		// compares a cursor with the previous one loops forever.
		const firstPage = collection.sliceAfter(owner, 0, limit).items;
		const endOfFirst = firstPage[firstPage.length - 1]?.seq ?? 0;
		const next = afterSeq === 0 || afterSeq === endOfFirst ? end : endOfFirst;
		return { page, hasMore: true, cursor: encodeCursor(table, next) };
	}
	return { page, hasMore: slice.hasMore, cursor: encodeCursor(table, end) };
}
