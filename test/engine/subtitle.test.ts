import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { registry } from '../../tooling/engine/engine';
import { MYPIT_NODE_TYPE } from '../../tooling/engine/package-loader';

/**
 * The canvas subtitle reads as the action. Evaluated by the expression engine of the line this
 * suite runs on (2.x, and 1.x through `npm run test:engine-1x`), as the editor evaluates it.
 */
async function subtitleFor(parameters: Record<string, string>): Promise<unknown> {
	const { nodeTypes } = await registry();
	const type = nodeTypes.getByNameAndVersion(MYPIT_NODE_TYPE, 1);
	const node: INode = {
		id: 'mypit',
		name: 'MyPit',
		type: MYPIT_NODE_TYPE,
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
