/**
 * The whole local setup behind `npm start`, `npm run demo` and the editor test: the built and
 * packed node installed into a real n8n as a community package, a seeded MyPit sandbox, an owner
 * login, a "MyPit sandbox" credential and the example workflows.
 *
 *   const stack = await startStack({ home: 'temporary' });
 *   ... stack.server.runWorkflow(...), stack.editorUrl, stack.owner ...
 *   await stack.stop();
 *
 * n8n runs as a child process group (test/e2e/support/n8n.ts); the sandbox runs in this process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox';
import {
	createN8nHome,
	installCommunityPackage,
	isN8nProvisioned,
	n8nPaths,
	startN8n,
	type N8nHome,
	type N8nServer,
} from '../../test/e2e/support/n8n';
import { seedDemoData, type DemoData } from './demo-data';
import { EXAMPLE_CREDENTIAL_NAME, REPO_ROOT, fitExampleToAccount, loadExamples, type Example } from './examples';

/** Where `npm start` keeps its n8n user folder and packed tarball (git-ignored). */
export const STATE_DIR = path.join(REPO_ROOT, '.cache', 'mypit-start');
export const DEFAULT_N8N_PORT = 5678;
export const DEFAULT_SANDBOX_PORT = 5680;
/** The login `npm start` creates (printed at start; the n8n is reachable on loopback only). */
export const DEMO_OWNER = { email: 'demo@example.com', password: 'MyPit-demo-1', firstName: 'MyPit', lastName: 'Demo' };

/**
 * On top of the runner's offline settings: nothing that makes n8n or its editor call n8n.io
 * (vetted community-node list, banners, "what's new", licence renewal); readable text logs.
 */
export const STACK_N8N_ENV: Record<string, string> = {
	N8N_LOG_FORMAT: 'text',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
};

export interface StackOptions {
	/** n8n version (default: env N8N_VERSION, else the pinned one). */
	n8nVersion?: string;
	/** 'persistent': .cache/mypit-start/n8n-<version>, kept between runs. 'temporary': removed by stop(). */
	home: 'persistent' | 'temporary';
	/** Persistent home only: where (default .cache/mypit-start/n8n-<version>). */
	homeDir?: string;
	/** Persistent home only: delete it first. */
	fresh?: boolean;
	/** n8n port. Default 5678 when free, else a free one. 0 = any free port. */
	port?: number;
	/** Sandbox port. Default 5680 when free, else a free one. 0 = any free port. */
	sandboxPort?: number;
	/** Run `npm run build` first (default true). */
	build?: boolean;
	/**
	 * Run scripts/n8n/provision.sh first (default true; it returns in well under a second when n8n
	 * is cached). false: n8n must be provisioned already, else starting fails saying so.
	 */
	provision?: boolean;
	/** Progress lines (default: nothing). */
	log?: (line: string) => void;
}

export interface ImportedExample extends Example {
	id: string;
	url: string;
}

export interface Stack {
	n8nVersion: string;
	home: N8nHome;
	server: N8nServer;
	sandbox: Sandbox;
	demoData: DemoData;
	credential: { id: string; name: string };
	examples: ImportedExample[];
	editorUrl: string;
	owner: { email: string; password: string };
	/** Milliseconds per step, in order, and the total until ready. */
	timings: Array<[string, number]>;
	readyMs: number;
	/** n8n's log file. */
	logFile: string;
	/** Stops n8n (and its children) and the sandbox; removes a temporary home. Safe to call twice. */
	stop(): Promise<void>;
}

// ------------------------------------------------------------------------------------------------
// Steps
// ------------------------------------------------------------------------------------------------

