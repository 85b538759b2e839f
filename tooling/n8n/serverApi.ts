/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, @typescript-eslint/no-unused-vars -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * What a running n8n server offers over its REST API: credentials, workflows, manual runs and
 * their finished executions, and the node and credential types it loaded.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { normalizeWorkflow, type N8nCredentialInput, type N8nWorkflowInput } from './cliImport';
import { RestError, isNetworkError, type RestSession } from './rest';
import { assertRunSucceeded, toN8nRun, type N8nRun } from './runData';

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

export interface N8nServerApi {
	createCredential(
		credential: Omit<N8nCredentialInput, 'id'>,
	): Promise<{ id: string; name: string; type: string }>;
	/**
	 * Tests credential data exactly as the editor's "Test" button does: POST /rest/credentials/test.
	 * With `id` omitted the unsaved data is tested (owner only), else the saved one merged with `data`.
	 */
	testCredential(credential: {
		type: string;
		data: Record<string, unknown>;
		name?: string;
		id?: string;
	}): Promise<CredentialTestResult>;
	createWorkflow(workflow: N8nWorkflowInput): Promise<string>;
	/** Creates (when given a workflow) and runs it manually; resolves with the finished execution. */
	runWorkflow(workflow: N8nWorkflowInput | string, options?: RunWorkflowOptions): Promise<N8nRun>;
	/** Starts a manual run as the editor's "Execute workflow" does; resolves with its execution ID. */
	startWorkflow(
		workflow: N8nWorkflowInput | string,
		options?: Pick<RunWorkflowOptions, 'triggerNode'>,
	): Promise<string>;
	/** Waits until the execution has finished (any final status) and its run data is stored. */
	waitForExecution(
		executionId: string,
		options?: Omit<RunWorkflowOptions, 'triggerNode'>,
	): Promise<N8nRun>;
	/** Stops a running execution as the editor's Stop button does: POST /rest/executions/:id/stop. */
	stopExecution(executionId: string): Promise<void>;
	getExecution(executionId: string): Promise<N8nRun>;
	/** Names of the node types this n8n loaded (`/types/nodes.json`), e.g. `n8n-nodes-base.set`. */
	nodeTypes(): Promise<string[]>;
	/** Names of the credential types this n8n loaded (`/types/credentials.json`). */
	credentialTypes(): Promise<string[]>;
}

const FINISHED_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);

/** Network failures of one read tolerated in a row while n8n is alive (a busy n8n drops sockets). */
const READ_ATTEMPTS = 5;
const READ_RETRY_PAUSE_MS = 300;

