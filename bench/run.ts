/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
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
import * as path from 'node:path';

import {
	createN8nHome,
	installCommunityPackage,
	n8nPaths,
	nodeItems,
	startN8n,
	type N8nWorkflowInput,
	type N8nServer,
} from '../tooling/n8n';
import { createFloorWorkflow, floorWorkflow } from './floor';
import type { GoalGroup } from './goals';
import { BENCH_ISSUER_DID, expectations, holderRows, type Job } from './jobs';
import { median, withPeakRss } from './measure';
import { buildAndPack, createBenchCredential } from './package';
import { runRaw, type Account } from './raw';
import {
	machineDescription,
	toMarkdownTable,
	writeReport,
	type BenchFailure,
	type Measurement,
	type Report,
} from './report';
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
	goalGroup?: GoalGroup;
	/** Restart n8n before each n8n run, so each peak RSS starts from a fresh process. */
	freshN8n?: boolean;
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
		goalGroup: limit !== undefined ? 'limit' : records >= 5_000 ? 'return-all' : undefined,
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
	const bulkIssue = (
		items: number,
		goalGroup: GoalGroup | undefined,
		freshN8n = false,
		aggregated = false,
	): Scenario => ({
		name: aggregated
			? `Issue to ${items} input items (Aggregate → Holder IDs list, batches of 100)`
			: `Issue to ${items} input items (bulk, batches of 100)`,
		goalGroup,
		freshN8n,
		prepare: async (sandbox, account) => {
			const seeded = await withHolders(sandbox, account, items);
			return {
				kind: 'issue-bulk',
				holderIds: seeded.holders,
				templateId: seeded.templates[0],
				batchSize: 100,
				aggregated,
			};
		},
	});
	return [
		list(quick ? 1_000 : 1_000),
		list(quick ? 5_000 : 20_000),
		...(quick ? [] : [list(big)]),
		list(big, 10),
		list(big, 250),
		bulkIssue(bulk, 'bulk'),
		// The same issue with the node's list mode: one input item carrying every holder ID.
		bulkIssue(bulk, 'bulk', false, true),
		// Memory, not time: each n8n run in a fresh n8n, so the peaks compare.
		...(quick
			? []
			: [bulkIssue(100_000, 'bulk-memory', true), bulkIssue(100_000, 'bulk-memory', true, true)]),
		{
			name: `Issue to ${single} holders, one item each`,
			goalGroup: 'per-item',
			prepare: async (sandbox, account) => {
				const seeded = await withHolders(sandbox, account, single);
				return { kind: 'issue-single', holderIds: seeded.holders, templateId: seeded.templates[0] };
			},
		},
		{
			name: `Get Template for ${perItem} input items`,
			goalGroup: 'per-item',
			prepare: async (sandbox, account) => {
				const seeded = await withHolders(sandbox, account, 0);
				return { kind: 'get-template', templateId: seeded.templates[0], items: perItem };
			},
		},
		{
			name: `Holder → Create from ${perItem} rows, five mapped fields`,
			goalGroup: 'per-item',
			prepare: async () => ({ kind: 'create-holders', rows: holderRows(perItem) }),
		},
	];
}

type Contender = Measurement['contender'];

/** raw before floor before HTTP: the MyPit run of the first repetition provides the floor's items. */
const CONTENDERS: Contender[] = ['raw', 'MyPit node', 'floor', 'HTTP Request node'];
const LOG_TAIL_LINES = 40;
const N8N_ENV = {
	// The floor's 100,000 pinned records make a ~30 MB workflow, sent back with each run request.
	N8N_PAYLOAD_SIZE_MAX: '256',
	// A large execution blocks n8n's event loop for seconds; its database ping (5 s) would then
	// time out and n8n answer 503 "Database is not ready!" to the polling reads meanwhile.
	DB_PING_TIMEOUT_MS: '300000',
};

