import type { IDataObject, INode } from 'n8n-workflow';

import { LIST_FILTERS, type FilteredKind } from '../descriptions/listFilters';
import type { PagerRead } from '../transport/cursorPager';

const PLURAL: Record<FilteredKind, string> = {
	holder: 'holders',
	template: 'templates',
	badge: 'badges',
};

/** `$fromAI('key'` in a parameter's expression: the argument a model fills in. */
const FROM_AI_KEY = /\$fromAI\(\s*(['"`])([\w-]+)\1/;

/**
 * Get Many's answer to an AI agent: one JSON object, never the whole account. It holds the
 * records kept (at most the tool's bound), how many more matched (exact when the whole list
 * was read, otherwise a lower bound) and, when more matched, how to narrow the search with the
 * tool's own arguments (the Filters that read `$fromAI`).
 */
export function toolListAnswer(
	kind: FilteredKind,
	node: INode,
	read: PagerRead,
	records: IDataObject[],
): IDataObject {
	const plural = PLURAL[kind];
	const more = read.moreMatched;
	const exact = read.reachedEnd;
	const answer: IDataObject = { [plural]: records, returned: records.length };
	answer.moreMatching = more;
	answer.moreMatchingIsExact = exact;
	if (records.length === 0) {
		answer.note = `No ${plural} match.${narrowing(kind, node, 'Try other values')}`;
	} else if (more === 0 && exact) {
		answer.note = `All matching ${plural} are listed (${records.length}).`;
	} else if (more === 0) {
		answer.note = `More ${plural} may match: the list was not read past the last of these.${narrowing(kind, node, 'Narrow the search')}`;
	} else {
		const count = exact ? `${more} more ${plural} match` : `At least ${more} more ${plural} match`;
		answer.note = `${count} but are not listed.${narrowing(kind, node, 'Narrow the search')}`;
	}
	return answer;
}

/** What this tool lets a model filter on: its arguments that fill a filter. */
function narrowing(kind: FilteredKind, node: INode, verb: string): string {
	const filters = (node.parameters.filters ?? {}) as IDataObject;
	const argumentsOfTool = LIST_FILTERS[kind].flatMap((filter) => {
		const value = filters[filter.property.name];
		const key = typeof value === 'string' ? FROM_AI_KEY.exec(value)?.[2] : undefined;
		return key === undefined ? [] : [`${key}: ${filter.hint}`];
	});
	if (argumentsOfTool.length > 0)
		return ` ${verb} with this tool's arguments: ${argumentsOfTool.join('; ')}.`;
	const all = LIST_FILTERS[kind].map((filter) => filter.hint).join('; ');
	return ` This tool takes no search arguments; its workflow can add Filters read from the model ($fromAI): ${all}.`;
}
