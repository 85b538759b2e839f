/**
 * Example 04 (the badge assistant) made runnable without a person at the chat: a copy of the
 * example whose chat trigger holds the user's message as pinned data (what the chat would have
 * sent), whose OpenAI Chat Model uses the given credential (a scripted model's URL), and whose
 * MyPit tools use the given MyPit credential (by ID: n8n 1.x resolves credentials by name only
 * when a workflow is created in a named project). Everything else is the example as shipped.
 */
import type { ExampleWorkflow } from '../stack/examples';

export const CHAT_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.chatTrigger';
export const OPENAI_CHAT_MODEL_TYPE = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
export const AGENT_NODE_TYPE = '@n8n/n8n-nodes-langchain.agent';

/** An `openAiApi` credential for a scripted model at `url` (…/v1). */
export function scriptedModelCredential(url: string, name = 'Scripted chat model') {
	return { name, type: 'openAiApi', data: { apiKey: 'sk-scripted-model', url } };
}

function nodeOfType(workflow: ExampleWorkflow, type: string) {
	const node = workflow.nodes.find((candidate) => candidate.type === type);
	if (!node) throw new Error(`${workflow.name} has no ${type} node`);
	return node;
}

interface CredentialRef {
	id: string;
	name: string;
}

/** The agent example with `chatInput` pinned on its chat trigger and both credentials set. */
export function agentRunWorkflow(
	example: ExampleWorkflow,
	chatInput: string,
	credentials: { model: CredentialRef; myPit: CredentialRef },
	name = `${example.name} (${chatInput.slice(0, 40)})`,
): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(example)) as ExampleWorkflow;
	const trigger = nodeOfType(copy, CHAT_TRIGGER_TYPE);
	nodeOfType(copy, OPENAI_CHAT_MODEL_TYPE).credentials = { openAiApi: credentials.model };
	for (const node of copy.nodes)
		if (node.credentials?.myPitApi) node.credentials = { myPitApi: credentials.myPit };
	copy.name = name;
	copy.pinData = {
		[trigger.name]: [{ json: { sessionId: 'e2e-session', action: 'sendMessage', chatInput } }],
	};
	return copy;
}

/** The agent node's name in a workflow. */
export function agentNodeName(workflow: ExampleWorkflow): string {
	return nodeOfType(workflow, AGENT_NODE_TYPE).name;
}

/** The chat trigger's name in a workflow (the node a run starts from). */
export function chatTriggerName(workflow: ExampleWorkflow): string {
	return nodeOfType(workflow, CHAT_TRIGGER_TYPE).name;
}
