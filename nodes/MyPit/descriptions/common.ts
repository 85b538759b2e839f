import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BADGE_TYPES, type Endpoint } from '../transport/endpoints';
import { bindOperation } from '../execution/customOperation';
import { routingOperation } from '../execution/routingOperation';
import type { OperationHandler, OperationSpec } from '../execution/scope';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../transport/cursorPager';

export type Show = Record<string, string[]>;

/**
 * An operation mapped to its endpoint and bound to its handler. In a workflow run the handler
 * runs as n8n's custom operation (execution/customOperations.ts). When an AI agent calls the node
 * as a tool, n8n runs RoutingNode instead: the routing's pagination function hands each item to
 * the same handler, so RoutingNode itself sends nothing and `request` only names the endpoint.
 */
export function operation(
	option: Omit<INodePropertyOptions, 'routing'>,
	endpoint: Endpoint,
	handler: OperationHandler | OperationSpec,
): INodePropertyOptions {
	const spec = typeof handler === 'function' ? { handler } : handler;
	const bound: INodePropertyOptions = {
		...option,
		routing: {
			request: { method: endpoint.method, url: endpoint.path },
			send: { paginate: true },
			operations: { pagination: routingOperation(spec) },
		},
	};
	bindOperation(bound, spec);
	return bound;
}

export const badgeTypeOptions: INodePropertyOptions[] = BADGE_TYPES.map((type) => ({
	name: type.charAt(0).toUpperCase() + type.slice(1),
	value: type,
}));

export const userIdOption: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	description:
		'Your MyPit user ID (owner and issuer). Overrides the Default User ID of the credential.',
};

/** How transient failures are retried (see transport/retry.ts for what is retried at all). */
const retryOptions: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		default: 3, // DEFAULT_RETRY_POLICY.maxRetries (n8n lint wants a literal)
		description:
			'How often to retry a request that failed with 429, or a read that failed with 5xx or a dropped connection. Writes are never sent twice.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWait',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 300 },
		default: 30, // DEFAULT_RETRY_POLICY.maxDelayMs in seconds
		description: 'The longest wait before one retry, Retry-After included',
	},
];

/** How many requests of one node run may be in flight at once (see transport/requestLimits.ts). */
const concurrencyOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrentRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
	default: 5, // DEFAULT_MAX_CONCURRENT_REQUESTS (n8n lint wants a literal)
	description:
		'How many MyPit requests this node sends at once, across all input items, pages and batches. Lower it if MyPit answers 429 Too Many Requests; 1 sends one request at a time.',
};

/** The Options collection of an operation: user ID override, retries and concurrency, plus what `extra` adds. */
export function optionsCollection(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [...extra, userIdOption, ...retryOptions, concurrencyOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** The most records a Get Many tool call answers unless Max Records in Tool Answer says otherwise. */
export const DEFAULT_TOOL_ANSWER_LIMIT = 10;
export const MAX_TOOL_ANSWER_LIMIT = 100;

/**
 * Return All, Limit, the Filters (built by the resource), the tool answer's bound (shown in the
 * tool node only), Simplify and the Options (with Page Size) of a Get Many operation.
 */
export function getManyFields(
	resource: string,
	noun: string,
	filters?: (show: Show) => INodeProperties,
): INodeProperties[] {
	const show = { resource: [resource], operation: ['getAll'] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
		...(filters ? [filters(show)] : []),
		{
			displayName: 'Max Records in Tool Answer',
			name: 'toolAnswerLimit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TOOL_ANSWER_LIMIT, numberPrecision: 0 },
			default: 10, // DEFAULT_TOOL_ANSWER_LIMIT (n8n lint wants a literal)
			description: `An AI agent gets at most this many ${noun} per call, with how many more matched and how to narrow the search. A lower Limit wins; Return All does not apply to tool calls.`,
			displayOptions: { show: { ...show, '@tool': [true] } },
		},
		simplifyField(show),
		optionsCollection(show, [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: DEFAULT_PAGE_SIZE,
				description: `How many ${noun} to ask MyPit for per request. Larger pages mean fewer requests.`,
			},
		]),
	];
}

export function simplifyField(show: Show): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show },
	};
}

/** A template or holder picker: searchable list, or an ID typed or mapped in. */
function recordLocator(
	field: { displayName: string; name: string; searchListMethod: string; placeholder: string },
	show: Show,
	bodyProperty?: string,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
			},
		],
		displayOptions: { show },
		...(bodyProperty ? { routing: { send: { type: 'body', property: bodyProperty } } } : {}),
	};
}

const TEMPLATE_PICKER = {
	displayName: 'Template',
	name: 'templateId',
	searchListMethod: 'searchTemplates',
	placeholder: 'e.g. tmpl_k3x9',
};
const HOLDER_PICKER = {
	displayName: 'Holder',
	name: 'holderId',
	searchListMethod: 'searchHolders',
	placeholder: 'e.g. hold_7k2m',
};

/** The Template picker, sent as `templateId`. */
export const templateLocator = (show: Show) => recordLocator(TEMPLATE_PICKER, show, 'templateId');

/** The Holder picker; `bodyProperty` when the routing sends it as is. */
export const holderLocator = (show: Show, bodyProperty?: string) =>
	recordLocator(HOLDER_PICKER, show, bodyProperty);

/** "Update Fields": only what the user adds changes; the node reads the record for the rest. */
export function updateFieldsCollection(
	noun: string,
	show: Show,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field to change',
		default: {},
		displayOptions: { show },
		description: `Only the fields you add here change; the node reads the ${noun} and keeps the rest`,
		options,
	};
}

/**
 * Each parameter's label by its name, collections included, read from the description itself:
 * input errors name a field exactly as the user sees it.
 */
export function fieldLabels(properties: INodeProperties[]): Record<string, string> {
	const labels: Record<string, string> = {};
	const visit = (list: readonly unknown[]) => {
		for (const property of list as INodeProperties[]) {
			if (!property.name || !property.displayName) continue;
			labels[property.name] ??= property.displayName;
			if (Array.isArray(property.options)) visit(property.options);
		}
	};
	visit(properties);
	return labels;
}
