/**
 * The example workflows (examples/*.json) in real n8n, set up as `npm start` does: imported with
 * the "MyPit sandbox" credential resolved by name, the runnable ones executed from their triggers
 * (pinned form data, one schedule tick, a manual start), checked by their output items and by the
 * requests the sandbox received. The AI agent (04) and MCP server (06) workflows are imported and
 * their node types loaded; agent.test.ts and mcp.test.ts run them. Also: the raw files import with
 * n8n's CLI.
 */
import { runExample } from '../../tooling/stack/demo';
import {
	MCP_TRIGGER_NODE_TYPE,
	MYPIT_NODE_TYPE,
	MYPIT_TOOL_NODE_TYPE,
	loadExamples,
} from '../../tooling/stack/examples';
import type { ImportedExample, Stack } from '../../tooling/stack/stack';
import {
	createN8nHome,
	importWorkflows,
	nodeItems,
	nodeJson,
	runN8n,
	type N8nHome,
} from '../../tooling/n8n';
import {
	BOOT_TIMEOUT,
	apiCalls,
	describeN8n,
	n8nVersion,
	reportSkip,
	startTestStack,
} from './support/mypit';

reportSkip();

const DAY = 86_400_000;

describeN8n(`example workflows in real n8n ${n8nVersion}`, () => {
	let stack: Stack;
	const example = (file: string): ImportedExample => {
		const found = stack.examples.find((candidate) => candidate.file.startsWith(file));
		if (!found) throw new Error(`example ${file} was not imported`);
		return found;
	};
	const course = () =>
		stack.demoData.templates.find((template) => template.name === 'Course Completion')!;

	beforeAll(async () => {
		stack = await startTestStack();
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await stack?.stop();
	});

	test('all six examples are imported, each MyPit node with the "MyPit sandbox" credential found by name', async () => {
		expect(stack.examples.map((entry) => entry.file)).toEqual([
			'01-form-to-badge.json',
			'02-bulk-issue-from-sheet.json',
			'03-expiring-badges-report.json',
			'04-ai-agent-badge-assistant.json',
			'05-badge-trigger.json',
			'06-mcp-server-badge-tools.json',
		]);
		for (const entry of stack.examples) {
			const stored = await stack.server.rest<{
				name: string;
				nodes: Array<{ type: string; credentials?: Record<string, { id: string; name: string }> }>;
			}>('GET', `/rest/workflows/${entry.id}`);
			expect(stored.name).toBe(entry.workflow.name);
			const myPitNodes = stored.nodes.filter(
				(node) => node.type === MYPIT_NODE_TYPE || node.type === MYPIT_TOOL_NODE_TYPE,
			);
			expect(myPitNodes.length).toBeGreaterThan(0);
			for (const node of myPitNodes)
				expect(node.credentials?.myPitApi).toEqual({
					id: stack.credential.id,
					name: 'MyPit sandbox',
				});
		}
	});

	test('01 form → holder → badge: the pinned submission becomes a holder with a Course Completion badge', async () => {
		const { run, requests, summary } = await runExample(stack, example('01'));

		expect(summary.ok).toBe(true);
		const { userId, issuerDid } = stack.sandbox.demo;
		const [holder] = nodeJson(run, 'Create holder');
		expect(holder).toMatchObject({
			_id: expect.stringMatching(/^hold_/),
			name: 'Jane Doe',
			email: 'jane.doe@example.com',
			phone: '+1 555 0100',
			action: 'created',
		});
		expect(nodeJson(run, 'Issue badge')).toEqual([
			{
				recipientId: holder._id,
				issued: true,
				skipped: false,
				badgeId: expect.stringMatching(/^badge_/),
				outcome: 'issued',
				batchStatus: 'success',
				status: 'success',
				templateId: course()._id,
			},
		]);
		expect(apiCalls(requests)).toEqual([
			{ path: '/getHolders', body: { userId, paginationOpts: { numItems: 1000 } } },
			{
				path: '/createHolder',
				body: {
					issuerDid,
					issuerId: userId,
					data: {
						name: 'Jane Doe',
						email: 'jane.doe@example.com',
						phone: '+1 555 0100',
						ownerId: userId,
						holderDid: 'did:ethr:0x7e57a11ce0000000000000000000000000000001',
						holderId: 'jane.doe@example.com',
						memo: 'Signed up through the course form on 2025-01-15T09:30:00.000Z',
					},
				},
			},
			{ path: '/getIssuedBadges', body: { userId, paginationOpts: { numItems: 1000 } } },
			{ path: '/getASingleBadgeTemplate', body: { userId, templateId: course()._id } },
			{
				path: '/issueBadge',
				body: {
					userId,
					templateId: course()._id,
					recipientIds: [holder._id],
					type: 'achievement',
					validityPeriod: 365,
					badgeData: { course: 'Automation 101', source: 'course completion form' },
				},
			},
		]);
	});

	test('01 again with the same submission: the holder is unchanged, the badge skipped, nothing written', async () => {
		const { userId } = stack.sandbox.demo;
		const { run, requests, summary } = await runExample(stack, example('01'));

		expect(summary.ok).toBe(true);
		const [holder] = nodeJson(run, 'Create holder');
		expect(holder).toMatchObject({
			name: 'Jane Doe',
			email: 'jane.doe@example.com',
			action: 'unchanged',
			changedFields: [],
		});
		expect(nodeJson(run, 'Issue badge')).toEqual([
			{
				recipientId: holder._id,
				issued: false,
				skipped: true,
				badgeId: expect.stringMatching(/^badge_/),
				outcome: 'skipped',
				batchStatus: null,
				status: 'skipped',
				templateId: course()._id,
			},
		]);
		expect(apiCalls(requests)).toEqual([
			{ path: '/getHolders', body: { userId, paginationOpts: { numItems: 1000 } } },
			{ path: '/getIssuedBadges', body: { userId, paginationOpts: { numItems: 1000 } } },
		]);
	});

	test('02 sheet rows → holders → badges in bulk: five holders, one issue request, outputs linked to rows', async () => {
		const { run, requests, summary } = await runExample(stack, example('02'));

		expect(summary.ok).toBe(true);
		const rows = nodeJson(run, 'One item per row');
		expect(rows.map((row) => row.name)).toEqual([
			'Ada Lovelace',
			'Alan Turing',
			'Grace Hopper',
			'Katherine Johnson',
			'Edsger Dijkstra',
		]);
		const holders = nodeJson(run, 'Create holders');
		expect(holders.map((holder) => holder.name)).toEqual(rows.map((row) => row.name));

		const creates = apiCalls(requests).filter((call) => call.path === '/createHolder');
		expect(
			creates.map((call) => (call.body as { data: { email: string } }).data.email).sort(),
		).toEqual(rows.map((row) => row.email).sort());
		const issues = apiCalls(requests).filter((call) => call.path === '/issueBadge');
		expect(issues).toEqual([
			{
				path: '/issueBadge',
				body: {
					userId: stack.sandbox.demo.userId,
					templateId: course()._id,
					recipientIds: holders.map((holder) => holder._id),
					type: 'achievement',
					validityPeriod: 365,
					badgeData: { course: 'Automation 101', cohort: '2025-spring' },
				},
			},
		]);
		expect(
			requests.map((request) => request.path).filter((path) => path === '/getASingleBadgeTemplate'),
		).toHaveLength(1);
		expect(
			requests
				.map((request) => request.path)
				.filter((path) => path === '/getHolders' || path === '/getIssuedBadges'),
		).toEqual(['/getHolders', '/getIssuedBadges']);

		const issued = nodeItems(run, 'Issue badges in bulk');
		expect(issued.map((item) => item.json)).toEqual(
			holders.map((holder) => ({
				recipientId: holder._id,
				issued: true,
				skipped: false,
				badgeId: expect.any(String),
				outcome: 'issued',
				batchStatus: 'success',
				status: 'success',
				templateId: course()._id,
			})),
		);
		expect(issued.map((item) => item.pairedItem)).toEqual(holders.map((_, item) => ({ item })));

		// The same sheet again: every holder known and unchanged, every badge held, nothing written.
		const again = await runExample(stack, example('02'));
		expect(again.summary.ok).toBe(true);
		expect(
			nodeJson(again.run, 'Create holders').map((holder) => [holder._id, holder.action]),
		).toEqual(holders.map((holder) => [holder._id, 'unchanged']));
		expect(nodeJson(again.run, 'Issue badges in bulk')).toEqual(
			issued.map((item) => ({
				...item.json,
				issued: false,
				skipped: true,
				outcome: 'skipped',
				batchStatus: null,
				status: 'skipped',
			})),
		);
		expect(apiCalls(again.requests)).toEqual([
			{
				path: '/getHolders',
				body: { userId: stack.sandbox.demo.userId, paginationOpts: { numItems: 1000 } },
			},
			{
				path: '/getIssuedBadges',
				body: { userId: stack.sandbox.demo.userId, paginationOpts: { numItems: 1000 } },
			},
		]);
	});

	test('03 expiring badges: Get Many (Return All), Filter within 30 days, one report item', async () => {
		const { run, requests, summary } = await runExample(stack, example('03'));

		expect(summary.ok).toBe(true);
		const listed = nodeJson(run, 'All issued badges');
		expect(listed.length).toBeGreaterThanOrEqual(stack.demoData.badges.length);
		expect(new Set(listed.map((badge) => badge._id)).size).toBe(listed.length);
		const expected = stack.demoData.expiringWithin30Days;
		expect(
			nodeJson(run, 'Expires within 30 days')
				.map((badge) => badge._id)
				.sort(),
		).toEqual(expected.map((badge) => badge._id).sort());
		// The filter compares the readable dates the node outputs beside the epoch fields.
		for (const badge of nodeJson(run, 'Expires within 30 days'))
			expect(badge.expiresAtIso).toBe(new Date(badge.expiresAt as number).toISOString());
		const first = Math.min(...expected.map((badge) => badge.expiresAt));
		// n8n runs in UTC here (GENERIC_TIMEZONE): "7 December 2026", as Luxon's 'd MMMM yyyy'.
		const longDate = new Date(first).toLocaleDateString('en-GB', {
			timeZone: 'UTC',
			day: 'numeric',
			month: 'long',
			year: 'numeric',
		});
		expect(nodeJson(run, 'Report')).toEqual([
			expect.objectContaining({
				expiringBadges: expected.length,
				firstExpiry: new Date(first).toISOString().slice(0, 10),
				holderIds: expect.arrayContaining(expected.map((badge) => badge.recipientId)),
				message: `${expected.length} badge(s) expire within 30 days, the first on ${longDate}.`,
			}),
		]);
		expect(first - Date.now()).toBeLessThan(30 * DAY);
		expect(apiCalls(requests)).toEqual([
			{
				path: '/getIssuedBadges',
				body: { userId: stack.sandbox.demo.userId, paginationOpts: { numItems: 100 } },
			},
		]);
	});

	test('04 AI agent: imported, and n8n loaded every node type it uses, the MyPit tool among them', async () => {
		const agent = example('04');
		const loaded = await stack.server.nodeTypes();
		const used = [...new Set(agent.workflow.nodes.map((node) => node.type))];
		expect(used).toEqual(
			expect.arrayContaining([
				MYPIT_TOOL_NODE_TYPE,
				'@n8n/n8n-nodes-langchain.agent',
				'@n8n/n8n-nodes-langchain.lmChatOpenAi',
			]),
		);
		expect(loaded).toEqual(expect.arrayContaining(used));
		const stored = await stack.server.rest<{
			connections: Record<string, Record<string, unknown>>;
		}>('GET', `/rest/workflows/${agent.id}`);
		const toolNodes = agent.workflow.nodes
			.filter((node) => node.type === MYPIT_TOOL_NODE_TYPE)
			.map((node) => node.name);
		expect(toolNodes).toHaveLength(3);
		for (const name of toolNodes)
			expect(Object.keys(stored.connections[name] ?? {})).toEqual(['ai_tool']);
	});

	test('06 MCP server: imported, n8n loaded the MCP Server Trigger and the MyPit tool, three tools connected to it', async () => {
		const mcp = example('06');
		const loaded = await stack.server.nodeTypes();
		expect(loaded).toEqual(expect.arrayContaining([MCP_TRIGGER_NODE_TYPE, MYPIT_TOOL_NODE_TYPE]));
		const stored = await stack.server.rest<{
			connections: Record<string, Record<string, Array<Array<{ node: string }>>>>;
		}>('GET', `/rest/workflows/${mcp.id}`);
		const toolNodes = mcp.workflow.nodes
			.filter((node) => node.type === MYPIT_TOOL_NODE_TYPE)
			.map((node) => node.name);
		expect(toolNodes.sort()).toEqual(['Find holders', 'Find templates', 'Issue badge']);
		for (const name of toolNodes)
			expect(stored.connections[name]).toEqual({
				ai_tool: [[expect.objectContaining({ node: 'MCP Server Trigger' })]],
			});
	});

	describe('the example files as they are, with the n8n CLI (`n8n import:workflow`)', () => {
		let home: N8nHome;
		afterAll(async () => {
			await home?.cleanup();
		});

		test(
			'import into an empty n8n and list back',
			async () => {
				home = await createN8nHome();
				const raw = loadExamples().map((entry) => entry.workflow);
				await importWorkflows(home, raw);
				const listed = await runN8n(home, ['list:workflow']);
				for (const workflow of raw) expect(listed.stdout).toContain(workflow.name);
			},
			BOOT_TIMEOUT,
		);
	});
});
