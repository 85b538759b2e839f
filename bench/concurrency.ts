/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run bench:concurrency`: what "Max Concurrent Requests" and the credential's "Max Requests
 * per Minute" do and cost. Holder → Get for N input items through n8n's real engine in this
 * process (the in-process harness of tooling/engine), against the MyPit
 * sandbox in its own process with 50 ms latency per request.
 *
 *   npm run build && npm run bench:concurrency
 *   npm run bench:concurrency -- --quick     # 300 items only
 *   npm run bench:concurrency -- --rate      # the rate limit only
 *   npm run bench:concurrency -- --items 5000 --bound 1000   # one row
 */
import * as os from 'node:os';
import * as path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { startSandboxProcess, type SandboxProcess } from './sandbox-process';

// Before n8n-core is loaded: its settings file and logger (as tooling/engine/env.js does for jest).
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), 'n8n-nodes-mypit-bench');
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';

type Engine = typeof import('../tooling/engine/engine');

const LATENCY_MS = 50;
/** The option's largest value: no bound in practice, as n8n alone would run the items. */
const UNBOUNDED = 1000;

interface Account {
	clientId: string;
	secretKey: string;
	userId: string;
}

interface InFlight {
	maxInFlight: number;
}

interface LoggedRequest {
	at: number;
}

async function newAccount(sandbox: SandboxProcess, holders: number) {
	const account = await sandbox.control<Account>('POST', '/accounts', {});
	const seeded = await sandbox.control<{ holders: string[] }>('POST', '/seed', {
		userId: account.userId,
		holders,
	});
	return {
		credentials: {
			clientId: account.clientId,
			secretKey: account.secretKey,
			baseUrl: sandbox.url,
			userId: account.userId,
		},
		rows: seeded.holders.map((id) => ({ id })),
	};
}

const getHolder = (maxConcurrentRequests?: number): INodeParameters => ({
	resource: 'holder',
	operation: 'get',
	holderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	options: maxConcurrentRequests === undefined ? {} : { maxConcurrentRequests },
});

async function concurrencyRow(
	engine: Engine,
	sandbox: SandboxProcess,
	items: number,
	label: string,
	bound?: number,
) {
	const { credentials, rows } = await newAccount(sandbox, items);
	await sandbox.clearLog();
	await sandbox.control('DELETE', '/in-flight');
	const started = performance.now();
	const result = await engine.runMyPit({ parameters: getHolder(bound), credentials, input: rows });
	const seconds = (performance.now() - started) / 1000;
	if (result.error || result.items.length !== items)
		throw new Error(`${label}: ${result.error?.message ?? `${result.items.length} items`}`);
	const { maxInFlight } = await sandbox.control<InFlight>('GET', '/in-flight');
	return { items, label, maxInFlight, seconds, requests: await sandbox.requestCount() };
}

async function rateRow(
	engine: Engine,
	sandbox: SandboxProcess,
	perMinute: number,
	executions: number,
	itemsEach: number,
) {
	const { credentials, rows } = await newAccount(sandbox, itemsEach);
	await sandbox.clearLog();
	const limited = { ...credentials, maxRequestsPerMinute: perMinute };
	const started = performance.now();
	await Promise.all(
		Array.from(
			{ length: executions },
			async () =>
				await engine.runMyPit({ parameters: getHolder(), credentials: limited, input: rows }),
		),
	);
	const seconds = (performance.now() - started) / 1000;
	const times = (await sandbox.control<{ requests: LoggedRequest[] }>('GET', '/log')).requests
		.map((request) => request.at)
		.sort((a, b) => a - b);
	const measured = ((times.length - 1) / (times[times.length - 1] - times[0])) * 60_000;
	return { perMinute, executions, requests: times.length, seconds, measured };
}

async function main() {
	const quick = process.argv.includes('--quick');
	const rateOnly = process.argv.includes('--rate');
	const argument = (name: string) => {
		const index = process.argv.indexOf(name);
		return index >= 0 ? Number(process.argv[index + 1]) : undefined;
	};
	const onlyItems = argument('--items');
	const onlyBound = argument('--bound');
	const oneRow = onlyItems !== undefined;
	const engine = require('../tooling/engine/engine') as Engine;
	const sandbox = await startSandboxProcess();
	try {
		await sandbox.control('POST', '/latency', { latencyMs: LATENCY_MS });
		// One warm-up run: module loading and JIT are not part of any figure.
		await concurrencyRow(engine, sandbox, 20, 'warm-up');

		console.log(
			`Holder → Get, sandbox latency ${LATENCY_MS} ms, n8n engine in process (n8n-core ${require('n8n-core/package.json').version})\n`,
		);
		console.log('| Items | Max Concurrent Requests | Max in flight | Time (s) | Requests |');
		console.log('| ---: | --- | ---: | ---: | ---: |');
		for (const items of rateOnly ? [] : oneRow ? [onlyItems] : quick ? [300] : [300, 5000]) {
			const bounds: Array<readonly [string, number | undefined]> = oneRow
				? [[onlyBound === undefined ? 'default (5)' : String(onlyBound), onlyBound]]
				: [
						['default (5)', undefined],
						['1', 1],
						['16', 16],
						[`${UNBOUNDED} (unbounded)`, UNBOUNDED],
					];
			for (const [label, bound] of bounds) {
				if (!oneRow && items > 300 && bound === 1) continue; // 5,000 × 50 ms one at a time: over 4 minutes, adds nothing
				const row = await concurrencyRow(engine, sandbox, items, label, bound);
				console.log(
					`| ${row.items} | ${row.label} | ${row.maxInFlight} | ${row.seconds.toFixed(2)} | ${row.requests} |`,
				);
			}
		}

		if (oneRow) return;
		console.log(
			'\nMax Requests per Minute: one client ID, several executions of Holder → Get at once (same latency)\n',
		);
		console.log('| Limit / min | Executions at once | Requests | Time (s) | Measured / min |');
		console.log('| ---: | ---: | ---: | ---: | ---: |');
		for (const [perMinute, executions, itemsEach] of [
			[120, 3, 4],
			[600, 3, 20],
		]) {
			const row = await rateRow(engine, sandbox, perMinute, executions, itemsEach);
			console.log(
				`| ${row.perMinute} | ${row.executions} | ${row.requests} | ${row.seconds.toFixed(2)} | ${row.measured.toFixed(1)} |`,
			);
		}
	} finally {
		await sandbox.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
