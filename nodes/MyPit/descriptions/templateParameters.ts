import type { INodeProperties } from 'n8n-workflow';

import {
	badgeTypeOptions,
	fieldLabels,
	templateLocator,
	updateFieldsCollection,
	type Show,
} from './common';

/** The template parameters that handlers validate, kept apart from the operations so handlers can read their labels. */
export const showTemplate = (...operations: string[]): Show => ({
	resource: ['template'],
	operation: operations,
});

export const templateIdField = templateLocator(showTemplate('get', 'delete', 'update'));

export const templateCreateFields: INodeProperties[] = [
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
].map(
	(field) => ({ ...field, displayOptions: { show: showTemplate('create') } }) as INodeProperties,
);

export const templateUpdateFields = updateFieldsCollection('template', showTemplate('update'), [
	{ displayName: 'Background Color', name: 'backgroundColor', type: 'color', default: '#1E3A8A' },
	{
		displayName: 'Criteria',
		name: 'criteria',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/badge.png',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{ displayName: 'Text Color', name: 'textColor', type: 'color', default: '#FFFFFF' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: badgeTypeOptions,
		default: 'achievement',
	},
	{
		displayName: 'Validity Period (Days)',
		name: 'validityPeriod',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 365,
	},
]);

/** Labels of the template parameters by name, for input errors (`templateLabels.name` is 'Name'). */
export const templateLabels = fieldLabels([
	templateIdField,
	...templateCreateFields,
	templateUpdateFields,
]);