/** Runs a command; rejects with its output when it fails. `onLine` gets stderr+stdout lines. */
export async function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): Promise<string> {
	return await new Promise<string>((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		let partial = '';
		const onData = (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			output += text;
			if (!options.onLine) return;
			partial += text;
			const lines = partial.split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) if (line.trim()) options.onLine(line);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('error', reject);
		child.once('close', (code, signal) => {
			if (partial.trim() && options.onLine) options.onLine(partial);
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}):\n${output.split('\n').slice(-40).join('\n')}`));
		});
	});
}

/** npm without the variables `npm start` itself sets (they would steer the child npm). */
function npmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	return env;
}

export async function buildPackage(): Promise<void> {
	// Its output is shown only when it fails (in the error).
	await run('npm', ['run', 'build', '--silent'], { env: npmEnv() });
}

/** `npm pack` into `destination`; returns the tarball's path. Needs a built dist/. */
export async function packPackage(destination: string): Promise<string> {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'MyPit', 'MyPit.node.js'))) {
		throw new Error('dist/ is not built: run `npm run build` first');
	}
	await fsp.mkdir(destination, { recursive: true });
	const output = await run('npm', ['pack', '--ignore-scripts', '--silent', `--pack-destination=${destination}`], { env: npmEnv() });
	const file = output.trim().split('\n').pop()!.trim();
	return path.join(destination, file);
}

/** scripts/n8n/provision.sh for one n8n version (a no-op taking well under a second when cached). */
export async function provisionN8n(version: string, log?: (line: string) => void): Promise<void> {
	await run('bash', [path.join(REPO_ROOT, 'scripts', 'n8n', 'provision.sh')], {
		env: { ...npmEnv(), N8N_VERSION: version },
		// Its progress lines; the KEY=VALUE lines it prints for scripts are of no interest here.
		onLine: log ? (line) => line.startsWith('[provision') && log(`  ${line}`) : undefined,
	});
}

/** Whether `port` can be listened on at 127.0.0.1 right now. */
export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise<boolean>((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function choosePort(wanted: number | undefined, preferred: number): Promise<number> {
	if (wanted !== undefined) return wanted;
	return (await isPortFree(preferred)) ? preferred : 0;
}

async function freePort(): Promise<number> {
	return await new Promise<number>((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * One `npm start` per persistent user folder: n8n's sqlite database is not meant to be shared by
 * two servers. Returns a function that releases the lock.
 */
async function lockHome(dir: string): Promise<() => Promise<void>> {
	const lockFile = `${dir}.pid`;
	await fsp.mkdir(path.dirname(lockFile), { recursive: true });
	try {
		const pid = Number(await fsp.readFile(lockFile, 'utf8'));
		if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
			let alive = true;
			try {
				process.kill(pid, 0);
			} catch {
				alive = false;
			}
			if (alive) throw new Error(`another \`npm start\` (pid ${pid}) is using ${dir}: stop it first (Ctrl-C in its terminal)`);
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	await fsp.writeFile(lockFile, String(process.pid));
	return async () => {
		const owner = await fsp.readFile(lockFile, 'utf8').catch(() => '');
		if (owner === String(process.pid)) await fsp.rm(lockFile, { force: true });
	};
}

/** The persistent user folder of `npm start`, made from n8n's migrated template on first use. */
async function persistentHome(version: string, dir: string, fresh: boolean): Promise<N8nHome> {
	if (fresh) await fsp.rm(dir, { recursive: true, force: true });
	const exists = fs.existsSync(path.join(dir, '.n8n'));
	await fsp.mkdir(path.dirname(dir), { recursive: true });
	// createN8nHome gives the settings (and, the first time, a migrated database) in a temp folder.
	const made = await createN8nHome({ version, parentDir: path.dirname(dir), useTemplate: !exists, env: STACK_N8N_ENV });
	if (exists) await made.cleanup();
	else await fsp.rename(made.dir, dir);
	return {
		...made,
		dir,
		nodesDir: path.join(dir, '.n8n', 'nodes'),
		env: { ...made.env, N8N_USER_FOLDER: dir },
		cleanup: async () => undefined,
	};
}

interface CredentialRow {
	id: string;
	name: string;
	type: string;
}

interface WorkflowRow {
	id: string;
	name: string;
	versionId?: string;
}

function listOf<T>(value: unknown): T[] {
	if (Array.isArray(value)) return value as T[];
	if (value && typeof value === 'object' && Array.isArray((value as { data?: unknown }).data)) return (value as { data: T[] }).data;
	return [];
}

/** Creates the "MyPit sandbox" credential, or points an existing one at this sandbox. */
export async function ensureCredential(server: N8nServer, sandbox: Sandbox): Promise<{ id: string; name: string }> {
	const data = {
		clientId: sandbox.demo.clientId,
		secretKey: sandbox.demo.secretKey,
		baseUrl: sandbox.url,
		userId: sandbox.demo.userId,
		issuerDid: sandbox.demo.issuerDid,
	};
	const existing = listOf<CredentialRow>(await server.rest('GET', '/rest/credentials')).find(
		(row) => row.name === EXAMPLE_CREDENTIAL_NAME && row.type === 'myPitApi',
	);
	if (existing) {
		await server.rest('PATCH', `/rest/credentials/${existing.id}`, { name: EXAMPLE_CREDENTIAL_NAME, type: 'myPitApi', data });
		return { id: existing.id, name: existing.name };
	}
	const created = await server.createCredential({ name: EXAMPLE_CREDENTIAL_NAME, type: 'myPitApi', data });
	return { id: created.id, name: created.name };
}

/**
 * Imports every example (template picked for this sandbox). An example that already exists by name
 * (persistent home) is overwritten with the repository's version, so it fits the new sandbox.
 */
export async function importExamples(server: N8nServer, demoData: DemoData): Promise<ImportedExample[]> {
	const existing = listOf<WorkflowRow>(await server.rest('GET', '/rest/workflows'));
	// With the project named, n8n resolves each node's credential by name, as the editor's import
	// does (1.x does so on create only when the body names the project).
	const project = await server.rest<{ id: string }>('GET', '/rest/projects/personal');
	const imported: ImportedExample[] = [];
	for (const example of loadExamples()) {
		const workflow = fitExampleToAccount(example.workflow, demoData.templates);
		const { id: _id, ...body } = workflow as typeof workflow & { id?: string };
		const current = existing.find((row) => row.name === workflow.name);
		let id: string;
		if (current) {
			const stored = await server.rest<WorkflowRow>('GET', `/rest/workflows/${current.id}`);
			await server.rest('PATCH', `/rest/workflows/${current.id}?forceSave=true`, { ...body, versionId: stored.versionId });
			id = current.id;
		} else {
			id = await server.createWorkflow({ ...body, projectId: project.id } as typeof workflow);
		}
		imported.push({ ...example, workflow, id, url: `${server.baseUrl}/workflow/${id}` });
	}
	return imported;
}

// ------------------------------------------------------------------------------------------------
// The stack
// ------------------------------------------------------------------------------------------------

export async function startStack(options: StackOptions): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const version = n8nPaths(options.n8nVersion).version;
	const timings: Array<[string, number]> = [];
	const started = Date.now();
	const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		log(`${name} …`);
		const result = await action();
		timings.push([name, Date.now() - t0]);
		return result;
	};

	// Everything started so far, stopped in reverse order when a later step fails or on stop().
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
		if (options.build ?? true) await step('build the package (npm run build)', () => buildPackage());
		const persistent = options.home === 'persistent';
		const homeDir = path.resolve(options.homeDir ?? path.join(STATE_DIR, `n8n-${version}`));
		if (persistent) stoppers.push(await lockHome(homeDir));
		// A persistent install keeps its tarball (the nodes folder's package.json points at it).
		const packDir = persistent ? `${homeDir}-pack` : await fsp.mkdtemp(path.join(os.tmpdir(), 'mypit-pack-'));
		if (persistent) await fsp.rm(packDir, { recursive: true, force: true });
		else stoppers.push(() => fsp.rm(packDir, { recursive: true, force: true }));
		const tarball = await step('pack it (npm pack)', () => packPackage(packDir));

		if (options.provision ?? true) {
			await step(`provision n8n ${version}`, () => provisionN8n(version, log));
		} else if (!isN8nProvisioned(version)) {
			throw new Error(`n8n ${version} is not provisioned: run \`N8N_VERSION=${version} bash scripts/n8n/provision.sh\``);
		}

		const sandboxPort = await choosePort(options.sandboxPort, DEFAULT_SANDBOX_PORT);
		const sandbox = await step('start the MyPit sandbox', () => startSandbox({ port: sandboxPort, quiet: true }));
		stoppers.push(() => sandbox.close());
		const demoData = await step('seed the demo account', () => seedDemoData(sandbox));

		const home = await step(
			persistent ? 'prepare the n8n user folder' : 'create a temporary n8n user folder',
			() => (persistent ? persistentHome(version, homeDir, options.fresh ?? false) : createN8nHome({ version, env: STACK_N8N_ENV })),
		);
		if (!persistent) stoppers.push(() => home.cleanup());

		await step('install the package as a community node', async () => {
			// A re-install over the same name and version must not keep the previous build.
			await fsp.rm(path.join(home.nodesDir, 'node_modules', 'n8n-nodes-mypit'), { recursive: true, force: true });
			return installCommunityPackage(home, tarball);
		});

		const port = (await choosePort(options.port, DEFAULT_N8N_PORT)) || (await freePort());
		const server = await step(`start n8n ${version} (n8n start)`, () => startN8n(home, { port, owner: DEMO_OWNER }));
		stoppers.push(() => server.stop());

		const credential = await step(`credential "${EXAMPLE_CREDENTIAL_NAME}"`, () => ensureCredential(server, sandbox));
		const examples = await step('import the example workflows', () => importExamples(server, demoData));

		return {
			n8nVersion: version,
			home,
			server,
			sandbox,
			demoData,
			credential,
			examples,
			editorUrl: `${server.baseUrl}/`,
			owner: { email: DEMO_OWNER.email, password: DEMO_OWNER.password },
			timings,
			readyMs: Date.now() - started,
			logFile: path.join(home.dir, `n8n-start-${server.port}.log`),
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
