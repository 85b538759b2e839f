/**
 * The scripted chat model (tooling/ai/scriptedModel.ts) over HTTP, as an OpenAI client reads it:
 * a tool call then a text answer, as one JSON body and as server-sent events; the record of the
 * tools offered and of each tool answer with its bytes; a script error as a 400. No n8n needed.
 */
import {
	SCRIPTED_MODEL_NAME,
	startScriptedModel,
	steps,
	type ScriptedModel,
} from '../../../tooling/ai/scriptedModel';

const TOOL = {
	type: 'function',
	function: {
		name: 'Find_holders',
		description: 'Finds holders',
		parameters: { type: 'object', properties: { email: { type: 'string' } } },
	},
};

describe('scripted chat model', () => {
	let model: ScriptedModel;
	beforeAll(async () => {
		model = await startScriptedModel(() => ({ content: 'unused' }));
	});
	afterAll(async () => {
		await model.close();
	});

	const post = (body: Record<string, unknown>) =>
		fetch(`${model.url}/chat/completions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ model: 'gpt-4o-mini', tools: [TOOL], ...body }),
		});
	const userTurn = [{ role: 'user', content: 'Find ada@example.com' }];
	const script = steps(
		() => ({ toolCalls: [{ name: 'Find_holders', arguments: { email: 'ada@example.com' } }] }),
		(request) => {
			const answer = request.lastAnswerOf('Find_holders') as { holders: Array<{ _id: string }> };
			return { content: `Found ${answer.holders[0]._id}` };
		},
	);

	test('JSON: a tool call, then text built from the tool answer; the request is recorded', async () => {
		model.reset(script);
		const first = (await (await post({ messages: userTurn })).json()) as {
			choices: Array<{
				message: { tool_calls: Array<{ id: string; function: { arguments: string } }> };
				finish_reason: string;
			}>;
		};
		const [call] = first.choices[0].message.tool_calls;
		expect(JSON.parse(call.function.arguments)).toEqual({ email: 'ada@example.com' });
		expect(first.choices[0].finish_reason).toBe('tool_calls');

		const toolAnswer = '{"holders":[{"_id":"hold_1"}]}';
		const second = (await (
			await post({
				messages: [
					...userTurn,
					{ role: 'assistant', content: null, tool_calls: first.choices[0].message.tool_calls },
					{ role: 'tool', tool_call_id: call.id, content: toolAnswer },
				],
			})
		).json()) as { choices: Array<{ message: { content: string }; finish_reason: string }> };
		expect(second.choices[0]).toMatchObject({
			message: { content: 'Found hold_1' },
			finish_reason: 'stop',
		});

		expect(model.requests.map((request) => request.tools)).toEqual([
			[TOOL.function],
			[TOOL.function],
		]);
		expect(model.toolAnswers()).toEqual([
			{
				toolCallId: call.id,
				tool: 'Find_holders',
				arguments: { email: 'ada@example.com' },
				content: toolAnswer,
				bytes: Buffer.byteLength(toolAnswer),
			},
		]);
	});

	test('streamed: the same turn as server-sent events ending in [DONE]', async () => {
		model.reset(script);
		const response = await post({
			messages: userTurn,
			stream: true,
			stream_options: { include_usage: true },
		});
		expect(response.headers.get('content-type')).toBe('text/event-stream');
		const events = (await response.text())
			.split('\n\n')
			.filter(Boolean)
			.map((event) => event.replace(/^data: /, ''));
		expect(events.at(-1)).toBe('[DONE]');
		const chunks = events.slice(0, -1).map((event) => JSON.parse(event));
		const calls = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
		expect(calls).toEqual([
			expect.objectContaining({
				index: 0,
				function: { name: 'Find_holders', arguments: '{"email":"ada@example.com"}' },
			}),
		]);
		expect(chunks.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean)).toEqual([
			'tool_calls',
		]);
		expect(chunks.at(-1).usage).toBeDefined();
		expect(model.requests[0].stream).toBe(true);
	});

	test('a script that throws answers 400 with its message; GET /models lists the model', async () => {
		model.reset(steps());
		const response = await post({ messages: userTurn });
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
			/the script has 0 turns/,
		);
		const models = (await (await fetch(`${model.url}/models`)).json()) as {
			data: Array<{ id: string }>;
		};
		expect(models.data.map((entry) => entry.id)).toEqual([SCRIPTED_MODEL_NAME]);
	});
});
