/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run bench:agent`: what an AI agent's "find one holder" costs, on accounts of 5,000 and
 * 100,000 holders. The MyPit Tool is called through n8n-core's own tool wrapper
 * (tooling/engine/toolCall.ts, as an agent's tool call runs); the bytes are the JSON answer the
 * model receives, the requests are counted in the sandbox's log. Beside it, what the same tool
 * answered before Filters and the bounded answer: Get Many with Return All, every holder.
 *
 *   npm run build && npm run bench:agent [-- --sizes 5000,100000]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// As in the engine tests (tooling/engine/env.js): n8n-core's settings file goes to a temp folder.
process.env.N8N_USER_FOLDER ||= path.join(os.tmpdir(), 'n8n-nodes-mypit-test');
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_LOG_LEVEL ||= 'silent';
fs.mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });

import { credentialsFor, startSandbox } from '../sandbox';
import { runMyPit } from '../tooling/engine/engine';
import { callMyPitTool } from '../tooling/engine/toolCall';

function sizes(): number[] {
	const index = process.argv.indexOf('--sizes');
	const text = index > 0 ? process.argv[index + 1] : '5000,100000';
	return text.split(',').map(Number);
}

const fromAI = (key: string, description: string) =>
	`={{ $fromAI('${key}', '${description}', 'string') }}`;

interface Row {
	holders: number;
	way: string;
	bytes: number;
	records: number;
	requests: number;
	ms: number;
}

async function main() {
	const sandbox = await startSandbox({ quiet: true });
	const rows: Row[] = [];
	try {
		for (const count of sizes()) {
			const account = sandbox.control.createAccount();
			const credentials = credentialsFor(account, sandbox.url);
			const holders = sandbox.control.seedHolders(account.userId, count);
			// The holder the agent looks for is near the end: the worst case for a scan.
			const wanted = holders[count - 10];

			const measure = async (
				way: string,
				action: () => Promise<{ bytes: number; records: number }>,
			) => {
				sandbox.control.clearLog();
				const started = process.hrtime.bigint();
				const { bytes, records } = await action();
				const ms = Number(process.hrtime.bigint() - started) / 1e6;
				rows.push({
					holders: count,
					way,
					bytes,
					records,
					requests: sandbox.control.requestLog().length,
					ms,
				});
			};
			await measure('tool: Get Many, Filters email ($fromAI)', async () => {
				const result = await callMyPitTool(
					credentials,
					{
						resource: 'holder',
						operation: 'getAll',
						returnAll: true,
						filters: { email: fromAI('email', 'The whole email address') },
					},
					{ email: wanted.email },
				);
				if (result.error) throw new Error(result.error);
				const [answer] = result.response as Array<{ holders: unknown[] }>;
				return {
					bytes: Buffer.byteLength(JSON.stringify(result.response)),
					records: answer.holders.length,
				};
			});
			await measure('tool: Get Many, no filter (bounded answer)', async () => {
				const result = await callMyPitTool(
					credentials,
					{ resource: 'holder', operation: 'getAll', returnAll: true },
					{},
				);
				if (result.error) throw new Error(result.error);
				const [answer] = result.response as Array<{ holders: unknown[] }>;
				return {
					bytes: Buffer.byteLength(JSON.stringify(result.response)),
					records: answer.holders.length,
				};
			});
			await measure(
				'before: every holder (Get Many, Return All, as a workflow run outputs it)',
				async () => {
					const run = await runMyPit({
						credentials,
						parameters: { resource: 'holder', operation: 'getAll', returnAll: true },
					});
					const json = run.items.map((item) => item.json);
					return { bytes: Buffer.byteLength(JSON.stringify(json)), records: json.length };
				},
			);
			sandbox.control.closeAccount(account.clientId);
		}
	} finally {
		await sandbox.close();
	}
	console.log('| Holders | Way | Answer bytes | Records | MyPit requests | ms |');
	console.log('|---:|---|---:|---:|---:|---:|');
	for (const row of rows)
		console.log(
			`| ${row.holders.toLocaleString('en')} | ${row.way} | ${row.bytes.toLocaleString('en')} | ${row.records} | ${row.requests} | ${Math.round(row.ms)} |`,
		);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
