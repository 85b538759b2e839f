/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWorkflowExecuteAdditionalData,
	ExecutionError,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { TestCredentialsHelper } from './credentials-helper';
import { ITEMS_NODE_TYPE, registry } from './nodeTypes';
import { MYPIT_NODE_TYPE } from './package-loader';

export { TestNodeTypes, registry } from './nodeTypes';

export type MyPitCredentials = ICredentialDataDecryptedObject & {
	clientId: string;
	secretKey: string;
	baseUrl: string;
	userId?: string;
	issuerDid?: string;
};

export interface RunOptions {
	/** Parameters of the MyPit node, as the editor would save them. */
	parameters: INodeParameters;
	credentials: MyPitCredentials;
	/** JSON of the items fed into the MyPit node; one empty item by default. */
	input?: IDataObject[];
	/** n8n's node setting: stop, or turn errors into items on the regular output. */
	onError?: INode['onError'];
}

export interface RunResult {
	/** The items the MyPit node produced on its output. */
	items: INodeExecutionData[];
	/** The execution's error, when the node failed. */
	error?: ExecutionError;
	run: IRun;
}

const MYPIT_NODE_NAME = 'MyPit';

/** Executions not finished yet. A test that ends or times out cancels its own (fixture.ts). */
const runningExecutions = new Set<() => void>();

/**
 * Cancels every execution still running, as n8n's Stop button does: n8n-core aborts the
 * execution's cancel signal, which the node's custom operations and its requests obey. Returns
 * how many were cancelled.
 */
export function cancelRunningExecutions(): number {
	const count = runningExecutions.size;
	for (const cancel of runningExecutions) cancel();
	runningExecutions.clear();
	return count;
}

/** The Items node that starts every harness workflow with the given input items. */
export function itemsNode(input: IDataObject[]): INode {
	return {
		id: 'items',
		name: 'Items',
		type: ITEMS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(input) },
	};
}

/** The MyPit credential as a node references it. */
export const CREDENTIAL_REFERENCE = { myPitApi: { id: '1', name: 'MyPit account' } };

/**
 * Runs a workflow that starts at its first node (the Items node) through n8n-core's real
 * WorkflowExecute: custom operations, RoutingNode, the expression engine and n8n's HTTP helpers
 * all run for real; only storage and the UI are absent.
 */
export async function runWorkflow(
	nodes: INode[],
	connections: IConnections,
	credentials: MyPitCredentials,
	/** Further credentials by the ID a node references (`credentials.myPitApi.id`). */
	credentialsById: Record<string, MyPitCredentials> = {},
): Promise<IRun> {
	const { nodeTypes: types, credentialTypes } = await registry();
	const workflow = new Workflow({
		id: 'engine-test',
		nodes,
		connections,
		active: false,
		nodeTypes: types,
		settings: {},
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'engine-test-execution', {
		id: 'engine-test',
		name: 'Engine test',
		active: false,
		nodes,
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = createAdditionalData(
		new TestCredentialsHelper(
			credentialTypes,
			{ myPitApi: credentials },
			credentialsById,
			// bench/authentication.ts: decrypt on every read, as n8n does.
			process.env.MYPIT_ENGINE_ENCRYPTED_CREDENTIALS === '1',
		),
		hooks,
	);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	const processing = execution.processRunExecutionData(workflow);
	const cancel = () => {
		processing.cancel();
	};
	runningExecutions.add(cancel);
	try {
		// A cancelled execution ends here: n8n-core reports it through workflowExecuteAfter.
		return await Promise.race([processing.then(() => finished), finished]);
	} finally {
		runningExecutions.delete(cancel);
	}
}

/** Runs [Items] → [MyPit]: the MyPit node as a workflow runs it. */
export async function runMyPit(options: RunOptions): Promise<RunResult> {
	const nodes: INode[] = [
		itemsNode(options.input ?? [{}]),
		{
			id: 'mypit',
			name: MYPIT_NODE_NAME,
			type: MYPIT_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: CREDENTIAL_REFERENCE,
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const connections = {
		Items: { main: [[{ node: MYPIT_NODE_NAME, type: 'main' as const, index: 0 }]] },
	};
	const run = await runWorkflow(nodes, connections, options.credentials);
	const taskData = run.data.resultData.runData[MYPIT_NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: run.data.resultData.error,
		run,
	};
}

/** What n8n hands every node execution: credentials, hooks and instance URLs. */
export function createAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'engine-test-user',
		variables: {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}
