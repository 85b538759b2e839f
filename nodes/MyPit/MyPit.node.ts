import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, operationSelectors, resource } from './descriptions/properties';
import { actionSubtitle } from './descriptions/subtitle';
import { searchHolders, searchTemplates } from './methods/listSearch';

export class MyPit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MyPit',
		name: 'myPit',
		icon: { light: 'file:../../icons/mypit.svg', dark: 'file:../../icons/mypit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: actionSubtitle(resource, operationSelectors),
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
		properties: nodeProperties,
	};

	methods = {
		listSearch: { searchHolders, searchTemplates },
	};
}
