import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_REFERENCE, itemsNode, runWorkflow, type MyPitCredentials } from './engine';
import { TOOL_CALLER_NODE_TYPE } from './nodeTypes';
import { MYPIT_NODE_TYPE } from './package-loader';

const TOOL_NODE_NAME = 'MyPit Tool';
const CALLER_NODE_NAME = 'Agent';

export interface ToolCallResult {
	/** The JSON the tool answered the agent, parsed: the items' JSON of the node's output. */
	response?: unknown;
	/** The error message the agent got instead. */
	error?: string;
}

/**
 * Calls the MyPit node as an AI agent's tool, the way n8n-core does: the agent stand-in asks for
 * its ai_tool inputs, n8n-core wraps the MyPit Tool node with createNodeAsTool (its schema from
 * the `$fromAI()` placeholders in `parameters`), and invoking the tool with `args` runs the node
 * type's `execute` with the arguments as AiTool input, as makeHandleToolInvocation does.
 */
export async function callMyPitTool(
	credentials: MyPitCredentials,
	parameters: INodeParameters,
	args: IDataObject,
): Promise<ToolCallResult> {
	const nodes: INode[] = [
		itemsNode([{}]),
		{
			id: 'agent',
			name: CALLER_NODE_NAME,
			type: TOOL_CALLER_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { toolArguments: JSON.stringify(args) },
		},
		{
			id: 'tool',
			name: TOOL_NODE_NAME,
			type: `${MYPIT_NODE_TYPE}Tool`,
			typeVersion: 1,
			position: [200, 200],
			parameters,
			credentials: CREDENTIAL_REFERENCE,
		},
	];
	const connections = {
		Items: { main: [[{ node: CALLER_NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
		[TOOL_NODE_NAME]: {
			[NodeConnectionTypes.AiTool]: [
				[{ node: CALLER_NODE_NAME, type: NodeConnectionTypes.AiTool, index: 0 }],
			],
		},
	};
	const run = await runWorkflow(nodes, connections, credentials);
	if (run.data.resultData.error) return { error: run.data.resultData.error.message };
	const answer = run.data.resultData.runData[CALLER_NODE_NAME]?.[0]?.data?.main?.[0]?.[0]?.json;
	if (!answer) return { error: 'The agent stand-in produced no answer' };
	if (typeof answer.error === 'string') return { error: answer.error };
	return { response: JSON.parse(String(answer.response)) as unknown };
}
