/**
 * Example 06, the MyPit tools behind n8n's MCP Server Trigger, in real n8n (server mode, the
 * workflow active), used by the official MCP TypeScript SDK client as any MCP client would: the
 * Bearer token of the credential the stack made for it (as npm start does) is required; the tools are listed with the descriptions and input schemas the
 * example gives them; the template and the holder are found, the badge is issued and lands in
 * the sandbox.
 */
import {
	connectMcp,
	resultText,
	waitForMcpEndpoint,
	type McpConnection,
} from '../../tooling/ai/mcpClient';
import { parseAnswer, recordsWith } from '../../tooling/ai/toolAnswers';
import {
	MCP_TRIGGER_NODE_TYPE,
	MYPIT_TOOL_NODE_TYPE,
	type ExampleWorkflow,
} from '../../tooling/stack/examples';
import type { Stack } from '../../tooling/stack/stack';
import {
	BOOT_TIMEOUT,
	describeN8n,
	issuedBadgesOf,
	n8nVersion,
	reportSkip,
	startTestStack,
} from './support/mypit';

reportSkip();

describeN8n(`example 06: MyPit tools over n8n's MCP Server Trigger, n8n ${n8nVersion}`, () => {
	let stack: Stack;
	let example: ExampleWorkflow;
	let endpoint: string;
	let mcp: McpConnection;

	beforeAll(async () => {
		stack = await startTestStack();
		const imported = stack.examples.find((entry) => entry.file.startsWith('06-'))!;
		example = imported.workflow;
		// The example as the stack (npm start) imported it, with the "MyPit MCP token" credential
		// the stack made: published as it is, with nothing set by hand.
		const stored = await stack.server.rest<{
			versionId: string;
			nodes: Array<{ type: string; credentials?: Record<string, { id: string }> }>;
		}>('GET', `/rest/workflows/${imported.id}`);
		const trigger = stored.nodes.find((node) => node.type === MCP_TRIGGER_NODE_TYPE)!;
		expect(trigger.credentials?.httpBearerAuth?.id).toBe(stack.mcpToken.id);
		await stack.server.rest('POST', `/rest/workflows/${imported.id}/activate`, {
			versionId: stored.versionId,
		});
		const path = example.nodes.find((node) => node.type === MCP_TRIGGER_NODE_TYPE)!.parameters.path;
		endpoint = `${stack.server.baseUrl}/mcp/${String(path)}`;
		await waitForMcpEndpoint(endpoint);
		mcp = await connectMcp(endpoint, stack.mcpToken.token);
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await mcp?.close().catch(() => undefined);
		await stack?.stop();
	});

	test('without the Bearer token, or with a wrong one, the server refuses the client', async () => {
		const refusal = (token?: string) =>
			connectMcp(endpoint, token).then(
				() => ({ code: 200, message: 'connected' }),
				(error: { code?: number; message: string }) => ({
					code: error.code,
					message: error.message,
				}),
			);
		expect([401, 403]).toContain((await refusal()).code);
		expect(await refusal('wrong-token')).toEqual({
			code: 403,
			message: expect.stringContaining('Authorization data is wrong'),
		});
	});

	test("lists the three MyPit tools with the example's descriptions and their input schemas", async () => {
		const { tools } = await mcp.client.listTools();
		const shipped = Object.fromEntries(
			example.nodes
				.filter((node) => node.type === MYPIT_TOOL_NODE_TYPE)
				.map((node) => [node.name.replace(/ /g, '_'), String(node.parameters.toolDescription)]),
		);
		expect(tools.map((tool) => tool.name).sort()).toEqual([
			'Find_holders',
			'Find_templates',
			'Issue_badge',
		]);
		for (const tool of tools) expect(tool.description).toBe(shipped[tool.name]);

		const schema = (name: string) =>
			tools.find((tool) => tool.name === name)!.inputSchema as {
				type: string;
				properties: Record<string, { type: string; description?: string }>;
				required?: string[];
			};
		expect(schema('Find_holders')).toMatchObject({
			type: 'object',
			properties: {
				email: { type: 'string', description: expect.stringMatching(/email/i) },
				name: { type: 'string', description: expect.stringMatching(/name/i) },
			},
		});
		expect(Object.keys(schema('Find_templates').properties)).toEqual(['name']);
		expect(schema('Find_templates').required).toEqual(['name']);
		expect(schema('Issue_badge')).toMatchObject({
			type: 'object',
			properties: {
				templateId: { type: 'string', description: expect.stringMatching(/Find_templates/) },
				holderId: { type: 'string', description: expect.stringMatching(/Find_holders/) },
			},
		});
		expect([...(schema('Issue_badge').required ?? [])].sort()).toEqual(['holderId', 'templateId']);
	});

	test('find the template and the holder, issue: the badge lands in the sandbox', async () => {
		const course = stack.demoData.templates.find((entry) => entry.name === 'Fleet Driver Permit')!;
		const hedy = stack.demoData.holders.find((entry) => entry.email === 'hedy@example.com')!;
		stack.sandbox.control.clearLog();

		const templates = resultText(
			await mcp.client.callTool({ name: 'Find_templates', arguments: { name: 'driver' } }),
		);
		expect(recordsWith(parseAnswer(templates), '_id').map((entry) => entry._id)).toEqual([
			course._id,
		]);
		const holders = resultText(
			await mcp.client.callTool({
				name: 'Find_holders',
				arguments: { email: 'Hedy@Example.com', name: '' },
			}),
		);
		expect(recordsWith(parseAnswer(holders), '_id').map((entry) => entry._id)).toEqual([hedy._id]);

		const issued = await mcp.client.callTool({
			name: 'Issue_badge',
			arguments: { templateId: course._id, holderId: hedy._id },
		});
		expect(issued.isError).toBeFalsy();
		const [result] = recordsWith(parseAnswer(resultText(issued)), 'issued');
		expect(result).toMatchObject({
			issued: true,
			recipientId: hedy._id,
			badgeId: expect.any(String),
		});

		const issues = stack.sandbox.control
			.requestLog()
			.filter((request) => request.path === '/issueBadge');
		expect(issues).toEqual([
			expect.objectContaining({
				status: 200,
				body: expect.objectContaining({ templateId: course._id, recipientIds: [hedy._id] }),
			}),
		]);
		// Read back from the MyPit API: the badge is there, for that holder, from that template.
		expect(
			(await issuedBadgesOf(stack.sandbox)).filter((badge) => badge._id === result.badgeId),
		).toEqual([expect.objectContaining({ recipientId: hedy._id, templateId: course._id })]);
	});
});
