/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-unused-vars -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as fs from 'node:fs';

import Ajv, { type ValidateFunction } from 'ajv';

import { startSandbox, type Sandbox } from '../../sandbox';
import type { JsonSchema } from '../../scripts/schemas/inferSchema';
import { schemaFiles, schemaPath } from '../../scripts/schemas/schemaFiles';
import { collectOutputSamples, type OutputSample } from '../../tooling/engine/outputSamples';

/**
 * The committed output schemas against what the node really returns now: every operation's
 * items (Simplify on and off) run through n8n's engine against the sandbox and are checked with
 * ajv. A field that appears, disappears or changes type fails here until `npm run schemas`.
 */

/** The schema with no field beyond those listed, at every level: a new output field is drift too. */
function closed(schema: JsonSchema): JsonSchema & { additionalProperties?: boolean } {
	return {
		...schema,
		...(schema.properties
			? {
					properties: Object.fromEntries(
						Object.entries(schema.properties).map(([key, value]) => [key, closed(value)]),
					),
					additionalProperties: false,
				}
			: {}),
		...(schema.items ? { items: closed(schema.items) } : {}),
	};
}

let sandbox: Sandbox;
let samples: OutputSample[];
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
const validators = new Map<string, ValidateFunction>();

function validatorFor(resource: string, operation: string): ValidateFunction {
	const file = schemaPath(resource, operation);
	if (!validators.has(file))
		validators.set(file, ajv.compile(closed(JSON.parse(fs.readFileSync(file, 'utf8')))));
	return validators.get(file) as ValidateFunction;
}

beforeAll(async () => {
	sandbox = await startSandbox({ quiet: true });
	samples = await collectOutputSamples(sandbox);
}, 120_000);

afterAll(async () => {
	await sandbox?.close();
});

describe('output schemas against real output', () => {
	test('every run of every operation validates against its schema (ajv), item by item', () => {
		const failures: string[] = [];
		for (const sample of samples) {
			const validate = validatorFor(sample.resource, sample.operation);
			sample.items.forEach((item, index) => {
				if (!validate(item)) {
					failures.push(
						`${sample.resource}/${sample.operation} (${sample.variant}) item ${index}: ${ajv.errorsText(validate.errors)}`,
					);
				}
			});
		}
		expect(failures).toEqual([]);
		expect(samples.some((sample) => sample.variant === 'Simplify off')).toBe(true);
		expect(samples.some((sample) => sample.variant === 'Simplify on')).toBe(true);
	});

	test('the committed schemas are exactly what `npm run schemas` makes from these runs', () => {
		for (const [file, text] of schemaFiles(samples)) {
			expect({ file, text: fs.readFileSync(file, 'utf8') }).toEqual({ file, text });
		}
	});

	test('a changed field type fails validation (the check is not vacuous)', () => {
		const holder = samples.find(
			(sample) =>
				sample.resource === 'holder' &&
				sample.operation === 'get' &&
				sample.variant === 'Simplify off',
		);
		const validate = validatorFor('holder', 'get');
		expect(validate({ ...holder?.items[0], email: 42 })).toBe(false);
		expect(validate({ ...holder?.items[0], surprise: 'a field the schema does not list' })).toBe(
			false,
		);
		const { _id: _dropped, ...withoutId } = holder?.items[0] ?? {};
		expect(validate(withoutId)).toBe(false);
	});
});
