import type { INodeProperties } from 'n8n-workflow';

import { badgeFields, badgeOperations } from './badgeDescription';
import { holderFields, holderOperations } from './holderDescription';
import { mergeRepeatedProperties } from './mergeRepeated';
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

/** Every parameter as each resource declares it, in the editor's order. */
export const declaredProperties: INodeProperties[] = [
	resource,
	...operationSelectors,
	...badgeFields,
	...holderFields,
	...templateFields,
];

/**
 * What the node describes: the same parameters, with those several operations declare alike
 * folded into one property (mergeRepeated.ts), since RoutingNode walks every top-level property
 * for every input item.
 */
export const nodeProperties = mergeRepeatedProperties(declaredProperties);
