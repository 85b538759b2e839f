/**
 * How the three list endpoints shape their answers, for clients that must not assume either:
 * the order of records (the API document does not state it) and what the last page carries
 * as its cursor (a string that resumes after the last record, null, or nothing).
 */
import { ControlInputError } from './faults';

export type ListOrder = 'oldest-first' | 'newest-first';
export type LastPageCursor = 'string' | 'null' | 'absent';

export interface ListShape {
	order: ListOrder;
	lastPageCursor: LastPageCursor;
}

export const LIST_ORDERS: readonly ListOrder[] = ['oldest-first', 'newest-first'];
export const LAST_PAGE_CURSORS: readonly LastPageCursor[] = ['string', 'null', 'absent'];

export const defaultListShape = (): ListShape => ({
	order: 'oldest-first',
	lastPageCursor: 'string',
});

/** Checks a partial shape completely before anything changes. */
export function checkListShape(partial: Partial<ListShape>): Partial<ListShape> {
	for (const key of Object.keys(partial)) {
		if (key !== 'order' && key !== 'lastPageCursor')
			throw new ControlInputError(`Unexpected field "${key}" in list shape`);
	}
	if (partial.order !== undefined && !LIST_ORDERS.includes(partial.order)) {
		throw new ControlInputError(`order must be one of ${LIST_ORDERS.join(', ')}`);
	}
	if (partial.lastPageCursor !== undefined && !LAST_PAGE_CURSORS.includes(partial.lastPageCursor)) {
		throw new ControlInputError(`lastPageCursor must be one of ${LAST_PAGE_CURSORS.join(', ')}`);
	}
	return partial;
}

/** The answer of a last page as the chosen shape writes it. */
export function shapeLastPage<T extends { hasMore: boolean; cursor: string }>(
	result: T,
	shape: ListShape,
): T | (Omit<T, 'cursor'> & { cursor?: string | null }) {
	if (result.hasMore || shape.lastPageCursor === 'string') return result;
	if (shape.lastPageCursor === 'null') return { ...result, cursor: null };
	const { cursor: _dropped, ...rest } = result;
	return rest;
}
