import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_TOOL_ANSWER_LIMIT, MAX_TOOL_ANSWER_LIMIT } from '../descriptions/common';
import { readListFilter, type FilteredKind } from '../descriptions/listFilters';
import type { ItemScope } from '../execution/scope';
import { requirePositiveInteger } from '../shared/validation';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../transport/cursorPager';

interface ListParameters {
	/** Records to keep (Infinity: Return All). */
	limit: number;
	pageSize: number;
	simplify: boolean;
	/** The Filters as one record test; none set: undefined. */
	matches?: (record: IDataObject) => boolean;
}

/**
 * Reads the Return All / Limit / Filters / Page Size / Simplify parameters of a Get Many
 * operation, every value checked before any request. With a filter the records kept are few,
 * so pages are as large as the API allows unless Page Size is set.
 */
export function readListParameters(item: ItemScope, kind: FilteredKind): ListParameters {
	const returnAll = item.parameter('returnAll', false) as boolean;
	const limit = returnAll
		? Number.POSITIVE_INFINITY
		: requirePositiveInteger(item.parameter('limit', 50), 'Limit');
	const matches = readListFilter(kind, item.parameter('filters', {}));
	// null: Page Size not added to the Options (n8n throws for an absent parameter without a fallback).
	const chosenPageSize = item.parameter('options.pageSize', null);
	const pageSize = requirePositiveInteger(
		chosenPageSize ?? (matches ? MAX_PAGE_SIZE : DEFAULT_PAGE_SIZE),
		'Page Size',
		MAX_PAGE_SIZE,
	);
	return { limit, pageSize, simplify: readSimplify(item), matches };
}

/** The most records a tool call answers: Max Records in Tool Answer, or a lower Limit. */
export function readToolAnswerLimit(item: ItemScope, limit: number): number {
	const bound = requirePositiveInteger(
		item.parameter('toolAnswerLimit', DEFAULT_TOOL_ANSWER_LIMIT),
		'Max Records in Tool Answer',
		MAX_TOOL_ANSWER_LIMIT,
	);
	return Math.min(bound, limit);
}

export function readSimplify(item: ItemScope): boolean {
	return item.parameter('simplify', true) as boolean;
}
