import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, subtitle } from './descriptions/properties';
import { customOperationsFor } from './execution/customOperation';
import { NODE_ENDPOINT_URL, REQUEST_HEADERS } from './execution/requestOptions';
import { searchHolders, searchTemplates } from './methods/listSearch';

/**
 * Declarative: every operation is mapped to its endpoint in the description. Workflow runs execute
 * the operations as n8n custom operations (all input items in one call); an AI agent's tool call
 * runs RoutingNode, which hands each item to the same handlers (ARCHITECTURE.md).
 */
export class MyPit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MyPit',
		name: 'myPit',
		icon: { light: 'file:../../icons/mypit.svg', dark: 'file:../../icons/mypit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: 'Create badge templates and holders and issue digital badges with MyPit',
		defaults: { name: 'MyPit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myPitApi', required: true }],
		// RoutingNode reads the credential's own host from this baseURL for the credential's Allowed
		// HTTP Request Domains (n8n 2.x). Requests go to the Base URL each item checks (https).
		requestDefaults: { headers: REQUEST_HEADERS, baseURL: NODE_ENDPOINT_URL },
		properties: nodeProperties,
	};

	customOperations = customOperationsFor(nodeProperties);

	methods = {
		listSearch: { searchHolders, searchTemplates },
	};
}
