import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { bindOperation } from '../execution/customOperation';
import { routingOperation } from '../execution/routingOperation';
import type { OperationSpec } from '../execution/scope';
import { issueBadge, issuesForAllItems, listIssuedBadges } from '../operations/badge';
import {
	createHolder,
	createOrUpdateHolder,
	deleteHolder,
	getHolder,
	listHolders,
	updateHolder,
} from '../operations/holder';
import { issueForAllItems } from '../operations/issueBulk';
import {
	createTemplate,
	deleteTemplate,
	getTemplate,
	listTemplates,
	updateTemplate,
} from '../operations/template';
import { ENDPOINTS, type Endpoint } from '../transport/endpoints';
import { badgeFields } from './badgeParameters';
import { holderFields } from './holderParameters';
import { templateFields } from './templateParameters';

/**
 * An operation bound to its handler (`allItems`: the bulk path). A tool call runs RoutingNode,
 * whose pagination hands each item to that handler: `request` only names the endpoint.
 */
function operation({
	endpoint,
	handler,
	allItems,
	...option
}: Omit<INodePropertyOptions, 'routing'> & OperationSpec & { endpoint: Endpoint }) {
	const spec: OperationSpec = { handler, allItems };
	const bound: INodePropertyOptions = {
		...option,
		routing: {
			request: { method: endpoint.method, url: endpoint.path },
			send: { paginate: true },
			operations: { pagination: routingOperation(spec) },
		},
	};
	bindOperation(bound, spec);
	return bound;
}

const operationSelector = (
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	default: defaultOperation,
	options,
});

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

/**
 * Each resource's Operation, bound to its handlers: kept out of the *Parameters.ts files, whose
 * labels the handlers import.
 */
export const operationSelectors = [
	operationSelector('badge', 'issue', [
		operation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many issued badges',
			description:
				'List the badges you have issued, with their expiry dates, or find them by holder, template or status (Filters)',
			endpoint: ENDPOINTS.listIssuedBadges,
			handler: listIssuedBadges,
		}),
		operation({
			name: 'Issue',
			value: 'issue',
			action: 'Issue a badge',
			description:
				'Issue a badge from a template to one or many holders: one output item per holder',
			endpoint: ENDPOINTS.issueBadge,
			handler: issueBadge,
			allItems: { when: issuesForAllItems, handler: issueForAllItems },
		}),
	]),
	operationSelector('holder', 'create', [
		operation({
			name: 'Create',
			value: 'create',
			action: 'Create a holder',
			description: 'Add a person to your holders, so badges can be issued to them',
			endpoint: ENDPOINTS.createHolder,
			handler: createHolder,
		}),
		operation({
			name: 'Create or Update',
			value: 'createOrUpdate',
			action: 'Create or update a holder',
			description:
				'Update the holder with this email (or Holder User ID) if there is one, otherwise create it. Reads your holders once per run.',
			endpoint: ENDPOINTS.createHolder,
			handler: createOrUpdateHolder,
		}),
		operation({
			name: 'Delete',
			value: 'delete',
			action: 'Delete a holder',
			description: 'Delete a holder',
			endpoint: ENDPOINTS.deleteHolder,
			handler: deleteHolder,
		}),
		operation({
			name: 'Get',
			value: 'get',
			action: 'Get a holder',
			description: 'Get one holder by ID',
			endpoint: ENDPOINTS.getHolder,
			handler: getHolder,
		}),
		operation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many holders',
			description: 'List your holders, or find them by email, name or Holder User ID (Filters)',
			endpoint: ENDPOINTS.listHolders,
			handler: listHolders,
		}),
		operation({
			name: 'Update',
			value: 'update',
			action: 'Update a holder',
			description: "Change a holder's name, email or phone; the others keep their values",
			endpoint: ENDPOINTS.updateHolder,
			handler: updateHolder,
		}),
	]),
	operationSelector('template', 'getAll', [
		operation({
			name: 'Create',
			value: 'create',
			action: 'Create a badge template',
			description: 'Create a badge template that badges are issued from',
			endpoint: ENDPOINTS.createTemplate,
			handler: createTemplate,
		}),
		operation({
			name: 'Delete',
			value: 'delete',
			action: 'Delete a badge template',
			description: 'Delete a badge template',
			endpoint: ENDPOINTS.deleteTemplate,
			handler: deleteTemplate,
		}),
		operation({
			name: 'Get',
			value: 'get',
			action: 'Get a badge template',
			description: 'Get one badge template by ID',
			endpoint: ENDPOINTS.getTemplate,
			handler: getTemplate,
		}),
		operation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many badge templates',
			description:
				'List the badge templates you own, or find them by name, type or active state (Filters)',
			endpoint: ENDPOINTS.listTemplates,
			handler: listTemplates,
		}),
		operation({
			name: 'Update',
			value: 'update',
			action: 'Update a badge template',
			description: 'Change some fields of a badge template; the others keep their values',
			endpoint: ENDPOINTS.updateTemplate,
			handler: updateTemplate,
		}),
	]),
];

export const nodeProperties: INodeProperties[] = [
	resource,
	...operationSelectors,
	...badgeFields,
	...holderFields,
	...templateFields,
];

/**
 * The canvas subtitle as the node's action ("Issue Badge", "Get Many Templates"), read from the
 * Resource and Operation options; anything else falls back to "operation: resource".
 */
function actionSubtitle(): string {
	const labels: Record<string, string> = {};
	for (const selector of operationSelectors) {
		const [value] = selector.displayOptions?.show?.resource as string[];
		const noun = (resource.options as INodePropertyOptions[]).find((r) => r.value === value)?.name;
		for (const option of selector.options as INodePropertyOptions[]) {
			// Get Many lists records: "Get Many Holders" reads as the action, "Get Many Holder" does not.
			labels[`${value}:${option.value}`] =
				`${option.name} ${noun}${option.value === 'getAll' ? 's' : ''}`;
		}
	}
	// Parenthesised: an object literal at the start of an expression would read as a block.
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
}

export const subtitle = actionSubtitle();
