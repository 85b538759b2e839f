import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { badgeFields, badgeOperations } from './descriptions/badgeDescription';
import { holderFields, holderOperations } from './descriptions/holderDescription';
import { templateFields, templateOperations } from './descriptions/templateDescription';
import { actionSubtitle } from './descriptions/subtitle';
import { searchHolders, searchTemplates } from './methods/listSearch';

const resource: INodeProperties = {
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

export class MyPit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MyPit',
		name: 'myPit',
		icon: { light: 'file:../../icons/mypit.svg', dark: 'file:../../icons/mypit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: actionSubtitle(resource, [badgeOperations, holderOperations, templateOperations]),
		description: 'Create badge templates and holders and issue digital badges with MyPit',
		defaults: { name: 'MyPit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myPitApi', required: true }],
		// No baseURL here: the runner takes it from the credential after checking it is https.
		// (An expression here would also cost two expression evaluations per input item.)
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			resource,
			badgeOperations,
			holderOperations,
			templateOperations,
			...badgeFields,
			...holderFields,
			...templateFields,
		],
	};

	methods = {
		listSearch: { searchHolders, searchTemplates },
	};
}
