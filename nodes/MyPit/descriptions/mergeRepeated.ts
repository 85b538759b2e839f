import type { INodeProperties } from 'n8n-workflow';

/**
 * Folds a parameter that several operations declare alike (Return All, Limit and Simplify of
 * every Get Many; the Template picker) into one top-level property shown for all of them.
 *
 * Why: n8n's RoutingNode walks every top-level property twice for every input item (about 10 µs
 * a property and item here; see bench/routingShape.ts), so fewer properties make each item
 * cheaper. Saved workflows cannot tell: names, types, defaults and values stay, and so does what
 * the editor shows for each operation, in the same order. A property is folded into an earlier
 * one with the same name only when both are identical apart from the resources and operations
 * they show for, the joined condition shows exactly the operations of the two, and nothing the
 * later one's operations show lies between them.
 */
export function mergeRepeatedProperties(properties: INodeProperties[]): INodeProperties[] {
	const operationsOf = resourceOperations(properties);
	const merged: INodeProperties[] = [];
	for (const property of properties) {
		const target = merged.findIndex(
			(earlier, index) =>
				earlier.name === property.name &&
				sameApartFromShow(earlier, property) &&
				joinIsExact(earlier, property, operationsOf) &&
				!merged
					.slice(index + 1)
					.some((between) => overlaps(pairsOf(property, operationsOf), between, operationsOf)),
		);
		if (target === -1) {
			merged.push(property);
			continue;
		}
		const earlier = merged[target];
		merged[target] = {
			...earlier,
			displayOptions: { show: joinedShow(earlier, property) },
		};
	}
	return merged;
}

type Pair = `${string}:${string}`;

/** Each resource's operation values, read from the `operation` selectors. */
function resourceOperations(properties: INodeProperties[]): Map<string, string[]> {
	const table = new Map<string, string[]>();
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource as string[] | undefined;
		if (property.name !== 'operation' || !resources || !property.options) continue;
		const values = property.options.map((option) => String((option as { value: unknown }).value));
		for (const resource of resources) table.set(resource, values);
	}
	return table;
}

/** The resource and operation pairs a property shows for; undefined when not limited by both. */
function pairsOf(
	property: INodeProperties,
	operationsOf: Map<string, string[]>,
): Set<Pair> | undefined {
	const show = property.displayOptions?.show;
	const resources = show?.resource as string[] | undefined;
	const operations = show?.operation as string[] | undefined;
	if (!resources || !operations || property.displayOptions?.hide) return undefined;
	const pairs = new Set<Pair>();
	for (const resource of resources) {
		for (const operation of operations) {
			if (operationsOf.get(resource)?.includes(operation)) pairs.add(`${resource}:${operation}`);
		}
	}
	return pairs;
}

/** The show conditions other than resource and operation, which must match to fold. */
function otherConditions(property: INodeProperties): string {
	const show = { ...property.displayOptions?.show };
	delete show.resource;
	delete show.operation;
	return JSON.stringify(show);
}

function withoutDisplayOptions(property: INodeProperties): Partial<INodeProperties> {
	const rest: Partial<INodeProperties> = { ...property };
	delete rest.displayOptions;
	return rest;
}

function sameApartFromShow(a: INodeProperties, b: INodeProperties): boolean {
	return (
		otherConditions(a) === otherConditions(b) &&
		!a.displayOptions?.hide &&
		!b.displayOptions?.hide &&
		deepEqual(withoutDisplayOptions(a), withoutDisplayOptions(b))
	);
}

function joinedShow(a: INodeProperties, b: INodeProperties) {
	const union = (key: 'resource' | 'operation') => [
		...new Set([
			...((a.displayOptions?.show?.[key] as string[]) ?? []),
			...((b.displayOptions?.show?.[key] as string[]) ?? []),
		]),
	];
	return { ...a.displayOptions?.show, resource: union('resource'), operation: union('operation') };
}

/** The joined condition must not show the parameter for an operation neither showed it for. */
function joinIsExact(
	a: INodeProperties,
	b: INodeProperties,
	operationsOf: Map<string, string[]>,
): boolean {
	const pairsA = pairsOf(a, operationsOf);
	const pairsB = pairsOf(b, operationsOf);
	if (!pairsA || !pairsB) return false;
	const joined = pairsOf({ ...a, displayOptions: { show: joinedShow(a, b) } }, operationsOf)!;
	return joined.size === new Set([...pairsA, ...pairsB]).size;
}

/** Whether a property may be shown for one of these pairs (unknown conditions count as yes). */
function overlaps(
	pairs: Set<Pair> | undefined,
	property: INodeProperties,
	operationsOf: Map<string, string[]>,
): boolean {
	const own = pairsOf(property, operationsOf);
	if (!pairs || !own) return true;
	return [...own].some((pair) => pairs.has(pair));
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a === 'function' || typeof b === 'function') return false;
	if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	return (
		keysA.length === keysB.length &&
		keysA.every((key) =>
			deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
		)
	);
}
