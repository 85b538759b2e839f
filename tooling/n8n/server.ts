/**
 * n8n as a server: `startN8n(home)` boots `n8n start` once on a loopback port, sets up the owner
 * through the internal REST API and then runs each workflow in well under a second
 * (`server.runWorkflow(json)`); it also tests a credential the way the editor does.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { normalizeWorkflow, type N8nCredentialInput, type N8nWorkflowInput } from './cliImport';
import type { N8nHome } from './env';
import { describeOutput } from './logs';
import { getFreePort } from './ports';
import { N8nProcessError, killGroup, liveGroups, spawnN8n } from './process';
import { RestError, createRestSession } from './rest';
import { assertRunSucceeded, toN8nRun, type N8nRun } from './runData';

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
				// n8n 1.x answers /healthz/readiness before its REST routes exist: wait for them.
				if (!(error instanceof RestError && error.status === 404) || Date.now() - started > timeoutMs || exited) throw error;
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
	if (!session.loggedIn()) await failBoot('owner setup returned no n8n-auth cookie');
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
