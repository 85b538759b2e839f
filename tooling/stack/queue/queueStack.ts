/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm start -- --queue` and the queue-mode tests: n8n's distributed engine with real parts.
 * A throw-away Redis and PostgreSQL (git-ignored folder, loopback, free ports), one `n8n start`
 * (main: editor, REST, triggers) and N `n8n worker` processes with EXECUTIONS_MODE=queue and one
 * N8N_ENCRYPTION_KEY, the MyPit sandbox, the "MyPit sandbox" credential and the examples.
 *
 * Every n8n process has its own user folder with the packed package installed in its
 * `.n8n/nodes` by `npm install <tarball>`, as the README's manual install tells users to do on
 * main and on every worker (separate machines or containers in production share no folder).
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { startSandbox } from '../../../sandbox';
import {
	createN8nHome,
	installCommunityPackage,
	isN8nProvisioned,
	n8nPaths,
	startN8n,
	type N8nHome,
} from '../../n8n';
import { seedDemoData } from '../../../sandbox/demoData';
import { REPO_ROOT } from '../../n8n';
import { buildPackage, packPackage, provisionN8n } from '../build';
import { putContent } from '../n8nContent';
import { DEMO_OWNER, STACK_N8N_ENV, type Stack } from '../stack';
import { startPostgres, type Postgres } from './postgres';
import { startRedis, type Redis } from './redis';
import { ensureQueueBinaries } from './systemPackages';
import { startWorker, type QueueWorker } from './workers';

/**
 * Where `npm start -- --queue` keeps its throw-away services and user folders (git-ignored). Not
 * under .cache/, which may be a folder shared with other checkouts and cleaned by them.
 */
export const QUEUE_STATE_DIR = path.join(REPO_ROOT, '.queue-stack');

export interface QueueStackOptions {
	n8nVersion?: string;
	/** Number of `n8n worker` processes (default 2). */
	workers?: number;
	/** `n8n worker --concurrency` (default n8n's own, 10). */
	concurrency?: number;
	/** Folder for the run's folder (default QUEUE_STATE_DIR); the run's folder is removed by stop(). */
	parentDir?: string;
	/** n8n main port (default: a free one). */
	port?: number;
	/** Sandbox port (default: a free one). */
	sandboxPort?: number;
	build?: boolean;
	provision?: boolean;
	/** Extra environment for every n8n process (e.g. shorter queue lock times in a test). */
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export interface QueueStack extends Stack {
	redis: Redis;
	postgres: Postgres;
	workers: QueueWorker[];
	/** The environment every n8n process shares (queue, database, encryption key). */
	queueEnv: Record<string, string>;
	/** The run's folder (services' data, user folders, tarball). */
	runDir: string;
	/** Starts one more worker, e.g. after one was killed. */
	addWorker(name: string): Promise<QueueWorker>;
}

export async function startQueueStack(options: QueueStackOptions = {}): Promise<QueueStack> {
	const log = options.log ?? (() => undefined);
	const version = n8nPaths(options.n8nVersion).version;
	const workerCount = options.workers ?? 2;
	const timings: Array<[string, number]> = [];
	const started = Date.now();
	const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		log(`${name} …`);
		const result = await action();
		timings.push([name, Date.now() - t0]);
		return result;
	};
	const stoppers: Array<() => Promise<void>> = [];
	let stopping: Promise<void> | undefined;
	const stopAll = () =>
		(stopping ??= (async () => {
			for (const stopOne of stoppers.reverse()) {
				try {
					await stopOne();
				} catch {
					// keep stopping the rest
				}
			}
		})());

	try {
		const binaries = await step('redis-server and PostgreSQL (apt-get when missing)', () =>
			ensureQueueBinaries(log),
		);
		if (options.build ?? true)
			await step('build the package (npm run build)', () => buildPackage());
		const parentDir = options.parentDir ?? QUEUE_STATE_DIR;
		await fsp.mkdir(parentDir, { recursive: true });
		const runDir = await fsp.mkdtemp(path.join(parentDir, 'run-'));
		// mkdtemp makes it 0700; PostgreSQL runs as the postgres system user when we are root.
		await fsp.chmod(runDir, 0o755);
		stoppers.push(() => fsp.rm(runDir, { recursive: true, force: true }));
		const tarball = await step('pack it (npm pack)', () => packPackage(path.join(runDir, 'pack')));
		if (options.provision ?? true)
			await step(`provision n8n ${version}`, () => provisionN8n(version, log));
		else if (!isN8nProvisioned(version)) {
			throw new Error(
				`n8n ${version} is not provisioned: run \`N8N_VERSION=${version} bash scripts/n8n/provision.sh\``,
			);
		}

		const sandbox = await step('start the MyPit sandbox', () =>
			startSandbox({ port: options.sandboxPort ?? 0, quiet: true }),
		);
		stoppers.push(() => sandbox.close());
		const demoData = await step('seed the demo account', () => seedDemoData(sandbox));

		const redis = await step('start Redis (redis-server)', () =>
			startRedis(binaries.redisServer, path.join(runDir, 'redis')),
		);
		stoppers.push(() => redis.stop());
		const postgres = await step('start PostgreSQL (initdb, postgres)', () =>
			startPostgres(binaries.postgresBin, path.join(runDir, 'postgres')),
		);
		stoppers.push(() => postgres.stop());

		const queueEnv: Record<string, string> = {
			...STACK_N8N_ENV,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// n8n's default pool of 2 connections per process times out under a burst of runs.
			DB_POSTGRESDB_POOL_SIZE: '10',
			// A busy machine can take longer than n8n's 20 s to hand out a connection at boot.
			DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			// Runs started from the editor (and the REST run endpoint) go to the workers too.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			...(options.env ?? {}),
		};
		const makeHome = async (name: string): Promise<N8nHome> => {
			const home = await createN8nHome({
				version,
				parentDir: runDir,
				useTemplate: false,
				env: queueEnv,
			});
			const dir = path.join(runDir, name);
			await fsp.rename(home.dir, dir);
			const moved = {
				...home,
				dir,
				nodesDir: path.join(dir, '.n8n', 'nodes'),
				env: { ...home.env, N8N_USER_FOLDER: dir },
			};
			await installCommunityPackage(moved, tarball);
			return moved;
		};

		const mainHome = await step('user folder for main, package installed', () => makeHome('main'));
		const server = await step(`start n8n ${version} main (n8n start, migrates PostgreSQL)`, () =>
			startN8n(mainHome, { port: options.port, owner: DEMO_OWNER, timeoutMs: 300_000 }),
		);
		stoppers.push(() => server.stop());

		const workers: QueueWorker[] = [];
		const addWorker = async (name: string): Promise<QueueWorker> => {
			const home = await makeHome(name);
			const worker = await startWorker(name, home, {
				concurrency: options.concurrency ?? 10,
				env: {},
			});
			workers.push(worker);
			return worker;
		};
		// Workers stop before main (stoppers run in reverse).
		stoppers.push(async () => {
			await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
		});
		const names = Array.from({ length: workerCount }, (_, index) => `worker-${index + 1}`);
		await step(`start ${workerCount} workers (n8n worker, package installed in each)`, () =>
			Promise.all(names.map((name) => addWorker(name))),
		);
		workers.sort((a, b) => a.name.localeCompare(b.name));

		const content = await putContent(step, server, sandbox, demoData, mainHome.dir);

		return {
			n8nVersion: version,
			home: mainHome,
			server,
			sandbox,
			demoData,
			...content,
			editorUrl: `${server.baseUrl}/`,
			owner: { email: DEMO_OWNER.email, password: DEMO_OWNER.password },
			timings,
			readyMs: Date.now() - started,
			logFile: path.join(mainHome.dir, `n8n-start-${server.port}.log`),
			stop: stopAll,
			redis,
			postgres,
			workers,
			queueEnv,
			runDir,
			addWorker,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