interface Sample {
	timeMs: number;
	items: number;
	requests: number;
	peakRssMb: number | null;
}

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
	const sample: Sample = {
		timeMs,
		items: nodeItems(run, resultNodeName).length,
		requests: await sandbox.requestCount(),
		peakRssMb,
	};
	return { sample, run };
}

/** The bench's state, so a report can be written whenever the run stops. */
interface BenchState {
	options: Options;
	measurements: Measurement[];
	current: { scenario?: string; contender?: string };
	/** The scenario in progress: its contenders' figures from the repetitions done so far. */
	inProgress: Measurement[];
	server?: N8nServer;
	sandbox?: SandboxProcess;
}

function buildReport(state: BenchState, status: Report['status'], failure?: BenchFailure): Report {
	const argv = process.argv.slice(2);
	return {
		command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
		date: new Date().toISOString(),
		machine: machineDescription(),
		versions: {
			n8n: n8nPaths().version,
			'n8n-nodes-mypit': (
				JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
			).version,
			'Node (raw loop)': process.version,
		},
		repetitions: state.options.reps,
		status,
		...(failure ? { failure } : {}),
		measurements: [...state.measurements, ...state.inProgress],
	};
}

function saveReport(state: BenchState, status: Report['status'], failure?: BenchFailure): void {
	writeReport(buildReport(state, status, failure), path.join(ROOT, 'bench', 'results'));
}

function failureOf(state: BenchState, error: unknown): BenchFailure {
	const server = state.server;
	return {
		...state.current,
		// The first line: errors of the n8n tooling append n8n's whole output, tailed below.
		error: (error instanceof Error ? `${error.name}: ${error.message}` : String(error))
			.split('\n')[0]
			.slice(0, 1000),
		...(server
			? {
					n8nLog: path.join(server.home.dir, `n8n-start-${server.port}.log`),
					n8nLogTail: server
						.output()
						.trimEnd()
						.split('\n')
						.slice(-LOG_TAIL_LINES)
						.map((line) => (line.length > 600 ? `${line.slice(0, 600)} …` : line)),
				}
			: {}),
	};
}

async function stopAll(state: BenchState): Promise<void> {
	await state.server?.stop();
	await state.sandbox?.stop();
}

