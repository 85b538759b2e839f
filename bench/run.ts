/**
 * `npm run bench`: the MyPit node against a raw fetch loop and n8n's HTTP Request node, in the
 * same real n8n the end-to-end tests use, against the MyPit sandbox in its own process.
 *
 *   npm run bench                  # every scenario, 3 repetitions (several minutes)
 *   npm run bench -- --quick       # small sizes, 1 repetition (a smoke run)
 *   npm run bench -- --reps 5 --only list
 *   npm run bench -- --quick --only bulk --profile /tmp/prof   # CPU profiles of n8n, then:
 *   node bench/summarize-profile.js /tmp/prof/<file>.cpuprofile
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
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
import { expectations, type Job } from './jobs';
import { median, withPeakRss } from './measure';
import { runRaw, type Account } from './raw';
import { machineDescription, toMarkdownTable, writeReport, type Measurement } from './report';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process';
import { httpRequestWorkflow, myPitWorkflow, resultNode, type BenchCredential } from './workflows';

const ROOT = path.resolve(__dirname, '..');

interface Options {
	quick: boolean;
	reps: number;
	only?: string;
	/** Folder for V8 CPU profiles of the n8n process (written when n8n stops). */
	profile?: string;
}

function parseOptions(argv: string[]): Options {
	const quick = argv.includes('--quick');
	const repsIndex = argv.indexOf('--reps');
	const onlyIndex = argv.indexOf('--only');
	const profileIndex = argv.indexOf('--profile');
	return {
		quick,
		reps: repsIndex >= 0 ? Number(argv[repsIndex + 1]) : quick ? 1 : 3,
		only: onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined,
		profile: profileIndex >= 0 ? path.resolve(argv[profileIndex + 1]) : undefined,
	};
}

interface Scenario {
	name: string;
	/** Seeds a fresh account and returns the job. */
	prepare(sandbox: SandboxProcess, account: Account): Promise<Job>;
}

interface SeedAnswer {
	templates: string[];
	holders: string[];
}

function scenarios(quick: boolean): Scenario[] {
	const big = quick ? 5_000 : 100_000;
	const list = (records: number, limit?: number): Scenario => ({
		name:
			limit === undefined
				? `Get Many holders, Return All ${records}`
				: `Get Many holders, Limit ${limit} of ${records}`,
		prepare: async (sandbox, account) => {
			await sandbox.control('POST', '/seed', { userId: account.userId, holders: records });
			return { kind: 'list', records, limit };
		},
	});
	const withHolders = async (sandbox: SandboxProcess, account: Account, holders: number) =>
		await sandbox.control<SeedAnswer>('POST', '/seed', {
			userId: account.userId,
			templates: 1,
			holders,
		});
	const bulk = quick ? 1_000 : 10_000;
	const single = quick ? 20 : 100;
	const perItem = quick ? 100 : 1_000;
	return [
		list(quick ? 1_000 : 1_000),
		list(quick ? 5_000 : 20_000),
		...(quick ? [] : [list(big)]),
		list(big, 10),
		list(big, 250),
		{
			name: `Issue to ${bulk} input items (bulk, batches of 100)`,
			prepare: async (sandbox, account) => {
				const seeded = await withHolders(sandbox, account, bulk);
				return {
					kind: 'issue-bulk',
					holderIds: seeded.holders,
					templateId: seeded.templates[0],
					batchSize: 100,
				};
			},
		},
		{
			name: `Issue to ${single} holders, one item each`,
			prepare: async (sandbox, account) => {
				const seeded = await withHolders(sandbox, account, single);
				return { kind: 'issue-single', holderIds: seeded.holders, templateId: seeded.templates[0] };
			},
		},
		{
			name: `Get Template for ${perItem} input items`,
			prepare: async (sandbox, account) => {
				const seeded = await withHolders(sandbox, account, 0);
				return { kind: 'get-template', templateId: seeded.templates[0], items: perItem };
			},
		},
	];
}

function buildAndPack(): string {
	execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-bench-pack-'));
	const output = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', folder],
		{ cwd: ROOT, encoding: 'utf8' },
	);
	return path.join(folder, JSON.parse(output)[0].filename as string);
}

type Contender = Measurement['contender'];

