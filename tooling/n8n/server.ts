/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * n8n as a server: `startN8n(home)` boots `n8n start` once on a loopback port, sets up the owner
 * through the internal REST API and then runs each workflow in well under a second
 * (`server.runWorkflow(json)`); it also tests a credential the way the editor does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { N8nHome } from './env';
import { describeOutput } from './logs';
import { getFreePort } from './ports';
import { N8nProcessError, killGroup, liveGroups, spawnN8n } from './process';
import { RestError, createRestSession } from './rest';
import { serverApi, type N8nServerApi } from './serverApi';

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

export interface N8nServer extends N8nServerApi {
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
	/** n8n's output so far (JSON log lines). */
	output(): string;
	stop(): Promise<void>;
}

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
		throw new N8nProcessError(
			`n8n start ${reason} (log: ${logFile})\n${describeOutput({ stdout: output, stderr: '' })}`,
		);
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
	const session = createRestSession(baseUrl);
	const rest = session.call;

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
				const retry =
					(error instanceof RestError && (error.status === 404 || error.status === 503)) ||
					(error instanceof TypeError && error.message === 'fetch failed');
				if (!retry || Date.now() - started > timeoutMs || exited) throw error;
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		}
	};
	try {
		await setupOwner();
	} catch (error) {
		// An owner that already exists (re-used home): log in instead.
		if (!(error instanceof RestError) || error.status !== 400)
			await failBoot(`owner setup failed: ${(error as Error).message}`);
		try {
			await rest('POST', '/rest/login', {
				emailOrLdapLoginId: owner.email,
				password: owner.password,
			});
		} catch (loginError) {
			await failBoot(`login failed: ${(loginError as Error).message}`);
		}
	}
	if (!session.loggedIn()) await failBoot('owner setup returned no n8n-auth cookie');
	const bootMs = Date.now() - started;

	const api = serverApi(rest, home.paths.installDir, (during) => {
		if (exited)
			throw new N8nProcessError(
				`n8n exited ${during}\n${describeOutput({ stdout: output, stderr: '' })}`,
			);
	});

	const server: N8nServer = {
		home,
		pid: child.pid,
		port,
		baseUrl,
		owner,
		bootMs,
		rest,
		...api,
		output: () => output,
		stop,
	};
	return server;
}