/** Ctrl-C or SIGTERM to the bench: write what was measured, stop n8n and the sandbox, exit. */
function onSignals(state: BenchState, log: (message: string) => void): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: writing the partial report and stopping`);
			saveReport(state, 'failed', failureOf(state, new Error(`interrupted by ${signal}`)));
			void stopAll(state).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}
}

async function runScenario(
	state: BenchState,
	scenario: Scenario,
	n8n: { restart(): Promise<N8nServer> },
	log: (message: string) => void,
): Promise<void> {
	const sandbox = state.sandbox!;
	let server = state.server!;
	const account = await sandbox.control<Account>('POST', '/accounts', {});
	const job = await scenario.prepare(sandbox, account);
	const credential: BenchCredential = await createBenchCredential(server, sandbox.url, account, {
		issuerDid: BENCH_ISSUER_DID,
	});
	const workflows: Record<Exclude<Contender, 'raw'>, N8nWorkflowInput | undefined> = {
		'MyPit node': myPitWorkflow(job, credential),
		'HTTP Request node': httpRequestWorkflow(job, credential, sandbox.url, account.userId),
		floor: undefined,
	};
	const ids: Partial<Record<Contender, string>> = {
		'MyPit node': await server.createWorkflow(workflows['MyPit node']!),
		'HTTP Request node': await server.createWorkflow(workflows['HTTP Request node']!),
	};
	const expected = expectations(job);
	const samples: Samples = new Map();
	for (let rep = 0; rep < state.options.reps; rep++) {
		// Alternate the order so no contender always runs first (or after a heavy one).
		const order = CONTENDERS.map((_, index) => CONTENDERS[(index + rep) % CONTENDERS.length]);
		for (const contender of order) {
			state.current = { scenario: scenario.name, contender };
			let sample: Sample;
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
				if (scenario.freshN8n) {
					server = await n8n.restart();
					log(`${scenario.name} · n8n restarted for ${contender} (pid ${server.pid})`);
				}
				const workflow = workflows[contender]!;
				const measured = await measureN8n(server, sandbox, ids[contender]!, resultNode(workflow));
				sample = measured.sample;
				if (contender === 'MyPit node' && !ids.floor) {
					workflows.floor = floorWorkflow(workflow, 'MyPit', nodeItems(measured.run, 'MyPit'));
					const created = await createFloorWorkflow(server, workflows.floor);
					ids.floor = created.id;
					log(`${scenario.name} · floor workflow stored via ${created.via}`);
				}
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
			state.inProgress = toMeasurements(scenario, expected, samples);
			log(
				`${scenario.name} · ${contender} · ${Math.round(sample.timeMs)} ms · ${sample.requests} requests · ${sample.items} items${sample.peakRssMb === null ? '' : ` · peak RSS ${sample.peakRssMb} MB`}`,
			);
		}
	}
	state.measurements.push(...state.inProgress);
	state.inProgress = [];
}

type Samples = Map<
	Contender,
	{ times: number[]; items: number; requests: number; peak: number | null }
>;

function toMeasurements(
	scenario: Scenario,
	expected: { items: number; minimumRequests: number },
	samples: Samples,
): Measurement[] {
	return CONTENDERS.flatMap((contender) => {
		const entry = samples.get(contender);
		if (!entry) return [];
		return [
			{
				scenario: scenario.name,
				contender,
				...(scenario.goalGroup ? { goalGroup: scenario.goalGroup } : {}),
				requests: entry.requests,
				minimumRequests: contender === 'floor' ? 0 : expected.minimumRequests,
				items: entry.items,
				expectedItems: expected.items,
				timeMs: median(entry.times),
				timesMs: entry.times.map(Math.round),
				peakRssMb: entry.peak,
			},
		];
	});
}

async function main() {
	const options = parseOptions(process.argv.slice(2));
	const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
	const state: BenchState = { options, measurements: [], current: {}, inProgress: [] };
	onSignals(state, log);

	log('building and packing the node');
	const tarball = buildAndPack();
	log('provisioning n8n (cached after the first run)');
	execFileSync('bash', [path.join(ROOT, 'scripts/n8n/provision.sh')], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});

	const home = await createN8nHome();
	await installCommunityPackage(home, tarball);
	const n8nEnv = {
		...N8N_ENV,
		...(options.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.profile}` } : {}),
	};
	const restart = async (): Promise<N8nServer> => {
		await state.server?.stop();
		state.server = undefined;
		state.server = await startN8n(home, { env: n8nEnv });
		return state.server;
	};

	const selected = scenarios(options.quick).filter(
		(scenario) => !options.only || scenario.name.toLowerCase().includes(options.only.toLowerCase()),
	);
	try {
		state.sandbox = await startSandboxProcess();
		const server = await restart();
		log(
			`n8n ${n8nPaths().version} up in ${server.bootMs} ms (pid ${server.pid}); sandbox at ${state.sandbox.url}`,
		);
		for (const [index, scenario] of selected.entries()) {
			await runScenario(state, scenario, { restart }, log);
			state.current = {};
			// Written after every scenario: a later failure loses nothing measured so far.
			saveReport(state, index === selected.length - 1 ? 'complete' : 'partial');
		}
		if (selected.length === 0) saveReport(state, 'complete');
	} catch (error) {
		const failure = failureOf(state, error);
		saveReport(state, 'failed', failure);
		log(
			`failed in ${failure.scenario ?? 'setup'}${failure.contender ? ` · ${failure.contender}` : ''}: ${failure.error}`,
		);
		if (failure.n8nLogTail)
			log(`n8n's log (${failure.n8nLog}), last lines:\n${failure.n8nLogTail.join('\n')}`);
		log('partial report written to bench/results/latest.{json,md}');
		await stopAll(state);
		throw error;
	}
	await stopAll(state);
	console.log(toMarkdownTable(state.measurements));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
