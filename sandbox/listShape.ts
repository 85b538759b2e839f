/**
 * The order the three list endpoints return records in, for clients that must not assume one
 * (the API document does not state it). What the last page carries as its cursor is a reading
 * of the document: `lastPageCursor` in readings.ts.
 */
import { ControlInputError } from './faults';

export type ListOrder = 'oldest-first' | 'newest-first';

export interface ListShape {
	order: ListOrder;
}

const LIST_ORDERS: readonly ListOrder[] = ['oldest-first', 'newest-first'];

export const defaultListShape = (): ListShape => ({ order: 'oldest-first' });

/** Checks a partial shape completely before anything changes. */
export function checkListShape(partial: Partial<ListShape>): Partial<ListShape> {
	for (const key of Object.keys(partial)) {
		if (key === 'lastPageCursor' || key === 'lastCursor') {
			throw new ControlInputError(
				`"${key}" is the reading lastPageCursor: set it with control.setReadings({lastPageCursor}) or POST /__sandbox/config {"readings": {"lastPageCursor": ...}}`,
			);
		}
		if (key !== 'order') throw new ControlInputError(`Unexpected field "${key}" in list shape`);
	}
	if (partial.order !== undefined && !LIST_ORDERS.includes(partial.order)) {
		throw new ControlInputError(`order must be one of ${LIST_ORDERS.join(', ')}`);
	}
	return partial;
}
