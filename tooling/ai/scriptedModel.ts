/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-unused-vars -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * A scripted chat model: an OpenAI-compatible HTTP server on 127.0.0.1 that n8n's OpenAI Chat
 * Model node talks to (the `openAiApi` credential's Base URL field `url` set to `model.url`), so
 * an AI Agent runs in real n8n without an LLM. A script is a function of what the model received
 * (the conversation so far and the tools offered) returning its next turn, so it can react to
 * what a tool answered. Every request is recorded: the tools offered (name, description, JSON
 * schema) and each tool answer with its size in bytes, exactly as n8n sent them.
 *
 *   const model = await startScriptedModel(script);
 *   ... credential { url: model.url, apiKey: 'scripted' }, run the agent ...
 *   model.toolAnswers()  // every tool result the model received
 *   await model.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	assistantMessage,
	completionBody,
	completionEvents,
	textOf,
	type AssistantTurn,
	type ChatCompletionRequest,
	type ChatMessage,
	type OfferedTool,
} from './chatProtocol';
import { parseAnswer } from './toolAnswers';

export type { AssistantTurn, ChatMessage, OfferedTool } from './chatProtocol';

/** One tool result message as the model received it. */
export interface ToolAnswer {
	toolCallId: string;
	/** The tool the assistant called under that ID (from its earlier tool_calls). */
	tool: string;
	/** The arguments it called the tool with. */
	arguments: Record<string, unknown>;
	content: string;
	/** UTF-8 bytes of `content`: what the answer costs in the model's context. */
	bytes: number;
}

/** What a script sees of one request. */
export interface ModelRequest {
	messages: ChatMessage[];
	tools: OfferedTool[];
	/** The assistant turns so far in this conversation (0 for the first request). */
	turn: number;
	/** The last user message. */
	userText: string;
	/** The system message (the agent's system prompt), '' when none. */
	systemText: string;
	/** Every tool result so far, oldest first. */
	toolAnswers: ToolAnswer[];
	/** The newest answer of a tool (by tool name), parsed as JSON; throws when there is none. */
	lastAnswerOf(tool: string): unknown;
}

export type ModelScript = (request: ModelRequest) => AssistantTurn;

export interface RecordedRequest extends Omit<ModelRequest, 'lastAnswerOf'> {
	path: string;
	model: string;
	stream: boolean;
	/** The request body as received (tool_choice, temperature, …). */
	body: ChatCompletionRequest;
	/** What the script answered, or the error it threw. */
	answer?: AssistantTurn;
	error?: string;
}

export interface ScriptedModel {
	/** Base URL for the credential's `url` field, ending in /v1. */
	url: string;
	/** Every chat completion request, oldest first. */
	requests: RecordedRequest[];
	/** Every distinct tool answer the model received (by tool call ID), oldest first. */
	toolAnswers(): ToolAnswer[];
	/** A new script for the next conversation; the record is cleared. */
	reset(script: ModelScript): void;
	close(): Promise<void>;
}

/** The model name the server reports in `GET /v1/models` (any name is accepted in requests). */
export const SCRIPTED_MODEL_NAME = 'scripted-model';

/** Runs the script turn by turn: the request's `turn` picks the step. */
export function steps(...script: ModelScript[]): ModelScript {
	return (request) => {
		const step = script[request.turn];
		if (!step)
			throw new Error(
				`the script has ${script.length} turns; the model was asked for turn ${request.turn + 1}`,
			);
		return step(request);
	};
}

/** Tool results in a conversation, each tied to the call (tool name and arguments) it answers. */
export function toolAnswersOf(messages: ChatMessage[]): ToolAnswer[] {
	const calls = new Map<string, { tool: string; arguments: Record<string, unknown> }>();
	const answers: ToolAnswer[] = [];
	for (const message of messages) {
		for (const call of message.tool_calls ?? [])
			calls.set(call.id, {
				tool: call.function.name,
				arguments: JSON.parse(call.function.arguments || '{}') as Record<string, unknown>,
			});
		if (message.role !== 'tool') continue;
		const content = textOf(message);
		const call = calls.get(message.tool_call_id ?? '');
		answers.push({
			toolCallId: message.tool_call_id ?? '',
			tool: call?.tool ?? message.name ?? '',
			arguments: call?.arguments ?? {},
			content,
			bytes: Buffer.byteLength(content, 'utf8'),
		});
	}
	return answers;
}

function modelRequest(body: ChatCompletionRequest): ModelRequest {
	const messages = body.messages ?? [];
	const toolAnswers = toolAnswersOf(messages);
	const lastOf = (role: ChatMessage['role']) =>
		[...messages].reverse().find((message) => message.role === role);
	return {
		messages,
		tools: (body.tools ?? []).map((tool) => tool.function),
		turn: messages.filter((message) => message.role === 'assistant').length,
		userText: lastOf('user') ? textOf(lastOf('user')!) : '',
		systemText: lastOf('system') ? textOf(lastOf('system')!) : '',
		toolAnswers,
		lastAnswerOf(tool) {
			const answer = [...toolAnswers].reverse().find((entry) => entry.tool === tool);
			if (!answer) throw new Error(`the model has received no answer of ${tool} yet`);
			return parseAnswer(answer.content);
		},
	};
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}

export async function startScriptedModel(script: ModelScript): Promise<ScriptedModel> {
	let current = script;
	const requests: RecordedRequest[] = [];
	let answers = 0;

	const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const path = (request.url ?? '').split('?')[0];
		if (request.method === 'GET' && path.endsWith('/models')) {
			sendJson(response, 200, {
				object: 'list',
				data: [{ id: SCRIPTED_MODEL_NAME, object: 'model', created: 0, owned_by: 'tests' }],
			});
			return;
		}
		if (request.method !== 'POST' || !path.endsWith('/chat/completions')) {
			sendJson(response, 404, { error: { message: `no route ${request.method} ${path}` } });
			return;
		}
		const body = (await readJson(request)) as ChatCompletionRequest;
		const seen = modelRequest(body);
		const { lastAnswerOf: _lastAnswerOf, ...recordable } = seen;
		const record: RecordedRequest = {
			...recordable,
			path,
			model: body.model,
			stream: body.stream === true,
			body,
		};
		requests.push(record);
		let turn: AssistantTurn;
		try {
			turn = current(seen);
		} catch (error) {
			// A 400 is not retried by the OpenAI client: the run fails with this message.
			record.error = error instanceof Error ? error.message : String(error);
			sendJson(response, 400, {
				error: { message: `scripted model: ${record.error}`, type: 'invalid_request_error' },
			});
			return;
		}
		record.answer = turn;
		const answerId = String(++answers);
		const message = assistantMessage(turn, answerId);
		if (!record.stream) {
			sendJson(response, 200, completionBody(message, body.model, answerId));
			return;
		}
		response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const includeUsage = body.stream_options?.include_usage === true;
		for (const event of completionEvents(message, body.model, answerId, includeUsage))
			response.write(event);
		response.end();
	};

	const server = createServer((request, response) => {
		answer(request, response).catch((error: unknown) => {
			if (!response.headersSent)
				sendJson(response, 500, { error: { message: `scripted model: ${String(error)}` } });
			else response.destroy();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		toolAnswers() {
			const byId = new Map<string, ToolAnswer>();
			for (const request of requests)
				for (const entry of request.toolAnswers) byId.set(entry.toolCallId, entry);
			return [...byId.values()];
		},
		reset(next) {
			current = next;
			requests.length = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
