import type { ItemScope } from '../execution/scope';
import { requirePositiveInteger } from '../shared/validation';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../transport/cursorPager';

/** Reads the Return All / Limit / Page Size / Simplify parameters of a Get Many operation. */
export function readListParameters(item: ItemScope) {
	const returnAll = item.parameter('returnAll', false) as boolean;
	const limit = returnAll
		? Number.POSITIVE_INFINITY
		: requirePositiveInteger(item.parameter('limit', 50), 'Limit');
	const pageSize = requirePositiveInteger(
		item.parameter('options.pageSize', DEFAULT_PAGE_SIZE),
		'Page Size',
		MAX_PAGE_SIZE,
	);
	return { limit, pageSize, simplify: readSimplify(item) };
}

export function readSimplify(item: ItemScope): boolean {
	return item.parameter('simplify', true) as boolean;
}
