import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	InputError,
	describeValue,
	requireBadgeType,
	requireEmail,
	requireId,
	requireText,
} from '../shared/validation';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../transport/cursorPager';
import {
	MAX_TOOL_ANSWER_LIMIT,
	badgeTypeOptions,
	optionsCollection,
	simplifyField,
} from './common';

/** A record test built from one filter's value; the value is checked first (InputError). */
type RecordTest = (record: IDataObject) => boolean;

/** One filter of Get Many: its parameter, how its value becomes a record test, its tool hint. */
interface ListFilter {
	property: INodeProperties;
	test: (value: unknown, field: string) => RecordTest;
	hint: string;
}

type FilterSpec = Omit<ListFilter, 'property'> &
	Omit<INodeProperties, 'type' | 'default'> &
	Partial<Pick<INodeProperties, 'type' | 'default'>>;

/** A filter written flat; without a type it is a text filter. */
const listFilter = ({ test, hint, ...property }: FilterSpec): ListFilter => ({
	property: { type: 'string', default: '', ...property },
	test,
	hint,
});

const lower = (value: unknown) =>
	String(value ?? '')
		.trim()
		.toLowerCase();

const contains = (field: string) => (value: unknown, label: string) => {
	const needle = requireText(value, label, 200).toLowerCase();
	return (record: IDataObject) => lower(record[field]).includes(needle);
};

const sameId = (field: string) => (value: unknown, label: string) => {
	const id = requireId(value, label);
	return (record: IDataObject) => String(record[field] ?? '').trim() === id;
};

const nameFilter = (noun: string) =>
	listFilter({
		displayName: 'Name',
		name: 'name',
		placeholder: 'e.g. Jane',
		description: `Only ${noun}s whose name contains this text (case ignored)`,
		test: contains('name'),
		hint: 'name (part of the name, case ignored)',
	});

export const LIST_FILTERS = {
	holder: [
		listFilter({
			displayName: 'Email',
			name: 'email',
			placeholder: 'name@email.com',
			description: 'Only the holder with exactly this email (case and surrounding spaces ignored)',
			test: (value, label) => {
				const email = requireEmail(value, label).toLowerCase();
				return (record) => lower(record.email) === email;
			},
			hint: 'email (the whole address, case ignored)',
		}),
		listFilter({
			displayName: 'Holder User ID',
			name: 'holderId',
			placeholder: 'e.g. holder789',
			description:
				"Only holders with exactly this Holder User ID (the record's holderId: your own ID for the person, not the MyPit holder ID)",
			test: sameId('holderId'),
			hint: 'holderId (your own ID for the person, exact)',
		}),
		nameFilter('holder'),
	],
	template: [
		listFilter({
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description:
				"Whether to list only active templates (on) or only inactive ones (off), by the record's isActive. A template without isActive matches neither.",
			test: (value, label) => {
				const active = readBoolean(value, label);
				return (record) => record.isActive === active;
			},
			hint: 'active (true or false)',
		}),
		nameFilter('template'),
		listFilter({
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: badgeTypeOptions,
			default: 'achievement',
			description: "Only templates of this badge type (the record's type)",
			test: (value, label) => {
				const type = requireBadgeType(typeof value === 'string' ? value.trim() : value, label);
				return (record) => record.type === type;
			},
			hint: 'type (mobility, achievement, healthcare or finance)',
		}),
	],
	badge: [
		listFilter({
			displayName: 'Holder ID',
			name: 'holder',
			placeholder: 'e.g. hold_7k2m',
			description:
				"Only badges issued to this holder (the MyPit holder ID, the badge's recipientId)",
			test: sameId('recipientId'),
			hint: 'holder (the MyPit holder ID the badge was issued to)',
		}),
		listFilter({
			displayName: 'Status',
			name: 'status',
			placeholder: 'e.g. active',
			description: 'Only badges with this status, such as active or expired (case ignored)',
			test: (value, label) => {
				const status = requireText(value, label, 100).toLowerCase();
				return (record) => lower(record.status) === status;
			},
			hint: 'status (e.g. active or expired)',
		}),
		listFilter({
			displayName: 'Template ID',
			name: 'template',
			placeholder: 'e.g. tmpl_k3x9',
			description: "Only badges issued from this template (the badge's templateId)",
			test: sameId('templateId'),
			hint: 'template (the template ID)',
		}),
	],
} as const;

export type FilteredKind = keyof typeof LIST_FILTERS;

/** Get Many: Return All, Limit, Filters, the tool answer's bound, Simplify and Options. */
export function getManyFields(kind: FilteredKind, noun: string): INodeProperties[] {
	const show = { resource: [kind], operation: ['getAll'] };
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
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: `Only ${noun} that match every filter. MyPit has no search, so the node reads your ${noun} (1,000 per request unless Options → Page Size is set) and keeps the matches; with a Limit it stops once that many match.`,
			displayOptions: { show },
			options: LIST_FILTERS[kind].map((filter) => filter.property),
		},
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

/** Booleans from expressions may arrive as text ("true", "false"). */
function readBoolean(value: unknown, label: string): boolean {
	if (typeof value === 'boolean') return value;
	const text = lower(value);
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InputError(label, 'true or false', describeValue(value));
}

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The Filters of one item as one record test, every value checked before any request. An empty
 * value (a filter added but left blank, or an AI tool argument the model left out) filters
 * nothing. No filter: `undefined`, and Get Many reads exactly as without Filters.
 */
export function readListFilter(kind: FilteredKind, filters: unknown): RecordTest | undefined {
	if (filters === undefined || filters === null) return undefined;
	if (typeof filters !== 'object' || Array.isArray(filters))
		throw new InputError('Filters', 'a collection of filters', describeValue(filters));
	const known = LIST_FILTERS[kind];
	const tests: RecordTest[] = [];
	for (const [name, value] of Object.entries(filters as IDataObject)) {
		const filter = known.find((candidate) => candidate.property.name === name);
		if (filter === undefined) {
			const names = known.map((candidate) => candidate.property.name).join(', ');
			throw new InputError('Filters', `one of ${names}`, `"${name}"`);
		}
		if (isEmpty(value)) continue;
		tests.push(filter.test(value, `Filters: ${filter.property.displayName}`));
	}
	if (tests.length === 0) return undefined;
	return (record) => tests.every((test) => test(record));
}
