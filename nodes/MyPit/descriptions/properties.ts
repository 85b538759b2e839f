import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { bindOperation } from '../execution/operationSpecs';
import { routingOperation } from '../execution/routingOperation';
import type { OperationHandler, OperationSpec } from '../execution/scope';
import { issueBadge, issuesForAllItems, listIssuedBadges } from '../operations/badge';
import {
	createHolder,
	deleteHolder,
	getHolder,
	listHolders,
	updateHolder,
} from '../operations/holder';
import { createOrUpdateHolder } from '../operations/holderUpsert';
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
 * An operation bound to its handler, which runs as n8n's custom operation. An AI agent's tool
 * call runs RoutingNode instead, whose pagination function hands each item to the same handler:
 * `request` only names the endpoint.
 */
function operation(
	option: Omit<INodePropertyOptions, 'routing'>,
	endpoint: Endpoint,
	handler: OperationHandler | OperationSpec,
): INodePropertyOptions {
	const spec = typeof handler === 'function' ? { handler } : handler;
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

/**
 * Each resource's Operation, bound to its handlers: kept out of the *Parameters.ts files, whose
 * labels the handlers import.
 */
export const operationSelectors = [
	operationSelector('badge', 'issue', [
		operation(
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many issued badges',
				description:
					'List the badges you have issued, with their expiry dates, or find them by holder, template or status (Filters)',
			},
			ENDPOINTS.listIssuedBadges,
			listIssuedBadges,
		),
		operation(
			{
				name: 'Issue',
				value: 'issue',
				action: 'Issue a badge',
				description:
					'Issue a badge from a template to one or many holders: one output item per holder',
			},
			ENDPOINTS.issueBadge,
			{ handler: issueBadge, allItems: { when: issuesForAllItems, handler: issueForAllItems } },
		),
	]),
	operationSelector('holder', 'create', [
		operation(
			{
				name: 'Create',
				value: 'create',
				action: 'Create a holder',
				description: 'Add a person to your holders, so badges can be issued to them',
			},
			ENDPOINTS.createHolder,
			createHolder,
		),
		operation(
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a holder',
				description:
					'Update the holder with this email (or Holder User ID) if there is one, otherwise create it. Reads your holders once per run.',
			},
			ENDPOINTS.createHolder,
			createOrUpdateHolder,
		),
		operation(
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a holder',
				description: 'Delete a holder',
			},
			ENDPOINTS.deleteHolder,
			deleteHolder,
		),
		operation(
			{ name: 'Get', value: 'get', action: 'Get a holder', description: 'Get one holder by ID' },
			ENDPOINTS.getHolder,
			getHolder,
		),
		operation(
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many holders',
				description: 'List your holders, or find them by email, name or Holder User ID (Filters)',
			},
			ENDPOINTS.listHolders,
			listHolders,
		),
		operation(
			{
				name: 'Update',
				value: 'update',
				action: 'Update a holder',
				description: "Change a holder's name, email or phone; the others keep their values",
			},
			ENDPOINTS.updateHolder,
			updateHolder,
		),
	]),
	operationSelector('template', 'getAll', [
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
	]),
];

/** Every parameter, as each resource declares it, in the editor's order. */
export const nodeProperties: INodeProperties[] = [
	resource,
	...operationSelectors,
	...badgeFields,
	...holderFields,
	...templateFields,
];
