import * as fs from 'node:fs';
import * as path from 'node:path';

import Ajv from 'ajv';
import type { INodeTypeDescription } from 'n8n-workflow';

import { SCHEMA_ROOT, schemaPath } from '../../scripts/schemas/schemaFiles';
import { answerSamples, SCENARIOS } from '../../tooling/engine/outputSamples';
import { nodeOperations } from '../helpers/nodeOperations';
import { loadPackage } from '../../tooling/engine/package-loader';

const ROOT = path.resolve(__dirname, '..', '..');
const HOW_TO_FIX =
	"add its runs to tooling/engine/outputSamples.ts (none when it outputs its endpoint's {_id} or {success} answer) and run `npm run schemas`";

let operations: Array<{ resource: string; operation: string }>;
beforeAll(async () => {
	const { nodes } = await loadPackage();
	// The MyPit node by name: the package may hold other nodes (a trigger) beside it.
	const myPit = nodes.find((node) => node.description.name === 'myPit');
	operations = nodeOperations(myPit?.description as INodeTypeDescription);
});

describe('output schemas (nodes/MyPit/__schema__/v1.0.0)', () => {
	test('the node has the 12 operations the schemas were made for, or more', () => {
		expect(operations.length).toBeGreaterThanOrEqual(12);
	});

	test('every operation has a schema file and sample runs', () => {
		const withoutSchema = operations.filter(
			({ resource, operation }) => !fs.existsSync(schemaPath(resource, operation)),
		);
		const sampled = [...SCENARIOS, ...answerSamples()];
		const withoutRuns = operations.filter(
			({ resource, operation }) =>
				!sampled.some((sample) => sample.resource === resource && sample.operation === operation),
		);
		const label = ({ resource, operation }: { resource: string; operation: string }) =>
			`${resource}/${operation}`;
		expect({
			withoutSchema: withoutSchema.map(label),
			withoutRuns: withoutRuns.map(label),
			fix: HOW_TO_FIX,
		}).toEqual({
			withoutSchema: [],
			withoutRuns: [],
			fix: HOW_TO_FIX,
		});
	});

	test('every schema file belongs to an operation of the node (none left over)', () => {
		const expected = operations
			.map(({ resource, operation }) => schemaPath(resource, operation))
			.sort();
		const present = fs
			.readdirSync(SCHEMA_ROOT, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => path.join(entry.parentPath, entry.name))
			.sort();
		expect(present).toEqual(expected);
	});

	test('every schema is a valid JSON Schema of an object with fields, as the editor needs', () => {
		const ajv = new Ajv({ strict: true, allowUnionTypes: true });
		for (const { resource, operation } of operations) {
			const schema = JSON.parse(fs.readFileSync(schemaPath(resource, operation), 'utf8'));
			expect(() => ajv.compile(schema)).not.toThrow();
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
		}
	});

	test('the build ships every schema in dist/, byte for byte', () => {
		for (const { resource, operation } of operations) {
			const source = schemaPath(resource, operation);
			const shipped = path.join(ROOT, 'dist', path.relative(ROOT, source));
			expect(fs.existsSync(shipped)).toBe(true);
			expect(fs.readFileSync(shipped, 'utf8')).toBe(fs.readFileSync(source, 'utf8'));
		}
	});
});
