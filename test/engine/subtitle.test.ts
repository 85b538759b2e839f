import type { INode, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { registry } from '../../tooling/engine/engine';
import { MYPIT_NODE_TYPE } from '../../tooling/engine/package-loader';
import { TRIGGER_NODE_TYPE } from '../../tooling/engine/poll';

/**
 * The canvas subtitle reads as the action. Evaluated by the expression engine of the line this
 * suite runs on (2.x, and 1.x through `npm run test:engine-1x`), as the editor evaluates it.
 */
async function subtitleFor(
	parameters: INodeParameters,
	nodeType = MYPIT_NODE_TYPE,
): Promise<unknown> {
	const { nodeTypes } = await registry();
	const type = nodeTypes.getByNameAndVersion(nodeType, 1);
	const node: INode = {
		id: 'mypit',
		name: 'MyPit',
		type: nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		id: 'subtitle',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	return workflow.expression.getSimpleParameterValue(
		node,
		type.description.subtitle,
		'internal',
		{},
	);
}

describe('node subtitle', () => {
	test.each([
		['badge', 'issue', 'Issue Badge'],
		['badge', 'getAll', 'Get Many Badges'],
		['holder', 'create', 'Create Holder'],
		['holder', 'update', 'Update Holder'],
		['template', 'getAll', 'Get Many Templates'],
		['template', 'delete', 'Delete Template'],
	])('%s / %s reads "%s"', async (resource, operation, expected) => {
		await expect(subtitleFor({ resource, operation })).resolves.toBe(expected);
	});

	test('an operation without a label falls back to "operation: resource"', async () => {
		await expect(subtitleFor({ resource: 'holder', operation: 'somethingNew' })).resolves.toBe(
			'somethingNew: holder',
		);
	});
});

describe('MyPit Trigger subtitle: the event in words, as the Event list names it', () => {
	test.each([
		[{ event: 'badge.issued' }, 'New Issued Badge'],
		[{ event: 'holder.created' }, 'New Holder'],
		[{ event: 'template.created' }, 'New Template'],
		[{ event: 'template.updated' }, 'Template Updated'],
		[{ event: 'badge.expired' }, 'Badge Expired'],
		[{ event: 'badge.expiring', daysAhead: 14 }, 'Badge Expiring (14 days)'],
		[{ event: 'badge.expiring', daysAhead: 1 }, 'Badge Expiring (1 day)'],
		[{ event: 'badge.expiring', daysAhead: '={{ 7 * 4 }}' }, 'Badge Expiring (28 days)'],
		// Parameters at their default may be left out of a saved workflow.
		[{ event: 'badge.expiring' }, 'Badge Expiring (7 days)'],
		[{}, 'New Issued Badge'],
		// Days Ahead belongs to Badge Expiring only.
		[{ event: 'badge.expired', daysAhead: 14 }, 'Badge Expired'],
		[{ event: 'badge.revoked' }, 'badge.revoked'],
	])('%j reads "%s"', async (parameters, expected) => {
		await expect(subtitleFor(parameters as INodeParameters, TRIGGER_NODE_TYPE)).resolves.toBe(
			expected,
		);
	});
});
