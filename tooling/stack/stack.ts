/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The whole local setup behind `npm start`, `npm run demo` and the editor test: the built and
 * packed node installed into a real n8n as a community package, a seeded MyPit sandbox, an owner
 * login, a "MyPit sandbox" credential and the example workflows.
 *
 *   const stack = await startStack({ home: 'temporary' });
 *   ... stack.server.runWorkflow(...), stack.editorUrl, stack.owner ...
 *   await stack.stop();
 *
 * n8n runs as a child process group (tooling/n8n); the sandbox runs in this process.
 */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox';
import {
	REPO_ROOT,
	createN8nHome,
	getFreePort,
	installCommunityPackage,
	isN8nProvisioned,
	isPortFree,
	n8nPaths,
	startN8n,
	type N8nHome,
	type N8nServer,
} from '../n8n';
import { buildPackage, packPackage, provisionN8n } from './build';
import { seedDemoData, type DemoData } from '../../sandbox/demoData';
import { putContent, type N8nContent, type ImportedExample } from './n8nContent';
import { lockHome, persistentHome } from './persistentHome';

export type { ImportedExample } from './n8nContent';

/** Where `npm start` keeps its n8n user folder and packed tarball (git-ignored). */
export const STATE_DIR = path.join(REPO_ROOT, '.cache', 'mypit-start');
export const DEFAULT_N8N_PORT = 5678;
export const DEFAULT_SANDBOX_PORT = 5680;
/** The login `npm start` creates (printed at start; the n8n is reachable on loopback only). */
export const DEMO_OWNER = {
	email: 'demo@example.com',
	password: 'MyPit-demo-1',
	firstName: 'MyPit',
	lastName: 'Demo',
};

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
	/**
	 * Install the package with a plain `npm install <tarball>` in .n8n/nodes, as n8n's docs give
	 * for queue mode and Docker (peers resolved the npm way). Default: as the Community Nodes
	 * panel does, without peers.
	 */
	plainNpmInstall?: boolean;
	/** Progress lines (default: nothing). */
	log?: (line: string) => void;
}

export interface Stack {
	n8nVersion: string;
	home: N8nHome;
	server: N8nServer;
	sandbox: Sandbox;
	demoData: DemoData;
	credential: N8nContent['credential'];
	/** The Bearer token credential of example 06 (MCP Server Trigger), and its token. */
	mcpToken: N8nContent['mcpToken'];
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

async function choosePort(wanted: number | undefined, preferred: number): Promise<number> {
	if (wanted !== undefined) return wanted;
	return (await isPortFree(preferred)) ? preferred : 0;
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
		if (options.build ?? true)
			await step('build the package (npm run build)', () => buildPackage());
		const persistent = options.home === 'persistent';
		const homeDir = path.resolve(options.homeDir ?? path.join(STATE_DIR, `n8n-${version}`));
		if (persistent) stoppers.push(await lockHome(homeDir));
		// A persistent install keeps its tarball (the nodes folder's package.json points at it).
		const packDir = persistent
			? `${homeDir}-pack`
			: await fsp.mkdtemp(path.join(os.tmpdir(), 'mypit-pack-'));
		if (persistent) await fsp.rm(packDir, { recursive: true, force: true });
		else stoppers.push(() => fsp.rm(packDir, { recursive: true, force: true }));
		const tarball = await step('pack it (npm pack)', () => packPackage(packDir));

		if (options.provision ?? true) {
			await step(`provision n8n ${version}`, () => provisionN8n(version, log));
		} else if (!isN8nProvisioned(version)) {
			throw new Error(
				`n8n ${version} is not provisioned: run \`N8N_VERSION=${version} bash scripts/n8n/provision.sh\``,
			);
		}

		const sandboxPort = await choosePort(options.sandboxPort, DEFAULT_SANDBOX_PORT);
		const sandbox = await step('start the MyPit sandbox', () =>
			startSandbox({ port: sandboxPort, quiet: true }),
		);
		stoppers.push(() => sandbox.close());
		const demoData = await step('seed the demo account', () => seedDemoData(sandbox));

		const home = await step(
			persistent ? 'prepare the n8n user folder' : 'create a temporary n8n user folder',
			() =>
				persistent
					? persistentHome(version, homeDir, options.fresh ?? false, STACK_N8N_ENV)
					: createN8nHome({ version, env: STACK_N8N_ENV }),
		);
		if (!persistent) stoppers.push(() => home.cleanup());

		await step('install the package as a community node', async () => {
			// A re-install over the same name and version must not keep the previous build.
			await fsp.rm(path.join(home.nodesDir, 'node_modules', 'n8n-nodes-mypit'), {
				recursive: true,
				force: true,
			});
			return installCommunityPackage(home, tarball, {
				includePeers: options.plainNpmInstall ?? false,
			});
		});

		const port = (await choosePort(options.port, DEFAULT_N8N_PORT)) || (await getFreePort());
		const server = await step(`start n8n ${version} (n8n start)`, () =>
			startN8n(home, { port, owner: DEMO_OWNER }),
		);
		stoppers.push(() => server.stop());

		const content = await putContent(step, server, sandbox, demoData, home.dir);

		return {
			n8nVersion: version,
			home,
			server,
			sandbox,
			demoData,
			...content,
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
