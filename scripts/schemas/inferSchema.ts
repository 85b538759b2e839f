/**
 * A JSON Schema (draft-07 subset, as in n8n's own `__schema__` files) inferred from sample
 * values: the types seen, the properties seen, and as required the properties present in every
 * sample. Samples of Simplify on and off go in together, so both validate against one schema.
 */
export interface JsonSchema {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPE_ORDER = ['object', 'array', 'string', 'number', 'boolean', 'null'];

function typeOf(value: Json): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

export function inferSchema(samples: unknown[]): JsonSchema {
	const values = samples as Json[];
	const types = [...new Set(values.map(typeOf))].sort(
		(a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b),
	);
	const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };

	const objects = values.filter(
		(value): value is { [key: string]: Json } => typeOf(value) === 'object',
	);
	if (objects.length > 0) {
		const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))];
		schema.properties = Object.fromEntries(
			keys.map((key) => [
				key,
				inferSchema(objects.filter((object) => key in object).map((object) => object[key])),
			]),
		);
		schema.required = keys.filter((key) => objects.every((object) => key in object));
	}

	const elements = values.filter((value): value is Json[] => Array.isArray(value)).flat();
	if (elements.length > 0) schema.items = inferSchema(elements);
	return schema;
}
