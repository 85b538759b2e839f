/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as path from 'node:path';

import type { OutputSample } from '../../tooling/engine/outputSamples';
import { inferSchema } from './inferSchema';

/** n8n reads `__schema__/v<node version as x.y.z>/<resource>/<operation>.json` beside the node file. */
export const SCHEMA_ROOT = path.resolve(
	__dirname,
	'..',
	'..',
	'nodes',
	'MyPit',
	'__schema__',
	'v1.0.0',
);

export const schemaPath = (resource: string, operation: string) =>
	path.join(SCHEMA_ROOT, resource, `${operation}.json`);

/** File path → file text (tab-indented JSON, as n8n's own schemas) for every operation sampled. */
export function schemaFiles(samples: OutputSample[]): Map<string, string> {
	const byOperation = new Map<string, OutputSample[]>();
	for (const sample of samples) {
		const file = schemaPath(sample.resource, sample.operation);
		byOperation.set(file, [...(byOperation.get(file) ?? []), sample]);
	}
	const files = new Map<string, string>();
	for (const [file, operationSamples] of [...byOperation].sort(([a], [b]) => a.localeCompare(b))) {
		const schema = inferSchema(operationSamples.flatMap((sample) => sample.items));
		files.set(file, `${JSON.stringify(schema, null, '\t')}\n`);
	}
	return files;
}
