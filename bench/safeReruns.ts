/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run bench:safe-reruns`: what being safe to run again costs, in the real n8n the e2e tests
 * use, against the sandbox in its own process. 1,000 input items against 100,000 existing
 * holders (Holder → Create vs Create or Update) and 100,000 issued badges (Badge → Issue vs the
 * same with Skip Holders Who Already Have It), first run and the same run again. Half of the
 * input is already known: 500 holders exist (same data), 500 holders hold the badge.
 *
 *   npm run bench:safe-reruns              # 100,000 records, 1,000 items
 *   npm run bench:safe-reruns -- --quick   # 10,000 records, 200 items
 *   npm run bench:safe-reruns -- --per-item   # also Issue with one holder per item (1,000 issue requests)
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

import {
	createN8nHome,
	installCommunityPackage,
	n8nPaths,
	nodeItems,
	startN8n,
	type N8nServer,
} from '../tooling/n8n';
import type { Account } from './raw';
import { BENCH_ISSUER_DID } from './jobs';
import { buildAndPack, createBenchCredential } from './package';
import { createHolderExpression } from './workflows';
import { startSandboxProcess } from './sandbox-process';

const ROOT = path.resolve(__dirname, '..');

interface Row {
	scenario: string;
	run: string;
	requests: Record<string, number>;
	timeMs: number;
	outcome: string;
}

/** The MyPit node fed by Edit Fields (raw JSON list) → Split Out: one input item per entry. */
function workflow(
	name: string,
	entries: unknown[],
	parameters: Record<string, unknown>,
	credential: { id: string; name: string },
	lastNode: { name: string; type: string } & Record<string, unknown> = myPitNode(
		parameters,
		credential,
	),
) {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{
			name: 'List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ entries }), options: {} },
		},
		{
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'entries', options: {} },
		},
		lastNode,
	].map((node, index) => ({
		...node,
		id: `n${index}`,
		position: [index * 220, 0] as [number, number],
	}));
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

function myPitNode(parameters: Record<string, unknown>, credential: { id: string; name: string }) {
	return {
		name: 'MyPit',
		type: 'n8n-nodes-mypit.myPit',
		typeVersion: 1,
		parameters,
		credentials: { myPitApi: credential },
	};
}

/** n8n's HTTP Request node posting each row's createHolder body (one JSON body expression). */
function httpCreateHolderNode(
	sandboxUrl: string,
	userId: string,
	credential: { id: string; name: string },
) {
	return {
		// Named like the MyPit node so the outcome reads its items the same way.
		name: 'MyPit',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/createHolder`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'myPitApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: createHolderExpression(userId),
			options: {},
		},
		credentials: { myPitApi: credential },
	};
}

/** A seeded holder's row as a sheet would hold it (the sandbox's seed data for number n). */
const knownRow = (n: number) => ({
	name: `Seed Holder ${n}`,
	email: `holder${n}@example.com`,
	phone: `+1555${String(n).padStart(7, '0')}`,
	did: `did:ethr:0x${n}`,
	userId: `ext-holder-${n}`,
});
const newRow = (n: number) => ({
	name: `New Person ${n}`,
	email: `new${n}@example.org`,
	phone: '+1 555 0100',
	did: `did:ethr:0xnew${n}`,
	userId: `new-${n}`,
});

const holderParameters = (operation: string) => ({
	resource: 'holder',
	operation,
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	holderDid: '={{ $json.did }}',
	externalHolderId: '={{ $json.userId }}',
});

