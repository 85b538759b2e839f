import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

/**
 * Every resource/operation pair of a node description, read from its Operation parameters
 * (the "Custom API Call" entry n8n adds at load time is not an operation of the node).
 */
export function nodeOperations(
	description: INodeTypeDescription,
): Array<{ resource: string; operation: string }> {
	const pairs: Array<{ resource: string; operation: string }> = [];
	for (const property of description.properties as INodeProperties[]) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				if (option.value === '__CUSTOM_API_CALL__') continue;
				pairs.push({ resource, operation: String(option.value) });
			}
		}
	}
	return pairs;
}
