import type { INodeProperties } from 'n8n-workflow';

import {
	createTemplate,
	deleteTemplate,
	getTemplate,
	listTemplates,
	updateTemplate,
} from '../operations/template';
import { ENDPOINTS } from '../transport/endpoints';
import {
	badgeTypeOptions,
	getManyFields,
	operation,
	optionsCollection,
	simplifyField,
	updateFieldsCollection,
	templateLocator,
} from './common';

const show = (...operations: string[]) => ({ resource: ['template'], operation: operations });

export const templateOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	default: 'getAll',
	options: [
		operation(
			{
				name: 'Create',
				value: 'create',
				action: 'Create a badge template',
				description: 'Create a badge template that badges are issued from',
			},
			ENDPOINTS.createTemplate,
			createTemplate,
		),
		operation(
			{ name: 'Delete', value: 'delete', action: 'Delete a badge template', description: 'Delete a badge template' },
			ENDPOINTS.deleteTemplate,
			deleteTemplate,
		),
		operation(
			{ name: 'Get', value: 'get', action: 'Get a badge template', description: 'Get one badge template by ID' },
			ENDPOINTS.getTemplate,
			getTemplate,
		),
		operation(
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many badge templates',
				description: 'List the badge templates you own',
			},
			ENDPOINTS.listTemplates,
			listTemplates,
		),
		operation(
			{
				name: 'Update',
				value: 'update',
				action: 'Update a badge template',
				description: 'Change some fields of a badge template; the others keep their values',
			},
			ENDPOINTS.updateTemplate,
			updateTemplate,
		),
	],
};

const createFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Course Completion',
		description: 'Name of the badge, shown to holders',
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Type',
		name: 'typeOfBadge',
		type: 'options',
		required: true,
		default: 'achievement',
		options: badgeTypeOptions,
		description: 'Category of the badge',
		routing: { send: { type: 'body', property: 'typeOfBadge' } },
	},
	{
		displayName: 'Validity Period (Days)',
		name: 'validityPeriod',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 365,
		description: 'How many days an issued badge stays valid',
		routing: { send: { type: 'body', property: 'validityPeriod' } },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Awarded for completing the course',
		description: 'What the badge stands for',
		routing: { send: { type: 'body', property: 'description' } },
	},
	{
		displayName: 'Criteria',
		name: 'criteria',
		type: 'string',
		required: true,
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Complete all modules and pass the final exam',
		description: 'What a holder must do to earn the badge',
		routing: { send: { type: 'body', property: 'criteria' } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/badge.png',
		description: 'Public http(s) address of the badge image',
		routing: { send: { type: 'body', property: 'imageUrl' } },
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Price of the badge; 0 for free badges',
		routing: { send: { type: 'body', property: 'price' } },
	},
].map((field) => ({ ...field, displayOptions: { show: show('create') } }) as INodeProperties);

const updateFields = updateFieldsCollection('template', show('update'), [
	{ displayName: 'Background Color', name: 'backgroundColor', type: 'color', default: '#1E3A8A' },
	{ displayName: 'Criteria', name: 'criteria', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/badge.png' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{ displayName: 'Text Color', name: 'textColor', type: 'color', default: '#FFFFFF' },
	{ displayName: 'Type', name: 'type', type: 'options', options: badgeTypeOptions, default: 'achievement' },
	{
		displayName: 'Validity Period (Days)',
		name: 'validityPeriod',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 365,
	},
]);

export const templateFields: INodeProperties[] = [
	templateLocator(show('get', 'delete', 'update')),
	...createFields,
	updateFields,
	simplifyField(show('get')),
	...getManyFields('template', 'templates'),
	optionsCollection(show('create', 'get', 'delete', 'update')),
];
