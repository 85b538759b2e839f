import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { requirePositiveInteger } from '../shared/validation';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/** Reads the Return All / Limit / Page Size / Simplify parameters of a Get Many operation. */
export function readListParameters(context: IExecuteSingleFunctions) {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll
		? Number.POSITIVE_INFINITY
		: requirePositiveInteger(context.getNodeParameter('limit', 50), 'Limit');
	const pageSize = requirePositiveInteger(
		context.getNodeParameter('options.pageSize', DEFAULT_PAGE_SIZE),
		'Page Size',
		MAX_PAGE_SIZE,
	);
	return { limit, pageSize, simplify: readSimplify(context) };
}

export function readSimplify(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('simplify', true) as boolean;
}