async function main() {
	const quick = process.argv.includes('--quick');
	const records = quick ? 10_000 : 100_000;
	const items = quick ? 200 : 1_000;
	const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

	log('building and packing the node');
	const tarball = buildAndPack();
	execFileSync('bash', [path.join(ROOT, 'scripts/n8n/provision.sh')], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});

	const sandbox = await startSandboxProcess();
	const home = await createN8nHome();
	await installCommunityPackage(home, tarball);
	// A 1,000-item run keeps n8n's event loop busy for seconds on a loaded machine; n8n's own
	// database ping (5 s by default) would then declare the database lost mid-run.
	const server = await startN8n(home, { env: { DB_PING_TIMEOUT_MS: '300000' } });
	log(`n8n ${n8nPaths().version} up; sandbox at ${sandbox.url} (page cap 1000)`);

	const rows: Row[] = [];
	try {
		/** A fresh sandbox and account for each contender, so no run sees another's writes. */
		const fresh = async () => {
			await sandbox.control('POST', '/reset');
			const account = await sandbox.control<Account>('POST', '/accounts', {});
			const credential = await createBenchCredential(server, sandbox.url, account, {
				issuerDid: BENCH_ISSUER_DID,
			});
			return { account, credential };
		};
		const measure = async (
			scenario: string,
			run: string,
			server: N8nServer,
			workflowId: string,
			outcome: (json: Array<Record<string, unknown>>) => string,
		) => {
			await sandbox.clearLog();
			const result = await server
				.runWorkflow(workflowId, { timeoutMs: 900_000, expectSuccess: true })
				.catch((error: Error) => {
					// A loaded machine can make n8n's own database ping time out: keep the other figures.
					rows.push({
						scenario,
						run,
						requests: {},
						timeMs: NaN,
						outcome: `FAILED: ${error.message.slice(0, 120)}`,
					});
					log(`${scenario} · ${run} · FAILED: ${error.message.slice(0, 300)}`);
					return undefined;
				});
			if (!result) return;
			const logged = await sandbox.control<{ requests: Array<{ path: string }> }>('GET', '/log');
			const requests: Record<string, number> = {};
			for (const request of logged.requests)
				requests[request.path] = (requests[request.path] ?? 0) + 1;
			const row = {
				scenario,
				run,
				requests,
				timeMs: Date.parse(result.stoppedAt ?? '') - Date.parse(result.startedAt ?? ''),
				outcome: outcome(nodeItems(result, 'MyPit').map((item) => item.json)),
			};
			rows.push(row);
			log(`${scenario} · ${run} · ${row.timeMs} ms · ${JSON.stringify(requests)} · ${row.outcome}`);
		};
		const count = (json: Array<Record<string, unknown>>, field: string) => {
			const tally: Record<string, number> = {};
			for (const item of json) tally[String(item[field])] = (tally[String(item[field])] ?? 0) + 1;
			return Object.entries(tally)
				.map(([value, n]) => `${n} ${field} ${value}`)
				.join(', ');
		};

		// Holders: half the rows are seeded holders with the same data, half are new people.
		const holderRows = [
			...Array.from({ length: items / 2 }, (_, i) => knownRow(i + 1)),
			...Array.from({ length: items / 2 }, (_, i) => newRow(i + 1)),
		];
		const holderScenario = `${items} rows, ${records.toLocaleString('en')} holders`;
		for (const operation of ['create', 'createOrUpdate']) {
			const { account, credential } = await fresh();
			await sandbox.control('POST', '/seed', { userId: account.userId, holders: records });
			const id = await server.createWorkflow(
				workflow(`bench holder ${operation}`, holderRows, holderParameters(operation), credential),
			);
			const label = operation === 'create' ? 'Holder → Create' : 'Holder → Create or Update';
			await measure(holderScenario, label, server, id, (json) =>
				operation === 'create' ? `${json.length} created` : count(json, 'action'),
			);
			if (operation === 'createOrUpdate')
				await measure(holderScenario, `${label}, run again`, server, id, (json) =>
					count(json, 'action'),
				);
		}
		{
			// What a user without the node would run: the same create bodies, no matching at all.
			const { account, credential } = await fresh();
			await sandbox.control('POST', '/seed', { userId: account.userId, holders: records });
			const id = await server.createWorkflow(
				workflow(
					'bench holder create http',
					holderRows,
					{},
					credential,
					httpCreateHolderNode(sandbox.url, account.userId, credential),
				),
			);
			await measure(
				holderScenario,
				'HTTP Request node (createHolder bodies, no matching)',
				server,
				id,
				(json) => `${json.length} created`,
			);
		}

		// Badges: `items` holders, half of them hold the badge; the rest of the records are badges
		// of another template.
		const badgeScenario = `${items} holders, ${records.toLocaleString('en')} issued badges`;
		for (const mode of process.argv.includes('--per-item')
			? (['allItems', 'single'] as const)
			: (['allItems'] as const)) {
			for (const skip of [false, true]) {
				const { account, credential } = await fresh();
				const seeded = await sandbox.control<{ templates: string[]; holders: string[] }>(
					'POST',
					'/seed',
					{ userId: account.userId, templates: 2, holders: items },
				);
				const [template, other] = seeded.templates;
				await sandbox.control('POST', '/seed', {
					userId: account.userId,
					badges: {
						count: items / 2,
						templateId: template,
						recipientIds: seeded.holders.slice(0, items / 2),
					},
				});
				await sandbox.control('POST', '/seed', {
					userId: account.userId,
					badges: { count: records - items / 2, templateId: other, recipientIds: seeded.holders },
				});
				const parameters = {
					resource: 'badge',
					operation: 'issue',
					templateId: { __rl: true, mode: 'id', value: template },
					recipientMode: mode,
					...(mode === 'allItems'
						? { holderIdField: 'id' }
						: { holderId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }),
					options: {
						type: 'achievement',
						validityPeriod: 30,
						batchSize: 100,
						...(skip ? { skipHoldersWithBadge: true } : {}),
					},
				};
				const entries = seeded.holders.map((id) => ({ id }));
				const id = await server.createWorkflow(
					workflow(`bench issue ${mode} ${skip}`, entries, parameters, credential),
				);
				const label = `Badge → Issue (${mode === 'allItems' ? 'bulk' : 'one holder per item'})${skip ? ', Skip Holders Who Already Have It' : ''}`;
				const outcome = (json: Array<Record<string, unknown>>) =>
					`${json.filter((item) => item.issued === true).length} issued, ${json.filter((item) => item.skipped === true).length} skipped`;
				await measure(badgeScenario, label, server, id, outcome);
				if (skip) await measure(badgeScenario, `${label}, run again`, server, id, outcome);
			}
		}
	} catch (error) {
		log(`n8n's last output:\n${server.output().split('\n').slice(-15).join('\n')}`);
		throw error;
	} finally {
		await server.stop();
		await sandbox.stop();
	}

	const format = (requests: Record<string, number>) =>
		`${Object.values(requests).reduce((a, b) => a + b, 0)} (${Object.entries(requests)
			.map(([p, n]) => `${p} ${n}`)
			.join(', ')})`;
	console.log(
		`\nSafe re-runs in n8n ${n8nPaths().version}, ${os.cpus().length} cores, page size 1,000, batch size 100\n`,
	);
	console.log('| Scenario | Operation | Requests | n8n execution time | Outcome |');
	console.log('|---|---|---|---|---|');
	for (const row of rows)
		console.log(
			`| ${row.scenario} | ${row.run} | ${format(row.requests)} | ${(row.timeMs / 1000).toFixed(2)} s | ${row.outcome} |`,
		);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
