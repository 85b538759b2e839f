/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run bench:trigger`: what the MyPit Trigger costs over 100,000 issued badges, beside the
 * Schedule + Get Many way (every poll reads every badge). In-process: n8n-core's real PollContext
 * and WorkflowExecute (tooling/engine), the sandbox in the same process over real HTTP (127.0.0.1).
 * Requests are counted in the sandbox's log; times are wall clock of one poll / one run.
 *
 *   npm run build && npm run bench:trigger [-- --badges 100000 --new 1000]
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
import { PolledTrigger } from '../tooling/engine/poll';

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

interface Row {
	way: string;
	step: string;
	requests: number;
	ms: number;
	items: number;
}

async function main() {
	const total = option('badges', 100_000);
	const fresh = option('new', 1000);
	const sandbox = await startSandbox({ quiet: true });
	const rows: Row[] = [];
	try {
		const account = sandbox.control.createAccount();
		const credentials = credentialsFor(account, sandbox.url);
		sandbox.control.seedHolders(account.userId, 100);
		sandbox.control.seedBadges(account.userId, total);

		const measure = async (way: string, step: string, action: () => Promise<number>) => {
			sandbox.control.clearLog();
			const started = process.hrtime.bigint();
			const items = await action();
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			rows.push({
				way,
				step,
				requests: sandbox.control.requestLog().length,
				ms: Math.round(ms),
				items,
			});
		};

		let badgeCount = total;
		for (const lastPageCursor of ['string', 'null'] as const) {
			sandbox.control.setReadings({ lastPageCursor });
			const way =
				lastPageCursor === 'string'
					? 'MyPit Trigger (cursor resumed)'
					: 'MyPit Trigger (no last-page cursor: full read)';
			const trigger = await PolledTrigger.create(credentials, { event: 'badge.issued' });
			await measure(
				way,
				`activation over ${badgeCount.toLocaleString('en')} badges`,
				async () => (await trigger.activate()).items.length,
			);
			await measure(way, 'idle poll', async () => (await trigger.poll()).items.length);
			sandbox.control.seedBadges(account.userId, fresh);
			badgeCount += fresh;
			await measure(
				way,
				`poll with ${fresh.toLocaleString('en')} new badges`,
				async () => (await trigger.poll()).items.length,
			);
			await measure(way, 'idle poll again', async () => (await trigger.poll()).items.length);
		}
		sandbox.control.setReadings({ lastPageCursor: 'string' });

		for (const pageSize of [100, 1000]) {
			await measure(
				`Schedule + Get Many (Return All, page size ${pageSize})`,
				`one run over ${badgeCount.toLocaleString('en')} badges`,
				async () => {
					const result = await runMyPit({
						credentials,
						parameters: {
							resource: 'badge',
							operation: 'getAll',
							returnAll: true,
							simplify: true,
							options: { pageSize },
						},
					});
					if (result.error) throw new Error(result.error.message);
					return result.items.length;
				},
			);
		}
	} finally {
		await sandbox.close();
	}

	console.log(
		`MyPit Trigger vs Schedule + Get Many (in-process n8n-core engine, sandbox over HTTP, Node ${process.version})\n`,
	);
	console.log('| Way | Step | Requests | Time (ms) | Items |');
	console.log('| --- | --- | ---: | ---: | ---: |');
	for (const row of rows)
		console.log(`| ${row.way} | ${row.step} | ${row.requests} | ${row.ms} | ${row.items} |`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
