import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	ICredentialType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, nodeNameToToolName } from 'n8n-workflow';
import { RoutingNode } from 'n8n-core';

import { PACKAGE_NAME, loadPackage } from './package-loader';

/** A source node that emits the test's input items, as a trigger or a previous node would. */
export const ITEMS_NODE_TYPE = 'test.items';

/** A stand-in for n8n's AI Agent: makes the tool calls it is given, as an agent's model would. */
export const TOOL_CALLER_NODE_TYPE = 'test.toolCaller';

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
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions) {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

interface CallableTool {
	name: string;
	invoke(args: IDataObject): Promise<unknown>;
}

/** One tool call the agent stand-in makes: the tool node's name and the model's arguments. */
export interface ToolCall {
	tool: string;
	args: IDataObject;
}

/**
 * Gets its tools the way n8n's AI Agent does (`getInputConnectionData(ai_tool)`, which makes a
 * node without `supplyData` a tool with n8n-core's own createNodeAsTool) and makes the calls a
 * model would, in order, all in this one agent execution. One output item per call: the tool's
 * answer, or its error message.
 */
class ToolCaller implements INodeType {
	description = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls its tools',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, required: true }],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '[]' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const calls = JSON.parse(this.getNodeParameter('calls', 0) as string) as ToolCall[];
		const tools = (await this.getInputConnectionData(
			NodeConnectionTypes.AiTool,
			0,
		)) as CallableTool[];
		const answers: INodeExecutionData[] = [];
		for (const call of calls) {
			// n8n names a tool after its node (nodeNameToToolName), as the model sees it.
			const tool = tools.find((candidate) => candidate.name === nodeNameToToolName(call.tool));
			if (!tool) throw new Error(`No tool from node "${call.tool}"`);
			const json = await tool.invoke(call.args).then(
				(response) => ({ tool: call.tool, response: String(response) }),
				(error: Error) => ({ tool: call.tool, error: error.message }),
			);
			answers.push({ json });
		}
		return [answers];
	}
}

/**
 * What n8n's NodeTypes does to a loaded node type (read in n8n 2.40.7, `node-types.js`): a
 * declarative node gets an `execute` that runs RoutingNode (WorkflowExecute still prefers a
 * matching custom operation), and `<name>Tool` is the node turned into an AI tool, whose calls
 * run that `execute`.
 */
function withDeclarativeExecute(type: INodeType): INodeType {
	const declarative = type.description.requestDefaults !== undefined;
	if (!declarative || type.execute || type.poll || type.trigger || type.supplyData) return type;
	type.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as never, type).runNode()) ?? [];
	};
	return type;
}

function asTool(type: INodeType): INodeType {
	const base = type.description;
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: base.description,
	};
	const description: INodeTypeDescription = {
		...base,
		name: `${base.name}Tool`,
		displayName: `${base.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [toolDescription, ...base.properties],
	};
	delete description.usableAsTool;
	return Object.create(type, { description: { value: description } }) as INodeType;
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

/** The package's node and credential types as n8n loads them, plus the test's helper nodes. */
export async function registry() {
	if (!nodeTypes || !credentialTypes) {
		const { nodes, credentials } = await loadPackage();
		const types = new Map<string, INodeType>([
			[ITEMS_NODE_TYPE, new ItemsSource()],
			[TOOL_CALLER_NODE_TYPE, new ToolCaller()],
		]);
		for (const node of nodes) {
			const type = withDeclarativeExecute(node);
			types.set(`${PACKAGE_NAME}.${type.description.name}`, type);
			if (type.description.usableAsTool)
				types.set(`${PACKAGE_NAME}.${type.description.name}Tool`, asTool(type));
		}
		nodeTypes = new TestNodeTypes(types);
		credentialTypes = new Map(credentials.map((credential) => [credential.name, credential]));
	}
	return { nodeTypes, credentialTypes };
}