/** The API of one server; `assertAlive` throws when n8n has exited (checked while a run is awaited). */
export function serverApi(
	rest: RestSession['call'],
	installDir: string,
	assertAlive: (during: string) => void,
): N8nServerApi {
	// flatted decodes stored execution data; take n8n's own copy.
	const flatted = createRequire(path.join(installDir, 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	) as {
		parse(text: string): unknown;
	};

	/**
	 * A GET retried on a network error (socket reset or closed while n8n's event loop was busy) or a
	 * 503, as long as n8n is alive. Only reads: repeating them changes nothing.
	 */
	const read = async <T>(urlPath: string): Promise<T> => {
		for (let attempt = 1; ; attempt++) {
			try {
				return await rest<T>('GET', urlPath);
			} catch (error) {
				// 503: n8n's database ping timed out while its event loop was busy ("Database is not ready!").
				const transient =
					isNetworkError(error) || (error instanceof RestError && error.status === 503);
				if (!transient || attempt >= READ_ATTEMPTS) throw error;
				assertAlive(`while reading ${urlPath}`);
				await new Promise((resolve) => setTimeout(resolve, READ_RETRY_PAUSE_MS * attempt));
			}
		}
	};

	const fetchExecution = async (executionId: string): Promise<Record<string, unknown>> => {
		const execution = await read<Record<string, unknown>>(`/rest/executions/${executionId}`);
		const data =
			typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
		return { ...execution, data };
	};
	const getExecution = async (executionId: string): Promise<N8nRun> =>
		toN8nRun(await fetchExecution(executionId));

	const createWorkflow = async (workflow: N8nWorkflowInput): Promise<string> => {
		// n8n assigns id and versionId; `active: false` is required by 1.x and accepted by 2.x.
		const { id: _id, versionId: _versionId, ...body } = normalizeWorkflow(workflow);
		const created = await rest<{ id: string }>('POST', '/rest/workflows', {
			...body,
			active: false,
		});
		return created.id;
	};

	const startWorkflow = async (
		workflow: N8nWorkflowInput | string,
		runOptions: Pick<RunWorkflowOptions, 'triggerNode'> = {},
	): Promise<string> => {
		const workflowId = typeof workflow === 'string' ? workflow : await createWorkflow(workflow);
		const stored = await read<N8nWorkflowInput>(`/rest/workflows/${workflowId}`);
		const trigger =
			runOptions.triggerNode ??
			stored.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')?.name;
		if (!trigger)
			throw new Error('runWorkflow needs a Manual Trigger node (or options.triggerNode)');
		// 2.x runs the stored workflow; 1.x runs the `workflowData` sent along (2.x ignores it).
		const started = await rest<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ workflowData: stored, triggerToStartFrom: { name: trigger } },
		);
		if (!started.executionId) {
			throw new Error(
				`n8n did not start an execution: ${JSON.stringify(started)} (a webhook trigger waits for a call)`,
			);
		}
		return started.executionId;
	};

	const waitForExecution = async (
		executionId: string,
		runOptions: Omit<RunWorkflowOptions, 'triggerNode'> = {},
	): Promise<N8nRun> => {
		const deadline = Date.now() + (runOptions.timeoutMs ?? 60_000);
		let delay = 25;
		for (;;) {
			let execution: Record<string, unknown> | undefined;
			try {
				execution = await fetchExecution(executionId);
			} catch (error) {
				// The row may not be readable yet right after the start.
				if (!(error instanceof RestError && error.status === 404)) throw error;
			}
			// 1.x marks the row finished a moment before it stores the run data: wait for both.
			const hasRunData = Boolean(
				(execution?.data as { resultData?: unknown } | undefined)?.resultData,
			);
			if (
				execution &&
				hasRunData &&
				(execution.finished === true || FINISHED_STATUSES.has(String(execution.status)))
			) {
				const run = toN8nRun(execution);
				if (runOptions.expectSuccess) assertRunSucceeded(run);
				return run;
			}
			assertAlive(`during execution ${executionId}`);
			if (Date.now() > deadline) {
				throw new Error(
					`execution ${executionId} not finished after ${runOptions.timeoutMs ?? 60_000} ms (status ${String(execution?.status ?? 'unknown')})`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, delay));
			delay = Math.min(delay * 2, 250);
		}
	};

	// n8n writes /types/*.json in the background after boot: wait for them a little.
	const typeFile = async (name: 'nodes' | 'credentials'): Promise<Array<{ name: string }>> => {
		const deadline = Date.now() + 30_000;
		for (;;) {
			try {
				return await rest<Array<{ name: string }>>('GET', `/types/${name}.json`);
			} catch (error) {
				if (!(error instanceof RestError && error.status === 404) || Date.now() > deadline)
					throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	};

	return {
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
			const saved = await rest<{ id: string }>('POST', '/rest/credentials', {
				name,
				type: credential.type,
				data: credential.data,
			});
			try {
				return await test(saved.id);
			} finally {
				await rest('DELETE', `/rest/credentials/${saved.id}`);
			}
		},
		runWorkflow: async (workflow, runOptions = {}) =>
			await waitForExecution(await startWorkflow(workflow, runOptions), runOptions),
		startWorkflow,
		waitForExecution,
		stopExecution: async (executionId) => {
			await rest('POST', `/rest/executions/${executionId}/stop`, {});
		},
		nodeTypes: async () => [...new Set((await typeFile('nodes')).map((type) => type.name))],
		credentialTypes: async () => (await typeFile('credentials')).map((type) => type.name),
		createWorkflow,
		getExecution,
	};
}
