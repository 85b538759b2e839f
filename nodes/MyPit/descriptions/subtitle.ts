import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The canvas subtitle as the node's action: "Issue Badge", "Create Holder", "Get Many Templates".
 * One lookup built from the Resource and Operation options, so a new operation gets its label
 * from its own name; anything else falls back to "operation: resource".
 */
export function actionSubtitle(resource: INodeProperties, operations: INodeProperties[]): string {
	const resourceNames = new Map(
		((resource.options ?? []) as INodePropertyOptions[]).map((option) => [
			String(option.value),
			option.name,
		]),
	);
	const labels: Record<string, string> = {};
	for (const operation of operations) {
		for (const resourceValue of (operation.displayOptions?.show?.resource ?? []) as string[]) {
			const noun = resourceNames.get(resourceValue) ?? resourceValue;
			for (const option of (operation.options ?? []) as INodePropertyOptions[]) {
				// Get Many lists records: "Get Many Holders" reads as the action, "Get Many Holder" does not.
				labels[`${resourceValue}:${option.value}`] =
					option.value === 'getAll' ? `${option.name} ${noun}s` : `${option.name} ${noun}`;
			}
		}
	}
	// Parenthesised: an object literal at the start of an expression would read as a block.
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
