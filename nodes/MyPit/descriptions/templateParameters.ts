import type { INodeProperties } from 'n8n-workflow';

import {
	badgeTypeOptions,
	createFields,
	fieldLabels,
	optionsCollection,
	showOf,
	simplifyField,
	templateLocator,
	updateFieldsCollection,
} from './common';
import { getManyFields } from './listFilters';

const showTemplate = showOf('template');

export const templateFields: INodeProperties[] = [
	templateLocator(showTemplate('get', 'delete', 'update')),
	...createFields(showTemplate('create'), '', [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Course Completion',
			description: 'Name of the badge, shown to holders',
		},
		{
			displayName: 'Type',
			name: 'typeOfBadge',
			type: 'options',
			default: 'achievement',
			options: badgeTypeOptions,
			description: 'Category of the badge',
		},
		{
			displayName: 'Validity Period (Days)',
			name: 'validityPeriod',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 365,
			description: 'How many days an issued badge stays valid',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. Awarded for completing the course',
			description: 'What the badge stands for',
		},
		{
			displayName: 'Criteria',
			name: 'criteria',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'e.g. Complete all modules and pass the final exam',
			description: 'What a holder must do to earn the badge',
		},
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/badge.png',
			description: 'Public http(s) address of the badge image',
		},
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Price of the badge; 0 for free badges',
		},
	]),
	updateFieldsCollection('template', showTemplate('update'), [
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
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
		},
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
	]),
	simplifyField(showTemplate('get')),
	...getManyFields('template', 'templates'),
	optionsCollection(showTemplate('create', 'get', 'delete', 'update')),
];

/** Labels of the template parameters by name, for input errors (`templateLabels.name` is 'Name'). */
export const templateLabels = fieldLabels(templateFields);
