import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from '../operations/badge';
import {
	badgeTypeOptions,
	holderLocator,
	optionsCollection,
	showOf,
	templateLocator,
} from './common';
import { getManyFields } from './listFilters';

const show = showOf('badge');

export const badgeFields: INodeProperties[] = [
	templateLocator(show('issue')),
	{
		displayName: 'Recipients',
		name: 'recipientMode',
		type: 'options',
		noDataExpression: true,
		default: 'single',
		options: [
			{
				name: 'All Input Items (Bulk)',
				value: 'allItems',
				description:
					'One holder per input item, all issued together in batches: N items take N ÷ Batch Size requests',
			},
			{
				name: 'List of Holder IDs',
				value: 'list',
				description: 'Several holder IDs per input item, as text or a list from an expression',
			},
			{
				name: 'One Holder per Item',
				value: 'single',
				description: 'One issue request per input item',
			},
		],
		displayOptions: { show: show('issue') },
	},
	{
		displayName: 'Holder ID Field',
		name: 'holderIdField',
		type: 'string',
		required: true,
		default: '_id',
		placeholder: 'e.g. _id',
		description:
			'Name of the input field that holds each item’s holder ID: "_id" after Holder → Create. Dots reach into nested fields.',
		displayOptions: { show: { ...show('issue'), recipientMode: ['allItems'] } },
	},
	{
		displayName:
			'Bulk mode issues to the holders of all input items together, in batches, each output item linked to its row. Template, Badge Data and Options come from the first item.',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...show('issue'), recipientMode: ['allItems'] } },
	},
	holderLocator({ ...show('issue'), recipientMode: ['single'] }, false),
	{
		displayName: 'Holder IDs',
		name: 'recipientIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. hold_1, hold_2 or {{ $json.holderIds }}',
		description: 'Holder IDs separated by commas, or an expression that returns a list of IDs',
		displayOptions: { show: { ...show('issue'), recipientMode: ['list'] } },
	},
	{
		displayName: 'Badge Data',
		name: 'badgeData',
		type: 'json',
		default: '{}',
		description: 'Extra data stored with each badge, as a JSON object (for example a course ID)',
		displayOptions: { show: show('issue') },
	},
	optionsCollection(show('issue'), [
		{
			displayName: 'Skip Holders Who Already Have It',
			name: 'skipHoldersWithBadge',
			type: 'boolean',
			default: false,
			description:
				'Whether to leave out holders who already hold an unexpired badge of this template: their items say skipped: true with that badge’s ID, and nothing is sent when nobody is left',
			hint: 'Reads all your issued badges once per run (up to 1,000 per request), shared by all items',
		},
		{
			displayName: 'Held Badge Status',
			name: 'heldBadgeStatus',
			type: 'options',
			options: [
				{
					name: 'Active Only',
					value: 'notRevoked',
					description: 'An unexpired badge counts unless its status is revoked or expired',
				},
				{
					name: 'Any Status',
					value: 'any',
					description: 'Any unexpired badge counts, revoked ones included',
				},
			],
			default: 'notRevoked',
			description: 'With Skip Holders Who Already Have It: which existing badges count as held',
		},
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
			default: DEFAULT_BATCH_SIZE,
			description: 'How many holders to send per issue request when issuing to a list or in bulk',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: badgeTypeOptions,
			default: 'achievement',
			description: 'Badge type. Without it, the template’s own type is used.',
		},
		{
			displayName: 'Validity Period (Days)',
			name: 'validityPeriod',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 365,
			description:
				'How many days the badges stay valid. Without it, the template’s own period is used.',
		},
	]),
	...getManyFields('badge', 'badges'),
];
