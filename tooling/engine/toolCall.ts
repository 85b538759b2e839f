import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_REFERENCE, itemsNode, runWorkflow, type MyPitCredentials } from './engine';
import { TOOL_CALLER_NODE_TYPE, type ToolCall } from './nodeTypes';
import { MYPIT_NODE_TYPE } from './package-loader';

const CALLER_NODE_NAME = 'Agent';

export interface ToolCallResult {
	/** The JSON the tool answered the agent, parsed: the items' JSON of the node's output. */
	response?: unknown;
	/** The error message the agent got instead. */
	error?: string;
}

/** A MyPit Tool node of the agent: its name, parameters (with `$fromAI()`) and credential. */
export interface MyPitToolNode {
	name: string;
	parameters: INodeParameters;
	credentials: MyPitCredentials;
}

/**
 * Calls MyPit Tool nodes as an AI agent does, all calls in one agent execution: the agent
 * stand-in asks for its ai_tool inputs, n8n-core wraps each MyPit Tool node with
 * createNodeAsTool (its schema from the `$fromAI()` placeholders), and each invocation runs the
 * node type's `execute` with the arguments as AiTool input, as makeHandleToolInvocation does.
 * One result per call, in order.
 */
export async function callMyPitTools(
	tools: MyPitToolNode[],
	calls: ToolCall[],
): Promise<ToolCallResult[]> {
	const nodes: INode[] = [
		itemsNode([{}]),
		{
			id: 'agent',
			name: CALLER_NODE_NAME,
			type: TOOL_CALLER_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { calls: JSON.stringify(calls) },
		},
		...tools.map((tool, index): INode => ({
			id: `tool${index}`,
			name: tool.name,
			type: `${MYPIT_NODE_TYPE}Tool`,
			typeVersion: 1,
			position: [200 + index * 200, 200],
			parameters: tool.parameters,
			credentials: { myPitApi: { ...CREDENTIAL_REFERENCE.myPitApi, id: `tool${index}` } },
		})),
	];
	const connections: IConnections = {
		Items: { main: [[{ node: CALLER_NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	for (const tool of tools) {
		connections[tool.name] = {
			[NodeConnectionTypes.AiTool]: [
				[{ node: CALLER_NODE_NAME, type: NodeConnectionTypes.AiTool, index: 0 }],
			],
		};
	}
	const credentialsById = Object.fromEntries(
		tools.map((tool, index) => [`tool${index}`, tool.credentials]),
	);
	const run = await runWorkflow(nodes, connections, tools[0].credentials, credentialsById);
	if (run.data.resultData.error) return [{ error: run.data.resultData.error.message }];
	const answers = run.data.resultData.runData[CALLER_NODE_NAME]?.[0]?.data?.main?.[0] ?? [];
	if (answers.length !== calls.length)
		return [{ error: `The agent stand-in answered ${answers.length} of ${calls.length} calls` }];
	return answers.map(({ json }) =>
		typeof json.error === 'string'
			? { error: json.error }
			: { response: JSON.parse(String(json.response)) as unknown },
	);
}

/** One call of one MyPit Tool node, in an agent execution of its own. */
export async function callMyPitTool(
	credentials: MyPitCredentials,
	parameters: INodeParameters,
	args: IDataObject,
): Promise<ToolCallResult> {
	const [result] = await callMyPitTools(
		[{ name: 'MyPit Tool', parameters, credentials }],
		[{ tool: 'MyPit Tool', args }],
	);
	return result;
}
