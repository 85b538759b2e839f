/**
 * The parts of OpenAI's Chat Completions protocol that n8n's OpenAI Chat Model node
 * (`lmChatOpenAi`, through LangChain's ChatOpenAI) sends and reads: the request it posts to
 * `<base URL>/chat/completions`, and the answer in both shapes (one JSON body, or server-sent
 * events when the request says `stream: true`).
 */

/** One function the model is offered (`tools[].function`): name, description, JSON schema. */
export interface OfferedTool {
	name: string;
	description: string;
	parameters: Record<string, unknown>;
}

export interface ToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ToolCall[];
	tool_call_id?: string;
	name?: string;
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: Array<{ type: 'function'; function: OfferedTool }>;
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
	[key: string]: unknown;
}

/** What the model says next: call tools (arguments as objects), or answer in text. */
export type AssistantTurn =
	{ toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { content: string };

/** The text of a message, whether sent as a string or as content parts. */
export function textOf(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content))
		return message.content.map((part) => part.text ?? '').join('');
	return '';
}

interface AssistantMessage {
	role: 'assistant';
	content: string | null;
	tool_calls?: ToolCall[];
}

/** The assistant message for a turn; tool call IDs are unique per answer (`call_<answer>_<n>`). */
export function assistantMessage(turn: AssistantTurn, answerId: string): AssistantMessage {
	if ('content' in turn) return { role: 'assistant', content: turn.content };
	return {
		role: 'assistant',
		content: null,
		tool_calls: turn.toolCalls.map((call, index) => ({
			id: `call_${answerId}_${index}`,
			type: 'function',
			function: { name: call.name, arguments: JSON.stringify(call.arguments) },
		})),
	};
}

const USAGE = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };

/** The non-streaming answer: one `chat.completion` object. */
export function completionBody(
	message: AssistantMessage,
	model: string,
	answerId: string,
): Record<string, unknown> {
	return {
		id: `chatcmpl-${answerId}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: message.tool_calls ? 'tool_calls' : 'stop',
			},
		],
		usage: USAGE,
	};
}

/**
 * The streaming answer as the `data:` lines OpenAI sends: the role, then the text or each tool
 * call (name and arguments at once), then the finish reason, usage when asked, and `[DONE]`.
 */
export function completionEvents(
	message: AssistantMessage,
	model: string,
	answerId: string,
	includeUsage: boolean,
): string[] {
	const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
		id: `chatcmpl-${answerId}`,
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
	});
	const chunks: unknown[] = [chunk({ role: 'assistant', content: '' }, null)];
	if (message.tool_calls) {
		message.tool_calls.forEach((call, index) =>
			chunks.push(chunk({ tool_calls: [{ index, ...call }] }, null)),
		);
	} else {
		chunks.push(chunk({ content: message.content ?? '' }, null));
	}
	chunks.push(chunk({}, message.tool_calls ? 'tool_calls' : 'stop'));
	if (includeUsage)
		chunks.push({ ...(chunk({}, null) as object), choices: [], usage: USAGE } as unknown);
	return [...chunks.map((entry) => `data: ${JSON.stringify(entry)}\n\n`), 'data: [DONE]\n\n'];
}
