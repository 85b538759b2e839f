import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { badgeTypeOptions, userIdOption } from '../MyPit/descriptions/common';

const BADGE_EVENTS = ['badge.issued', 'badge.expiring', 'badge.expired'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"Polls MyPit on the Poll Times below. New badges, holders and templates cost one request per idle poll when MyPit's lists resume from a saved cursor; otherwise each poll reads the whole list. Template Updated, Badge Expiring and Badge Expired read every template or badge on each poll.",
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		// Values are the event names of MyPit's planned webhooks, so a webhook mode fits later.
		options: [
			{
				name: 'Badge Expired',
				value: 'badge.expired',
				description: 'A badge reached its expiry date',
			},
			{
				name: 'Badge Expiring',
				value: 'badge.expiring',
				description: 'A badge expires within the given number of days (once per badge)',
			},
			{ name: 'New Holder', value: 'holder.created', description: 'A holder was added' },
			{
				name: 'New Issued Badge',
				value: 'badge.issued',
				description: 'A badge was issued to a holder',
			},
			{
				name: 'New Template',
				value: 'template.created',
				description: 'A badge template was created',
			},
			{
				name: 'Template Updated',
				value: 'template.updated',
				description: 'A badge template changed (its updatedAt moved)',
			},
		],
		default: 'badge.issued',
	},
	{
		displayName: 'Days Ahead',
		name: 'daysAhead',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3650, numberPrecision: 0 },
		default: 7,
		description: 'Fire when a badge expires within this many days',
		displayOptions: { show: { event: ['badge.expiring'] } },
	},
	{
		displayName: 'Template',
		name: 'templateId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'Only badges of this template. Leave empty for every template.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. tmpl_k3x9' },
		],
		displayOptions: { show: { event: BADGE_EVENTS } },
	},
	{
		displayName: 'Badge Type',
		name: 'badgeType',
		type: 'options',
		options: [{ name: 'Any', value: '' }, ...badgeTypeOptions],
		default: '',
		description: 'Only badges of this type',
		displayOptions: { show: { event: BADGE_EVENTS } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the record instead of the raw data',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Existing Records',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation fires for records that already exist. Off: the trigger starts from now.',
			},
			userIdOption,
		],
	},
];

/**
 * The canvas subtitle in words, as the Event list names the event: "New Issued Badge", "Badge
 * Expiring (14 days)". Built from the Event options and the Days Ahead field, so a new event gets
 * its label from its own name; a value without a label shows as it is.
 */
export function eventSubtitle(properties: INodeProperties[]): string {
	const event = properties.find((property) => property.name === 'event');
	const daysAhead = properties.find((property) => property.name === 'daysAhead');
	const options = (event?.options ?? []) as INodePropertyOptions[];
	const labels = Object.fromEntries(options.map((option) => [String(option.value), option.name]));
	// A saved workflow may leave out parameters at their default: read those as the editor does.
	const chosen = `($parameter["event"] || ${JSON.stringify(event?.default)})`;
	const days = `($parameter["daysAhead"] || ${JSON.stringify(daysAhead?.default)})`;
	const withDays = JSON.stringify(daysAhead?.displayOptions?.show?.event ?? []);
	const unit = `(Number(${days}) === 1 ? " day)" : " days)")`;
	// Parenthesised: an object literal at the start of an expression would read as a block.
	return `={{ ((${JSON.stringify(labels)})[${chosen}] || ${chosen}) + (${withDays}.includes(${chosen}) ? " (" + ${days} + ${unit} : "") }}`;
}
