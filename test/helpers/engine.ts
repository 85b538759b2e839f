import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	ExecutionError,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { TestCredentialsHelper } from './credentials-helper';
import { MYPIT_NODE_TYPE, PACKAGE_NAME, loadPackage } from './package-loader';

/** A source node that emits the test's input items, as a trigger or a previous node would. */
const ITEMS_NODE_TYPE = 'test.items';

class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions) {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly types: Map<string, INodeType>) {}

	getByName(name: string): INodeType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes() {
		return {};
	}
}

let nodeTypes: TestNodeTypes | undefined;
let credentialTypes: Map<string, ICredentialType> | undefined;

export async function registry() {
	if (!nodeTypes || !credentialTypes) {
		const { nodes, credentials } = await loadPackage();
		const types = new Map<string, INodeType>([[ITEMS_NODE_TYPE, new ItemsSource()]]);
		for (const node of nodes) types.set(`${PACKAGE_NAME}.${node.description.name}`, node);
		nodeTypes = new TestNodeTypes(types);
		credentialTypes = new Map(credentials.map((credential) => [credential.name, credential]));
	}
	return { nodeTypes, credentialTypes };
}

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
 * Cancels every execution still running, as n8n's Stop button does. n8n-core runs a declarative
 * node without a cancel signal, so a cancelled node would go on listing: the fixture (fixture.ts)
 * also shuts the test's sandbox account, which stops it at its next request. Returns how many
 * were cancelled.
 */
export function cancelRunningExecutions(): number {
	const count = runningExecutions.size;
	for (const cancel of runningExecutions) cancel();
	runningExecutions.clear();
	return count;
}

/**
 * Runs [Items] → [MyPit] through n8n-core's real WorkflowExecute: RoutingNode, the expression
 * engine and n8n's HTTP helpers all run for real; only storage and the UI are absent.
 */
export async function runMyPit(options: RunOptions): Promise<RunResult> {
	const { nodeTypes: types, credentialTypes: credentials } = await registry();
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: ITEMS_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.input ?? [{}]) },
		},
		{
			id: 'mypit',
			name: MYPIT_NODE_NAME,
			type: MYPIT_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { myPitApi: { id: '1', name: 'MyPit account' } },
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'engine-test',
		nodes,
		connections: { Items: { main: [[{ node: MYPIT_NODE_NAME, type: 'main', index: 0 }]] } },
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
		new TestCredentialsHelper(credentials, { myPitApi: options.credentials }),
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
	let run: IRun;
	try {
		// A cancelled execution ends here: n8n-core reports it through workflowExecuteAfter.
		run = await Promise.race([processing.then(() => finished), finished]);
	} finally {
		runningExecutions.delete(cancel);
	}

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
