/* eslint-disable no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Example 04, the badge assistant, run by n8n's real AI Agent node in real n8n, with a scripted
 * chat model (tooling/ai/scriptedModel.ts) behind the OpenAI Chat Model node's credential. The
 * model's script reacts to what the MyPit tools answered (it takes IDs from the Find answers), so
 * the test holds what a model receives: the tools offered (names, descriptions, input schemas),
 * the bytes of every tool answer, the error of a wrong ID, and the agent's final answer; and what
 * the sandbox received: exactly one issueBadge with the right template and holder.
 *
 * The small demo account first; then the same account grown to 5,005 holders, where finding one
 * holder must still answer the model in a few kB.
 */
import {
	agentNodeName,
	agentRunWorkflow,
	chatTriggerName,
	scriptedModelCredential,
} from '../../tooling/ai/agentRun';
import {
	FIND_HOLDERS,
	FIND_TEMPLATES,
	ISSUE_BADGE,
	finalAnswer,
	findThenIssue,
	issueResult,
	pick,
} from '../../tooling/ai/badgeAssistantScripts';
import {
	startScriptedModel,
	steps,
	type ScriptedModel,
	type ToolAnswer,
} from '../../tooling/ai/scriptedModel';
import { recordsWith } from '../../tooling/ai/toolAnswers';
import { nodeJson, type N8nRun } from '../../tooling/n8n';
import type { Stack } from '../../tooling/stack/stack';
import type { ExampleWorkflow } from '../../tooling/stack/examples';
import type { LoggedRequest } from '../../sandbox';
import {
	BOOT_TIMEOUT,
	describeN8n,
	issuedBadgesOf,
	n8nVersion,
	reportSkip,
	startTestStack,
} from './support/mypit';

reportSkip();

/** The most a Find answer may cost the model (issue 25's goal). */
const MAX_FIND_ANSWER_BYTES = 20_000;
/** Holders added to the demo account's five for the large-account runs. */
const LARGE_ACCOUNT_EXTRA_HOLDERS = 5_000;

