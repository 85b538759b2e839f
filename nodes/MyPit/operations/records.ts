import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemScope, OperationHandler } from '../execution/scope';
import { DEFAULT_TOOL_ANSWER_LIMIT, MAX_TOOL_ANSWER_LIMIT } from '../descriptions/common';
import { LIST_FILTERS, readListFilter, type FilteredKind } from '../descriptions/listFilters';
import { resolveUserId } from '../shared/identity';
import { requirePositiveInteger } from '../shared/validation';
import type { MyPitClient } from '../transport/client';
import {
	DEFAULT_PAGE_SIZE,
	MAX_PAGE_SIZE,
	readPages,
	type PagerRead,
} from '../transport/cursorPager';
import type { Endpoint } from '../transport/endpoints';
import { simplifyRecord, type RecordKind } from './simplify';

/** The owner of the list, and how much of it to read (the pager's own settings). */
type ListWalk = { userId: string } & Omit<Parameters<typeof readPages>[1], 'problem' | 'failure'>;

/**
 * One of the account's lists, read by the action node through the pager: its errors name the
 * endpoint, the page and the records read before the failure.
 */
export async function readListPages(
	node: INode,
	client: MyPitClient,
	endpoint: Endpoint,
	{ userId, ...walk }: ListWalk,
	itemIndex: number,
): Promise<PagerRead> {
	return await readPages(
		async (paginationOpts) => await client.request(endpoint, { userId, paginationOpts }),
		{
			...walk,
			problem: (problem, at) =>
				new NodeOperationError(node, `MyPit's ${endpoint.path} ${problem} (page ${at.page})`, {
					itemIndex,
					description: `${at.kept} records were read before this page. The listing was stopped so it cannot loop forever or return wrong data.`,
				}),
			failure: (failure, at) => {
				if (failure instanceof NodeApiError)
					failure.description =
						`Page ${at.page} of the listing failed after ${at.kept} records. ${failure.description ?? ''}`.trim();
				return failure;
			},
		},
	);
}

/** A whole list at the largest page size, read once per run (Skip Holders, Create or Update). */
export async function readWholeList(
	item: ItemScope,
	client: MyPitClient,
	endpoint: Endpoint,
	userId: string,
): Promise<IDataObject[]> {
	return await item.run.once(`all of ${endpoint.path} ${userId}`, async () => {
		const walk = { userId, limit: Infinity, pageSize: MAX_PAGE_SIZE };
		return (await readListPages(item.run.node, client, endpoint, walk, item.index)).records;
	});
}

/**
 * Get Many for any of the three cursor-paginated lists: one output item per record (matching
 * the Filters, if any). An AI agent's tool call gets one answer of bounded size instead.
 */
export function listRecords(kind: RecordKind, endpoint: Endpoint): OperationHandler {
	return async ({ item, client }) => {
		const { limit, pageSize, simplify, matches } = readListParameters(item, kind);
		const asTool = item.run.asTool;
		const keep = asTool ? readToolAnswerLimit(item, limit) : limit;
		const userId = resolveUserId(item);
		const walk = { userId, limit: keep, pageSize, matches, countBeyondLimit: asTool };
		const read = await readListPages(item.run.node, client, endpoint, walk, item.index);
		const records = simplify
			? read.records.map((record) => simplifyRecord(kind, record))
			: read.records;
		return asTool ? [toolListAnswer(kind, item.run.node, read, records)] : records;
	};
}

/** Get one record: the body is the owner's user ID plus the record's ID under `idField`. */
export function getRecord(
	kind: RecordKind,
	endpoint: Endpoint,
	readId: (body: IDataObject) => IDataObject,
): OperationHandler {
	return async ({ item, client, body }) => {
		const request = { userId: resolveUserId(item), ...readId(body) };
		const simplify = readSimplify(item);
		const record = await client.request(endpoint, request);
		return [simplify ? simplifyRecord(kind, record) : record];
	};
}

/**
 * Reads the Return All / Limit / Filters / Page Size / Simplify parameters of a Get Many
 * operation, every value checked before any request: the records to keep (Infinity: Return All)
 * and the Filters as one record test (none set: undefined). With a filter the records kept are
 * few, so pages are as large as the API allows unless Page Size is set.
 */
function readListParameters(item: ItemScope, kind: FilteredKind) {
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
function readToolAnswerLimit(item: ItemScope, limit: number): number {
	const bound = requirePositiveInteger(
		item.parameter('toolAnswerLimit', DEFAULT_TOOL_ANSWER_LIMIT),
		'Max Records in Tool Answer',
		MAX_TOOL_ANSWER_LIMIT,
	);
	return Math.min(bound, limit);
}

function readSimplify(item: ItemScope): boolean {
	return item.parameter('simplify', true) as boolean;
}

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
function toolListAnswer(
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
