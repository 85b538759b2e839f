import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BADGE_TYPES } from '../transport/endpoints';

export type Show = Record<string, string[]>;

export const showOf =
	(resource: string) =>
	(...operations: string[]): Show => ({ resource: [resource], operation: operations });

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

/** In every Options collection: User ID, retries (retry.ts) and concurrency (requestGate.ts). */
const runOptions: INodeProperties[] = [
	userIdOption,
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
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrentRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
		default: 5, // DEFAULT_MAX_CONCURRENT_REQUESTS (n8n lint wants a literal)
		description:
			'How many MyPit requests this node sends at once, across all input items, pages and batches. Lower it if MyPit answers 429 Too Many Requests; 1 sends one request at a time.',
	},
];

/** The Options collection of an operation: the run options plus what `extra` adds, sorted. */
export function optionsCollection(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [...extra, ...runOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The most records a Get Many tool call answers unless Max Records in Tool Answer says otherwise. */
export const DEFAULT_TOOL_ANSWER_LIMIT = 10;
export const MAX_TOOL_ANSWER_LIMIT = 100;

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

/** A picker: searchable list, or an ID typed or mapped in; `routed` sends it in the body as is. */
const locator =
	(displayName: string, name: string, searchListMethod: string, placeholder: string) =>
	(show: Show, routed = true): INodeProperties => ({
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
		displayOptions: { show },
		...(routed ? { routing: { send: { type: 'body', property: name } } } : {}),
	});

export const templateLocator = locator(
	'Template',
	'templateId',
	'searchTemplates',
	'e.g. tmpl_k3x9',
);
export const holderLocator = locator('Holder', 'holderId', 'searchHolders', 'e.g. hold_7k2m');

/** Create's required fields, sent in the body as `prefix` + name unless a field routes itself. */
export function createFields(
	show: Show,
	prefix: string,
	fields: Array<Omit<INodeProperties, 'required' | 'displayOptions'>>,
): INodeProperties[] {
	return fields.map((field) => ({
		...field,
		required: true,
		routing: field.routing ?? { send: { type: 'body', property: `${prefix}${field.name}` } },
		displayOptions: { show },
	}));
}

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

/** Each parameter's label by name, collections included: input errors name fields as shown. */
export function fieldLabels(
	properties: readonly unknown[],
	labels: Record<string, string> = {},
): Record<string, string> {
	for (const property of properties as INodeProperties[]) {
		if (!property.name || !property.displayName) continue;
		labels[property.name] ??= property.displayName;
		if (Array.isArray(property.options)) fieldLabels(property.options, labels);
	}
	return labels;
}