describeN8n(`example 04 through n8n's AI Agent with a scripted model, n8n ${n8nVersion}`, () => {
	let stack: Stack;
	let model: ScriptedModel;
	let example: ExampleWorkflow;
	let modelCredential: { id: string; name: string };

	beforeAll(async () => {
		[stack, model] = await Promise.all([
			startTestStack(),
			startScriptedModel(() => {
				throw new Error('no script yet');
			}),
		]);
		example = stack.examples.find((entry) => entry.file.startsWith('04-'))!.workflow;
		const created = await stack.server.createCredential(scriptedModelCredential(model.url));
		modelCredential = { id: created.id, name: created.name };
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await Promise.all([stack?.stop(), model?.close()]);
	});

	const template = (name: string) => stack.demoData.templates.find((entry) => entry.name === name)!;
	const holder = (email: string) => stack.demoData.holders.find((entry) => entry.email === email)!;

	/** Badge IDs the account held before the last run. */
	let badgesBefore = new Set<string>();
	const newBadges = <T extends { _id: string }>(badges: T[]) =>
		badges.filter((badge) => !badgesBefore.has(badge._id));

	/** Runs the agent example on one chat message; the sandbox log and model record are this run's. */
	async function askAgent(chatInput: string): Promise<{ run: N8nRun; requests: LoggedRequest[] }> {
		badgesBefore = new Set((await issuedBadgesOf(stack.sandbox)).map((badge) => badge._id));
		stack.sandbox.control.clearLog();
		const workflow = agentRunWorkflow(example, chatInput, {
			model: modelCredential,
			myPit: stack.credential,
		});
		const run = await stack.server.runWorkflow(await stack.server.createWorkflow(workflow), {
			triggerNode: chatTriggerName(workflow),
			timeoutMs: 120_000,
		});
		return { run, requests: stack.sandbox.control.requestLog() };
	}

	/** A failed run says why: n8n's error and what each tool answered the model. */
	const expectSuccess = (run: N8nRun) =>
		expect({ status: run.status, error: run.error?.message, answers: model.toolAnswers() }).toEqual(
			expect.objectContaining({ status: 'success', error: undefined }),
		);
	const agentOutput = (run: N8nRun) => nodeJson(run, agentNodeName(example));
	const issueCalls = (requests: LoggedRequest[]) =>
		requests.filter((request) => request.path === '/issueBadge');
	const answersOf = (tool: string): ToolAnswer[] =>
		model.toolAnswers().filter((answer) => answer.tool === tool);

	test('the model is offered the three MyPit tools, each saying what to pass and what comes back', async () => {
		model.reset(findThenIssue('marie@example.com', 'First Aid Certificate'));
		const { run } = await askAgent('Give marie@example.com the First Aid Certificate badge');
		expectSuccess(run);

		const offered = model.requests[0].tools;
		expect(offered.map((tool) => tool.name).sort()).toEqual([
			FIND_HOLDERS,
			FIND_TEMPLATES,
			ISSUE_BADGE,
		]);
		const tool = (name: string) => offered.find((entry) => entry.name === name)!;
		const properties = (name: string) =>
			(
				tool(name).parameters as {
					properties: Record<string, { type: string; description?: string }>;
				}
			).properties;

		expect(Object.keys(properties(FIND_HOLDERS)).sort()).toEqual(['email', 'name']);
		expect(properties(FIND_HOLDERS).email).toMatchObject({
			type: 'string',
			description: expect.stringMatching(/email/i),
		});
		expect(properties(FIND_HOLDERS).name).toMatchObject({
			type: 'string',
			description: expect.stringMatching(/name/i),
		});
		expect(tool(FIND_HOLDERS).description).toMatch(/email.*name/s);
		expect(tool(FIND_HOLDERS).description).toMatch(/_id/);
		expect(tool(FIND_HOLDERS).description).toMatch(/moreMatching/);

		expect(Object.keys(properties(FIND_TEMPLATES))).toEqual(['name']);
		expect(tool(FIND_TEMPLATES).description).toMatch(/_id/);
		expect(tool(FIND_TEMPLATES).description).toMatch(/templateId/);

		expect(Object.keys(properties(ISSUE_BADGE)).sort()).toEqual(['holderId', 'templateId']);
		expect(properties(ISSUE_BADGE).holderId.description).toMatch(/Find_holders/);
		expect(properties(ISSUE_BADGE).templateId.description).toMatch(/Find_templates/);
		expect(tool(ISSUE_BADGE).description).toMatch(/issued/);
		expect(tool(ISSUE_BADGE).description).toMatch(/badgeId/);
		expect(tool(ISSUE_BADGE).description).toMatch(/error/);

		// The system prompt the example ships reaches the model.
		expect(model.requests[0].systemText).toContain('first find the holder with Find_holders');
		expect(model.requests[0].userText).toBe(
			'Give marie@example.com the First Aid Certificate badge',
		);
	});

	describe.each([
		['the demo account (5 holders)', 0, 'hedy@example.com'],
		[
			`an account of ${LARGE_ACCOUNT_EXTRA_HOLDERS + 5} holders`,
			LARGE_ACCOUNT_EXTRA_HOLDERS,
			'rosalind@example.com',
		],
	])('on %s', (_label, extraHolders, email) => {
		beforeAll(() => {
			if (!extraHolders) return;
			const { userId } = stack.sandbox.demo;
			stack.sandbox.control.seedHolders(userId, extraHolders, (i) => ({
				name: `Learner ${String(i + 1).padStart(5, '0')}`,
				email: `learner${i + 1}@school.example`,
				phone: `+1 555 ${String(i).padStart(7, '0')}`,
				holderId: `learner-${i + 1}`,
			}));
		});

		test('find the template and the holder, issue once with their IDs, answer with the badge', async () => {
			const templateName = 'First Aid Certificate';
			model.reset(findThenIssue(email, templateName));
			const { run, requests } = await askAgent(`Please give ${email} the ${templateName} badge.`);
			const count = (path: string) => requests.filter((request) => request.path === path).length;
			console.log(
				`[agent e2e] n8n ${n8nVersion}, ${requests.length} MyPit requests ` +
					`(${count('/getHolders')} getHolders, ${count('/getAllBadgeTemplatesByOwnerId')} template list); bytes of each ` +
					`tool answer: ${model
						.toolAnswers()
						.map((answer) => `${answer.tool} ${answer.bytes}`)
						.join(', ')}; ` +
					`chat requests: ${model.requests.length}, streamed: ${model.requests.some((request) => request.stream)}`,
			);

			expectSuccess(run);
			expect(issueCalls(requests)).toEqual([
				expect.objectContaining({
					status: 200,
					body: expect.objectContaining({
						templateId: template(templateName)._id,
						recipientIds: [holder(email)._id],
					}),
				}),
			]);

			// What the model received: one template, one holder, each answer small.
			const [templates] = answersOf(FIND_TEMPLATES);
			const [holders] = answersOf(FIND_HOLDERS);
			expect(recordsWith(JSON.parse(templates.content), '_id').map((entry) => entry.name)).toEqual([
				templateName,
			]);
			expect(recordsWith(JSON.parse(holders.content), '_id').map((entry) => entry._id)).toEqual([
				holder(email)._id,
			]);
			expect(holders.bytes).toBeLessThanOrEqual(MAX_FIND_ANSWER_BYTES);
			expect(templates.bytes).toBeLessThanOrEqual(MAX_FIND_ANSWER_BYTES);
			const [issued] = answersOf(ISSUE_BADGE);
			const result = recordsWith(JSON.parse(issued.content), 'issued');
			expect(result).toEqual([
				expect.objectContaining({
					issued: true,
					recipientId: holder(email)._id,
					badgeId: expect.any(String),
				}),
			]);

			const badgeId = String(result[0].badgeId);
			expect(newBadges(await issuedBadgesOf(stack.sandbox))).toEqual([
				expect.objectContaining({
					_id: badgeId,
					recipientId: holder(email)._id,
					templateId: template(templateName)._id,
				}),
			]);
			expect(agentOutput(run)).toEqual([
				expect.objectContaining({ output: finalAnswer(holder(email).name, templateName, badgeId) }),
			]);
		});
	});

	test('a wrong holder ID comes back to the model as the answer; it finds the holder and issues right', async () => {
		const email = 'nikola@example.com';
		const templateName = 'Fleet Driver Permit';
		const wrongId = 'hold_doesnotexist000000';
		model.reset(
			steps(
				() => ({ toolCalls: [{ name: FIND_TEMPLATES, arguments: { name: 'fleet' } }] }),
				(request) => ({
					toolCalls: [
						{
							name: ISSUE_BADGE,
							arguments: {
								templateId: pick(request, FIND_TEMPLATES, 'name', templateName)._id,
								holderId: wrongId,
							},
						},
					],
				}),
				(request) => {
					const result = issueResult(request);
					if (result.issued || !/not found/i.test(String(result.error)))
						throw new Error(`expected "not found", got ${JSON.stringify(result)}`);
					return { toolCalls: [{ name: FIND_HOLDERS, arguments: { email, name: '' } }] };
				},
				(request) => ({
					toolCalls: [
						{
							name: ISSUE_BADGE,
							arguments: {
								templateId: pick(request, FIND_TEMPLATES, 'name', templateName)._id,
								holderId: pick(request, FIND_HOLDERS, 'email', email)._id,
							},
						},
					],
				}),
				(request) => {
					const result = issueResult(request);
					if (!result.issued) throw new Error(`not issued: ${result.error}`);
					return { content: finalAnswer(holder(email).name, templateName, result.badgeId!) };
				},
			),
		);
		const { run, requests } = await askAgent(`Give ${email} the ${templateName} badge.`);

		expectSuccess(run);
		const [wrong, right] = answersOf(ISSUE_BADGE);
		expect(JSON.parse(wrong.content)).toEqual([
			expect.objectContaining({ recipientId: wrongId, issued: false, error: 'Holder not found' }),
		]);
		expect(right.arguments).toEqual({
			templateId: template(templateName)._id,
			holderId: holder(email)._id,
		});
		// Two issueBadge requests, in this order: the wrong ID (MyPit issued nothing), then the right one.
		expect(issueCalls(requests).map((request) => request.body)).toEqual([
			expect.objectContaining({ templateId: template(templateName)._id, recipientIds: [wrongId] }),
			expect.objectContaining({
				templateId: template(templateName)._id,
				recipientIds: [holder(email)._id],
			}),
		]);
		expect(newBadges(await issuedBadgesOf(stack.sandbox))).toEqual([
			expect.objectContaining({
				recipientId: holder(email)._id,
				templateId: template(templateName)._id,
			}),
		]);
		const badgeId = String(recordsWith(JSON.parse(right.content), 'issued')[0].badgeId);
		expect(agentOutput(run)).toEqual([
			expect.objectContaining({ output: finalAnswer(holder(email).name, templateName, badgeId) }),
		]);
	});
});
