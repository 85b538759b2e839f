import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemScope } from './scope';

/** Show conditions on parameters other than resource and operation, checked per item. */
type Conditions = Array<[parameter: string, values: unknown[]]>;

/** A parameter the description sends in the request body (`routing.send: {type: 'body'}`). */
interface RoutedValue {
	name: string;
	/** Dotted path in the body, e.g. `data.name`. */
	property: string;
	/** A resource locator sends its value (the ID), not the locator object. */
	extractValue: boolean;
	when: Conditions;
}

/** A collection whose options send themselves, read from the collection's value. */
interface RoutedCollection {
	name: string;
	children: Array<{ name: string; property: string }>;
	when: Conditions;
}

/** The routed fields one operation shows: what RoutingNode would send for it. */
export type BodyMap = Array<RoutedValue | RoutedCollection>;

function bodyProperty(property: { name: string; routing?: INodeProperties['routing'] }) {
	const send = property.routing?.send;
	if (!send) return undefined;
	const { type, property: path, ...rest } = send;
	// The custom operation path maps exactly what this node's description uses, nothing more.
	if (type !== 'body' || typeof path !== 'string' || Object.keys(rest).length > 0) {
		throw new Error(
			`Parameter "${property.name}": only routing.send {type: 'body', property} is supported`,
		);
	}
	return path;
}

/**
 * Reads the description once for an operation: the parameters it shows that carry
 * `routing.send`, so that an item's body is built with one parameter read per routed field
 * instead of RoutingNode's walk over every property.
 */
export function bodyMapFor(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): BodyMap {
	const map: BodyMap = [];
	for (const property of properties) {
		const show = property.displayOptions?.show ?? {};
		if (show.resource && !show.resource.includes(resource)) continue;
		if (show.operation && !show.operation.includes(operation)) continue;
		if (property.displayOptions?.hide)
			throw new Error(`Parameter "${property.name}": hide conditions are not supported here`);
		const when = Object.entries(show)
			.filter(([key]) => key !== 'resource' && key !== 'operation')
			.map(([key, values]): [string, unknown[]] => [key, (values ?? []) as unknown[]]);
		const path = bodyProperty(property);
		if (path !== undefined) {
			const extractValue = property.type === 'resourceLocator';
			map.push({ name: property.name, property: path, extractValue, when });
			continue;
		}
		// A collection's options send themselves; other options (an operation's) are not fields.
		if (property.type !== 'collection') {
			if (property.type !== 'options') refuseNestedRouting(property, property.options);
			continue;
		}
		const options = (property.options ?? []) as INodeProperties[];
		for (const child of options) {
			if (child.displayOptions && bodyProperty(child) !== undefined)
				throw new Error(
					`Parameter "${child.name}": display conditions inside a collection are not supported here`,
				);
			refuseNestedRouting(child, child.options);
		}
		const children = options
			.map((child) => ({ name: child.name, property: bodyProperty(child) }))
			.filter((child): child is { name: string; property: string } => child.property !== undefined);
		if (children.length > 0) map.push({ name: property.name, children, when });
	}
	return map;
}

/** Routing deeper than a collection's own options (a fixed collection's values, …) is not mapped. */
function refuseNestedRouting(parent: { name: string }, options: unknown): void {
	for (const option of (Array.isArray(options) ? options : []) as Array<{
		name?: string;
		routing?: unknown;
		values?: unknown;
		options?: unknown;
	}>) {
		if (option.routing)
			throw new Error(
				`Parameter "${parent.name}": routing inside "${String(option.name)}" is not supported here`,
			);
		refuseNestedRouting(parent, option.values);
		refuseNestedRouting(parent, option.options);
	}
}

/** The body RoutingNode's `routing.send` would build for this item. */
export function buildBody(item: ItemScope, map: BodyMap): IDataObject {
	const body: IDataObject = {};
	for (const field of map) {
		if (!field.when.every(([name, values]) => values.includes(item.parameter(name)))) continue;
		if ('children' in field) {
			const collection = (item.parameter(field.name, {}) ?? {}) as IDataObject;
			for (const child of field.children) {
				if (collection[child.name] !== undefined)
					setPath(body, child.property, collection[child.name]);
			}
			continue;
		}
		const value = item.parameter(field.name, undefined, { extractValue: field.extractValue });
		if (value !== undefined) setPath(body, field.property, value);
	}
	return body;
}

function setPath(target: IDataObject, dottedPath: string, value: unknown): void {
	const keys = dottedPath.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		const next = node[key];
		node = (next !== null && typeof next === 'object' ? next : (node[key] = {})) as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}
