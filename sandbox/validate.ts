/**
 * A small strict validator in the spirit of Convex argument validators.
 *
 * Schemas are built from the helpers below and `parse` returns the typed value or throws a 400
 * ApiError naming the offending field with its full path (`data.email`, `paginationOpts.cursor`).
 * Objects are closed: a key the schema does not declare is rejected at any nesting level.
 */
import { badRequest } from './errors';

export interface Schema<T> {
	/** Describes what the value must be, for "must be ..." messages. */
	readonly expected: string;
	parse(value: unknown, path: string): T;
}

interface OptionalSchema<T> extends Schema<T> {
	readonly optional: true;
}

type AnySchema = Schema<unknown>;
type Shape = Record<string, AnySchema>;
type OutputOf<S> = S extends Schema<infer T> ? T : never;
type OptionalKeys<F extends Shape> = {
	[K in keyof F]: F[K] extends OptionalSchema<unknown> ? K : never;
}[keyof F];
type RequiredKeys<F extends Shape> = Exclude<keyof F, OptionalKeys<F>>;
type Simplify<T> = { [K in keyof T]: T[K] };
type ObjectOutput<F extends Shape> = Simplify<
	{ [K in RequiredKeys<F>]: OutputOf<F[K]> } & { [K in OptionalKeys<F>]?: OutputOf<F[K]> }
>;

const fail = (message: string): never => {
	throw badRequest(message);
};

const mustBe = (path: string, what: string): never => fail(`Field "${path}" must be ${what}`);

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string; `nonEmpty` (the default) rejects '' and whitespace-only text. */
export function string(opts: { nonEmpty?: boolean; email?: boolean } = {}): Schema<string> {
	const nonEmpty = opts.nonEmpty ?? true;
	return {
		expected: 'a string',
		parse(value, path) {
			if (typeof value !== 'string') return mustBe(path, 'a string');
			if (nonEmpty && value.trim() === '') return mustBe(path, 'a non-empty string');
			if (opts.email && !EMAIL.test(value)) return mustBe(path, 'a valid email address');
			return value;
		},
	};
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** A finite JSON number, optionally integer and/or bounded below. */
export function number(
	opts: { integer?: boolean; positive?: boolean; nonNegative?: boolean } = {},
): Schema<number> {
	const what = opts.integer
		? opts.positive
			? 'a positive integer'
			: opts.nonNegative
				? 'a non-negative integer'
				: 'an integer'
		: opts.positive
			? 'a positive number'
			: opts.nonNegative
				? 'a non-negative number'
				: 'a number';
	return {
		expected: what,
		parse(value, path) {
			if (typeof value !== 'number' || !Number.isFinite(value)) return mustBe(path, 'a number');
			if (opts.integer && !Number.isInteger(value)) return mustBe(path, what);
			if (opts.positive && value <= 0) return mustBe(path, what);
			if (opts.nonNegative && value < 0) return mustBe(path, what);
			return value;
		},
	};
}

/** One of a fixed set of strings. */
export function oneOf<V extends string>(values: readonly V[]): Schema<V> {
	const expected = `one of ${values.map((v) => `"${v}"`).join(', ')}`;
	return {
		expected,
		parse(value, path) {
			if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
				return fail(`Field "${path}" must be ${expected} (got ${describe(value)})`);
			}
			return value as V;
		},
	};
}

/** An array of `item`; `nonEmpty` rejects [], `unique` rejects repeated primitive values. */
export function array<T>(
	item: Schema<T>,
	opts: { nonEmpty?: boolean; unique?: boolean } = {},
): Schema<T[]> {
	const expected = `an array of ${item.expected.replace(/^an? /, '')}s`;
	return {
		expected,
		parse(value, path) {
			if (!Array.isArray(value)) return mustBe(path, expected);
			if (opts.nonEmpty && value.length === 0)
				return mustBe(path, `a non-empty ${expected.replace(/^an? /, '')}`);
			const out: T[] = [];
			const seen = new Set<unknown>();
			value.forEach((element, i) => {
				let parsed: T;
				try {
					parsed = item.parse(element, `${path}[${i}]`);
				} catch (error) {
					return fail(`Field "${path}" must be ${expected} (${(error as Error).message})`);
				}
				if (opts.unique) {
					if (seen.has(parsed)) {
						return fail(
							`Field "${path}" must not contain duplicates (${JSON.stringify(parsed)} appears more than once)`,
						);
					}
					seen.add(parsed);
				}
				out.push(parsed);
			});
			return out;
		},
	};
}

/** Any JSON value, including null; only its presence is required. */
export function anyJson(): Schema<unknown> {
	return { expected: 'any JSON value', parse: (value) => value };
}

/** Marks an object field as optional (the key may be absent). */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
	return {
		expected: inner.expected,
		optional: true,
		parse: (value, path) => inner.parse(value, path),
	};
}

function isOptional(schema: AnySchema): boolean {
	return (schema as Partial<OptionalSchema<unknown>>).optional === true;
}

/** A closed object: unknown keys are rejected, then declared fields are checked in order. */
export function object<F extends Shape>(fields: F): Schema<ObjectOutput<F>> {
	const keys = Object.keys(fields);
	return {
		expected: 'an object',
		parse(value, path) {
			if (!isPlainObject(value)) {
				return path === '' ? fail('Request body must be a JSON object') : mustBe(path, 'an object');
			}
			for (const key of Object.keys(value)) {
				if (!Object.prototype.hasOwnProperty.call(fields, key))
					fail(`Unexpected field "${join(path, key)}"`);
			}
			const out: Record<string, unknown> = {};
			for (const key of keys) {
				const fieldPath = join(path, key);
				if (!Object.prototype.hasOwnProperty.call(value, key)) {
					if (isOptional(fields[key])) continue;
					fail(`Missing required field "${fieldPath}"`);
				}
				out[key] = fields[key].parse(value[key], fieldPath);
			}
			return out as ObjectOutput<F>;
		},
	};
}

/** Validates a whole request body (path '' is the body itself). */
export function parseBody<T>(schema: Schema<T>, body: unknown): T {
	return schema.parse(body, '');
}

function join(path: string, key: string): string {
	return path === '' ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
	if (typeof value === 'object') return 'an object';
	return String(value);
}
