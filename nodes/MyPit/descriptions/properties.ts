import type { INodeProperties } from 'n8n-workflow';

import { badgeFields, badgeOperations } from './badgeDescription';
import { holderFields, holderOperations } from './holderDescription';
import { templateFields, templateOperations } from './templateDescription';

export const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Badge', value: 'badge', description: 'Badges issued to holders' },
		{ name: 'Holder', value: 'holder', description: 'People who receive badges' },
		{
			name: 'Template',
			value: 'template',
			description: 'Badge templates that badges are issued from',
		},
	],
	default: 'badge',
};

export const operationSelectors = [badgeOperations, holderOperations, templateOperations];

/** Every parameter, as each resource declares it, in the editor's order. */
export const nodeProperties: INodeProperties[] = [
	resource,
	...operationSelectors,
	...badgeFields,
	...holderFields,
	...templateFields,
];
