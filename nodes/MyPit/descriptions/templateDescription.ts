import type { INodeProperties } from 'n8n-workflow';

import {
	createTemplate,
	deleteTemplate,
	getTemplate,
	listTemplates,
	updateTemplate,
} from '../operations/template';
import { ENDPOINTS } from '../transport/endpoints';
import { getManyFields, operation, optionsCollection, simplifyField } from './common';
import { filtersCollection } from './listFilters';
import {
	showTemplate,
	templateCreateFields,
	templateIdField,
	templateUpdateFields,
} from './templateParameters';

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
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a badge template',
				description: 'Delete a badge template',
			},
			ENDPOINTS.deleteTemplate,
			deleteTemplate,
		),
		operation(
			{
				name: 'Get',
				value: 'get',
				action: 'Get a badge template',
				description: 'Get one badge template by ID',
			},
			ENDPOINTS.getTemplate,
			getTemplate,
		),
		operation(
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many badge templates',
				description:
					'List the badge templates you own, or find them by name, type or active state (Filters)',
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

export const templateFields: INodeProperties[] = [
	templateIdField,
	...templateCreateFields,
	templateUpdateFields,
	simplifyField(showTemplate('get')),
	...getManyFields('template', 'templates', (show) =>
		filtersCollection('template', 'templates', show),
	),
	optionsCollection(showTemplate('create', 'get', 'delete', 'update')),
];