async function measureN8n(
	server: N8nServer,
	sandbox: SandboxProcess,
	workflowId: string,
	resultNodeName: string,
) {
	await sandbox.clearLog();
	const { result: run, peakRssMb } = await withPeakRss(server.pid, () =>
		server.runWorkflow(workflowId, { timeoutMs: 900_000, expectSuccess: true }),
	);
	const timeMs = Date.parse(run.stoppedAt ?? '') - Date.parse(run.startedAt ?? '');
	return {
		timeMs,
		items: nodeItems(run, resultNodeName).length,
		requests: await sandbox.requestCount(),
		peakRssMb,
	};
}

async function main() {
	const options = parseOptions(process.argv.slice(2));
	const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

	log('building and packing the node');
	const tarball = buildAndPack();
	log('provisioning n8n (cached after the first run)');
	execFileSync('bash', [path.join(ROOT, 'scripts/n8n/provision.sh')], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});

	const sandbox = await startSandboxProcess();
	const home = await createN8nHome();
	await installCommunityPackage(home, tarball);
	const server = await startN8n(home, {
		env: options.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.profile}` } : {},
	});
	log(`n8n ${n8nPaths().version} up in ${server.bootMs} ms; sandbox at ${sandbox.url}`);

	const measurements: Measurement[] = [];
	try {
		for (const scenario of scenarios(options.quick)) {
			if (options.only && !scenario.name.toLowerCase().includes(options.only.toLowerCase()))
				continue;
			const account = await sandbox.control<Account>('POST', '/accounts', {});
			const job = await scenario.prepare(sandbox, account);
			const credential: BenchCredential = await server.createCredential({
				name: `MyPit bench ${account.userId}`,
				type: 'myPitApi',
				data: {
					clientId: account.clientId,
					secretKey: account.secretKey,
					baseUrl: sandbox.url,
					userId: account.userId,
				},
			});
			const workflows = {
				'MyPit node': myPitWorkflow(job, credential),
				'HTTP Request node': httpRequestWorkflow(job, credential, sandbox.url, account.userId),
			};
			const ids = {
				'MyPit node': await server.createWorkflow(workflows['MyPit node']),
				'HTTP Request node': await server.createWorkflow(workflows['HTTP Request node']),
			};
			const expected = expectations(job);
			const samples = new Map<
				Contender,
				{ times: number[]; items: number; requests: number; peak: number | null }
			>();
			const contenders: Contender[] = ['raw', 'MyPit node', 'HTTP Request node'];
			for (let rep = 0; rep < options.reps; rep++) {
				// Alternate the order so no contender always runs first (or after a heavy one).
				const order = contenders.map((_, index) => contenders[(index + rep) % contenders.length]);
				for (const contender of order) {
					let sample: { timeMs: number; items: number; requests: number; peakRssMb: number | null };
					if (contender === 'raw') {
						await sandbox.clearLog();
						const started = performance.now();
						const items = await runRaw(sandbox.url, account, job);
						sample = {
							timeMs: performance.now() - started,
							items,
							requests: await sandbox.requestCount(),
							peakRssMb: null,
						};
					} else {
						sample = await measureN8n(
							server,
							sandbox,
							ids[contender],
							resultNode(workflows[contender]),
						);
					}
					const entry = samples.get(contender) ?? {
						times: [],
						items: sample.items,
						requests: sample.requests,
						peak: null,
					};
					entry.times.push(sample.timeMs);
					entry.peak =
						sample.peakRssMb === null ? entry.peak : Math.max(entry.peak ?? 0, sample.peakRssMb);
					samples.set(contender, entry);
					log(
						`${scenario.name} · ${contender} · ${Math.round(sample.timeMs)} ms · ${sample.requests} requests · ${sample.items} items`,
					);
				}
			}
			for (const contender of contenders) {
				const entry = samples.get(contender);
				if (!entry) continue;
				measurements.push({
					scenario: scenario.name,
					contender,
					requests: entry.requests,
					minimumRequests: expected.minimumRequests,
					items: entry.items,
					expectedItems: expected.items,
					timeMs: median(entry.times),
					timesMs: entry.times.map(Math.round),
					peakRssMb: entry.peak,
				});
			}
		}
	} finally {
		await server.stop();
		await sandbox.stop();
	}

	const report = {
		command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
		date: new Date().toISOString(),
		machine: machineDescription(),
		versions: {
			n8n: n8nPaths().version,
			'n8n-nodes-mypit': (
				JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
			).version,
			'Node (raw loop)': process.version,
		},
		repetitions: options.reps,
		measurements,
	};
	writeReport(report, path.join(ROOT, 'bench', 'results'));
	console.log(toMarkdownTable(measurements));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
