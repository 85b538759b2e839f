import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

import { nodeOperations } from './nodeOperations';

/**
 * What a saved workflow depends on, flattened: one entry per parameter and the place it is shown
 * (`holder/create › email`, `badge/issue › options.batchSize`), with its type and the values a
 * workflow can have saved (option values, resource-locator modes). Names, types and values may be
 * added to, never removed or changed, within one node version.
 */
export interface ParameterEntry {
	type: string;
	values?: string[];
}
export type ParameterSnapshot = Record<string, ParameterEntry>;

function entry(property: INodeProperties): ParameterEntry {
	if (property.type === 'options' || property.type === 'multiOptions') {
		const values = ((property.options ?? []) as INodePropertyOptions[]).map((option) =>
			String(option.value),
		);
		return { type: property.type, values };
	}
	if (property.type === 'resourceLocator') {
		return { type: property.type, values: (property.modes ?? []).map((mode) => mode.name) };
	}
	return { type: property.type };
}

/** The entries of a parameter and, for collections, of every field inside it. */
function flattenProperty(property: INodeProperties, path: string, into: ParameterSnapshot) {
	if (property.type === 'notice') return; // shown, never saved
	into[path] = entry(property);
	if (property.type === 'collection') {
		for (const child of (property.options ?? []) as INodeProperties[])
			flattenProperty(child, `${path}.${child.name}`, into);
	}
	if (property.type === 'fixedCollection') {
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			into[`${path}.${group.name}`] = { type: 'fixedCollectionGroup' };
			for (const child of group.values)
				flattenProperty(child, `${path}.${group.name}.${child.name}`, into);
		}
	}
}

/** Where a top-level parameter is shown: "*", "<resource>/*", or each "<resource>/<operation>". */
function scopes(
	property: INodeProperties,
	operations: Array<{ resource: string; operation: string }>,
): string[] {
	const show = property.displayOptions?.show ?? {};
	const resources = show.resource as string[] | undefined;
	const shownOperations = show.operation as string[] | undefined;
	if (!resources && !shownOperations) return ['*'];
	if (!shownOperations) return (resources ?? []).map((resource) => `${resource}/*`);
	return operations
		.filter(
			({ resource, operation }) =>
				(!resources || resources.includes(resource)) && shownOperations.includes(operation),
		)
		.map(({ resource, operation }) => `${resource}/${operation}`);
}

export function parameterSnapshot(
	node: INodeTypeDescription,
	credential: ICredentialType,
): ParameterSnapshot {
	const snapshot: ParameterSnapshot = {};
	const operations = nodeOperations(node);
	for (const property of node.properties) {
		for (const scope of scopes(property, operations))
			flattenProperty(property, `${scope} › ${property.name}`, snapshot);
	}
	for (const property of credential.properties)
		flattenProperty(property, `credential ${credential.name} › ${property.name}`, snapshot);
	return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}

export interface SnapshotComparison {
	/** Breaking: would change what a saved workflow means. */
	removed: string[];
	typeChanged: string[];
	valuesRemoved: string[];
	/** Allowed: new parameters and new values. */
	added: string[];
	valuesAdded: string[];
}

export function compareSnapshots(
	saved: ParameterSnapshot,
	current: ParameterSnapshot,
): SnapshotComparison {
	const comparison: SnapshotComparison = {
		removed: [],
		typeChanged: [],
		valuesRemoved: [],
		added: [],
		valuesAdded: [],
	};
	for (const [key, before] of Object.entries(saved)) {
		const now = current[key];
		if (!now) {
			comparison.removed.push(key);
			continue;
		}
		if (now.type !== before.type)
			comparison.typeChanged.push(`${key}: ${before.type} → ${now.type}`);
		for (const value of before.values ?? []) {
			if (!now.values?.includes(value)) comparison.valuesRemoved.push(`${key}: "${value}"`);
		}
		for (const value of now.values ?? []) {
			if (!before.values?.includes(value)) comparison.valuesAdded.push(`${key}: "${value}"`);
		}
	}
	comparison.added = Object.keys(current).filter((key) => !saved[key]);
	return comparison;
}

/** One entry per line, so a review of the snapshot file reads as a list of parameters. */
export function formatSnapshot(snapshot: ParameterSnapshot): string {
	const lines = Object.entries(snapshot).map(
		([key, value]) => `\t${JSON.stringify(key)}: ${JSON.stringify(value)}`,
	);
	return `{\n${lines.join(',\n')}\n}\n`;
}
