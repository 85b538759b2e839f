import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IPollFunctions,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PollContext } from 'n8n-core';

import { TestCredentialsHelper } from './credentials-helper';
import { createAdditionalData, registry, type MyPitCredentials } from './engine';
import { PACKAGE_NAME } from './package-loader';

export const TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.myPitTrigger`;

export interface PollResult {
	/** The items the poll emitted; empty when it returned null. */
	items: INodeExecutionData[];
	/** Whether n8n would have persisted the workflow's static data after this poll. */
	saved: boolean;
}

/**
 * An activated MyPit Trigger as n8n runs it: n8n-core's real PollContext (request helpers,
 * credentials, static data of a real Workflow) around the node's `poll`, and n8n's rules for
 * persisting static data, read from its source (see docs/trigger-position.md):
 * - a poll that returns items: `__emit` saves static data (if it changed);
 * - a poll that returns null or throws: nothing is saved, changes live on in memory only;
 * - activation (first poll, also after a restart): saved afterwards, whatever the poll returned.
 * `restart()` drops the in-memory workflow and rebuilds it from the last saved JSON.
 */
export class PolledTrigger {
	private savedJson = '{}';
	private workflow: Workflow;
	private context: IPollFunctions | undefined;
	readonly node: INode;

	private constructor(
		private readonly nodeTypes: Workflow['nodeTypes'],
		private readonly credentials: MyPitCredentials,
		parameters: INodeParameters,
		private readonly workflowId: string,
	) {
		this.node = {
			id: 'trigger',
			name: 'MyPit Trigger',
			type: TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { myPitApi: { id: '1', name: 'MyPit account' } },
		};
		this.workflow = this.buildWorkflow();
	}

	/** Static data as n8n's database holds it. */
	get saved(): IDataObject {
		return JSON.parse(this.savedJson) as IDataObject;
	}

	/** Activation: the first poll runs at once; errors fail the activation. */
	async activate(): Promise<PollResult> {
		this.context = await this.createContext('trigger');
		const result = await this.runPoll();
		return { items: result.items, saved: this.persist() || result.saved };
	}

	/** One scheduled poll. */
	async poll(): Promise<PollResult> {
		if (!this.context) throw new Error('activate() first');
		return await this.runPoll();
	}

	/** n8n stops and starts again: the in-memory position is lost, the saved one is read. */
	async restart(): Promise<PollResult> {
		this.workflow = this.buildWorkflow();
		return await this.activate();
	}

	/**
	 * The user edits the active trigger (say, another Event) and saves: n8n deactivates the
	 * workflow and activates it again with the new parameters and the static data it saved.
	 */
	async reconfigure(parameters: INodeParameters): Promise<PollResult> {
		this.node.parameters = parameters;
		return await this.restart();
	}

	/** "Fetch Test Event" in the editor: a manual run on the saved workflow. */
	async manual(): Promise<INodeExecutionData[]> {
		const workflow = this.buildWorkflow();
		const context = await this.createContext('manual', workflow);
		const nodeType = workflow.nodeTypes.getByNameAndVersion(this.node.type, 1);
		const result = await nodeType.poll!.call(context);
		return result?.[0] ?? [];
	}

	private async runPoll(): Promise<PollResult> {
		const nodeType = this.workflow.nodeTypes.getByNameAndVersion(this.node.type, 1);
		const result = await nodeType.poll!.call(this.context!);
		if (result === null) return { items: [], saved: false };
		return { items: result[0] ?? [], saved: this.persist() };
	}

	/** WorkflowStaticDataService.saveStaticData: only when something changed. */
	private persist(): boolean {
		const staticData = this.workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (staticData.__dataChanged !== true) return false;
		this.savedJson = JSON.stringify(staticData);
		staticData.__dataChanged = false;
		return true;
	}

	private buildWorkflow(): Workflow {
		const staticData = JSON.parse(this.savedJson) as IDataObject;
		delete staticData.__dataChanged;
		return new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: {},
		});
	}

	static async create(
		credentials: MyPitCredentials,
		parameters: INodeParameters,
		/** Another ID: the same node in another active workflow. */
		workflowId = 'trigger-test',
	): Promise<PolledTrigger> {
		const { nodeTypes } = await registry();
		return new PolledTrigger(nodeTypes, credentials, parameters, workflowId);
	}

	private async createContext(
		mode: 'trigger' | 'manual',
		workflow = this.workflow,
	): Promise<IPollFunctions> {
		const { credentialTypes } = await registry();
		const additionalData = createAdditionalData(
			new TestCredentialsHelper(credentialTypes, { myPitApi: this.credentials }),
		);
		const fail = () => {
			throw new Error('the harness handles the poll result itself');
		};
		return new PollContext(
			workflow,
			this.node,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			fail,
			fail,
		);
	}
}
