/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run schemas`: writes the output schema of every operation to
 * nodes/MyPit/__schema__/v1.0.0/<resource>/<operation>.json, the files n8n's editor shows as a
 * node's output fields before it runs. The samples are real: the built node runs every scenario of
 * tooling/engine/outputSamples.ts in n8n's engine against the sandbox. Run after `npm run build`
 * (the npm script does both); the schema test fails until the committed files match.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// The engine's settings and log level, as in the jest setup.
import '../../tooling/engine/env';
import { startSandbox } from '../../sandbox';
import { collectOutputSamples } from '../../tooling/engine/outputSamples';
import { schemaFiles, SCHEMA_ROOT } from './schemaFiles';

async function main() {
	fs.mkdirSync(process.env.N8N_USER_FOLDER as string, { recursive: true });
	const sandbox = await startSandbox({ quiet: true });
	try {
		const samples = await collectOutputSamples(sandbox);
		const files = schemaFiles(samples);
		fs.rmSync(SCHEMA_ROOT, { recursive: true, force: true });
		for (const [file, text] of files) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, text);
			console.log(`wrote ${path.relative(process.cwd(), file)}`);
		}
		console.log(`${files.size} output schemas from ${samples.length} runs`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
