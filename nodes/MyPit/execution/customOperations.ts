import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { customOperation } from './customOperation';
import { operationSpecOf } from './operationSpecs';
import { bodyMapFor } from './requestBody';

/**
 * n8n's `customOperations` table, `{ [resource]: { [operation]: fn } }`, read from the
 * description's Operation selectors: every operation bound with a handler runs as a custom
 * operation in workflow runs.
 */
export function customOperationsFor(
	properties: INodeProperties[],
): NonNullable<INodeType['customOperations']> {
	const table: NonNullable<INodeType['customOperations']> = {};
	for (const selector of properties) {
		if (selector.name !== 'operation') continue;
		const resources = (selector.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (selector.options ?? []) as INodePropertyOptions[]) {
			const spec = operationSpecOf(option);
			if (!spec) continue;
			const operation = String(option.value);
			for (const resource of resources) {
				table[resource] ??= {};
				table[resource][operation] = customOperation(
					spec,
					bodyMapFor(properties, resource, operation),
				);
			}
		}
	}
	return table;
}
