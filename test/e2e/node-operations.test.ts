/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Every operation of the MyPit node, run as a workflow in a real n8n (`n8n start`, the packed
 * package installed as a community node) against the MyPit sandbox: the items the node produced
 * and the requests the sandbox received. Plus API errors, Continue On Fail, and the credential
 * test as the editor runs it. Runs on the pinned n8n, or the one named by env N8N_VERSION.
 */
import type { Holder, Template } from '../../sandbox';
import type { Stack } from '../../tooling/stack/stack';
import { nodeError, nodeItems, nodeJson, type N8nRun } from '../../tooling/n8n';
import {
	BOOT_TIMEOUT,
	apiCalls,
	byId,
	describeN8n,
	myPitWorkflow,
	n8nVersion,
	reportSkip,
	startTestStack,
	type MyPitWorkflowOptions,
} from './support/mypit';

reportSkip();

const DAY = 86_400_000;

describeN8n(`MyPit node in real n8n ${n8nVersion}`, () => {
	let stack: Stack;
	let userId: string;

	beforeAll(async () => {
		stack = await startTestStack();
		userId = stack.sandbox.demo.userId;
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await stack?.stop();
	});

	beforeEach(() => stack.sandbox.control.clearLog());

	const run = async (
		parameters: Record<string, unknown>,
		options: Omit<MyPitWorkflowOptions, 'credential'> = {},
	): Promise<N8nRun> =>
		await stack.server.runWorkflow(
			myPitWorkflow(parameters, { ...options, credential: stack.credential }),
		);
	const calls = () => apiCalls(stack.sandbox.control.requestLog());
	const seedTemplate = (overrides: Partial<Template> = {}) =>
		stack.sandbox.control.seedTemplates(userId, 1, overrides)[0];
	const seedHolders = (count: number): Holder[] => stack.sandbox.control.seedHolders(userId, count);

	test('n8n loaded the node, its AI-tool variant and the credential type from the installed package', async () => {
		expect(await stack.server.nodeTypes()).toEqual(
			expect.arrayContaining(['n8n-nodes-mypit.myPit', 'n8n-nodes-mypit.myPitTool']),
		);
		expect(await stack.server.credentialTypes()).toContain('myPitApi');
	});

	describe('Template', () => {
		test('Create sends the documented body and outputs the created template', async () => {
			const result = await run({
				resource: 'template',
				operation: 'create',
				name: 'Course Completion e2e',
				typeOfBadge: 'achievement',
				validityPeriod: 180,
				description: 'Awarded for completing the course',
				criteria: 'Complete all modules',
				imageUrl: 'https://example.com/badge.png',
				price: 0,
			});

			expect(result.status).toBe('success');
			expect(calls()).toEqual([
				{
					path: '/createBadgeTemplate',
					body: {
						userId,
						name: 'Course Completion e2e',
						typeOfBadge: 'achievement',
						validityPeriod: 180,
						description: 'Awarded for completing the course',
						criteria: 'Complete all modules',
						imageUrl: 'https://example.com/badge.png',
						price: 0,
					},
				},
			]);
			const [created] = nodeJson(result, 'MyPit');
			expect(created).toMatchObject({
				name: 'Course Completion e2e',
				type: 'achievement',
				validityPeriod: 180,
				ownerId: userId,
			});
			expect(created._id).toEqual(expect.stringMatching(/^tmpl_/));
			expect(nodeItems(result, 'MyPit')[0].pairedItem).toEqual({ item: 0 });
		});

		test('Get returns the simplified template', async () => {
			const template = seedTemplate();
			const result = await run({
				resource: 'template',
				operation: 'get',
				templateId: byId(template._id),
			});

			expect(calls()).toEqual([
				{ path: '/getASingleBadgeTemplate', body: { userId, templateId: template._id } },
			]);
			expect(nodeJson(result, 'MyPit')).toEqual([
				{
					_id: template._id,
					name: template.name,
					type: template.type,
					description: template.description,
					criteria: template.criteria,
					validityPeriod: template.validityPeriod,
					price: template.price,
					imageUrl: template.imageUrl,
					isActive: template.isActive,
					createdAt: template.createdAt,
					createdAtIso: new Date(template.createdAt).toISOString(),
					updatedAt: template.updatedAt,
					updatedAtIso: new Date(template.updatedAt).toISOString(),
				},
			]);
		});

		test('Get Many with Return All pages through every template', async () => {
			stack.sandbox.control.seedTemplates(userId, 4);
			const owned = await stack.server.runWorkflow(
				myPitWorkflow(
					{
						resource: 'template',
						operation: 'getAll',
						returnAll: true,
						options: { pageSize: 1000 },
					},
					{ credential: stack.credential },
				),
			);
			const total = nodeJson(owned, 'MyPit').length;
			stack.sandbox.control.clearLog();

			const result = await run({
				resource: 'template',
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 3 },
			});

			const items = nodeJson(result, 'MyPit');
			expect(items).toHaveLength(total);
			expect(new Set(items.map((item) => item._id)).size).toBe(total);
			const requests = calls();
			expect(requests).toHaveLength(Math.ceil(total / 3));
			expect(requests.every((request) => request.path === '/getAllBadgeTemplatesByOwnerId')).toBe(
				true,
			);
			expect(requests[0].body).toEqual({ userId, paginationOpts: { numItems: 3 } });
			expect(requests[1].body).toEqual({
				userId,
				paginationOpts: { numItems: 3, cursor: expect.any(String) },
			});
		});

		test('Get Many with a Limit stops after that many', async () => {
			const result = await run({
				resource: 'template',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
			});

			expect(nodeJson(result, 'MyPit')).toHaveLength(2);
			expect(calls()).toEqual([
				{
					path: '/getAllBadgeTemplatesByOwnerId',
					body: { userId, paginationOpts: { numItems: 2 } },
				},
			]);
		});

		test('Update reads the template and sends the whole data object with only the changes', async () => {
			const template = seedTemplate();
			const result = await run({
				resource: 'template',
				operation: 'update',
				templateId: byId(template._id),
				updateFields: { name: 'Renamed in n8n', price: 25 },
			});

			expect(nodeJson(result, 'MyPit')).toEqual([{ _id: template._id }]);
			expect(calls()).toEqual([
				{ path: '/getASingleBadgeTemplate', body: { userId, templateId: template._id } },
				{
					path: '/updateBadgeTemplate',
					body: {
						userId,
						templateId: template._id,
						data: {
							name: 'Renamed in n8n',
							type: template.type,
							description: template.description,
							criteria: template.criteria,
							validityPeriod: template.validityPeriod,
							imageUrl: template.imageUrl,
							backgroundColor: template.backgroundColor,
							textColor: template.textColor,
							price: 25,
							updatedAt: expect.any(Number),
						},
					},
				},
			]);
		});

		test('Delete sends userId and templateId and outputs the API answer', async () => {
			const template = seedTemplate();
			const result = await run({
				resource: 'template',
				operation: 'delete',
				templateId: byId(template._id),
			});

			expect(calls()).toEqual([
				{ path: '/deleteBadgeTemplate', body: { userId, templateId: template._id } },
			]);
			expect(nodeJson(result, 'MyPit')).toEqual([{ _id: template._id }]);
		});
	});

	describe('Holder', () => {
		test('Create maps fields from input items, one request per item', async () => {
			const people = [
				{
					name: 'Ada Lovelace',
					email: 'ada@example.com',
					phone: '+44 20 7946 0001',
					did: 'did:ethr:0xada1',
					id: 'ada',
				},
				{
					name: 'Alan Turing',
					email: 'alan@example.com',
					phone: '+44 20 7946 0002',
					did: 'did:ethr:0xa1a2',
					id: 'alan',
				},
			];
			const result = await run(
				{
					resource: 'holder',
					operation: 'create',
					name: '={{ $json.name }}',
					email: '={{ $json.email }}',
					phone: '={{ $json.phone }}',
					holderDid: '={{ $json.did }}',
					externalHolderId: '={{ $json.id }}',
					additionalFields: { memo: 'from n8n' },
				},
				{ input: people },
			);

			// n8n sends the requests of all items at once (RoutingNode): their order is not fixed.
			const byHolderId = (call: { body: unknown }) =>
				(call.body as { data: { holderId: string } }).data.holderId;
			expect(calls().sort((a, b) => byHolderId(a).localeCompare(byHolderId(b)))).toEqual(
				people.map((person) => ({
					path: '/createHolder',
					body: {
						issuerDid: stack.sandbox.demo.issuerDid,
						issuerId: userId,
						data: {
							name: person.name,
							email: person.email,
							phone: person.phone,
							ownerId: userId,
							holderDid: person.did,
							holderId: person.id,
							memo: 'from n8n',
						},
					},
				})),
			);
			const items = nodeItems(result, 'MyPit');
			expect(items.map((item) => item.json)).toEqual(
				people.map((person) =>
					expect.objectContaining({
						_id: expect.stringMatching(/^hold_/),
						name: person.name,
						email: person.email,
						holderId: person.id,
						ownerId: userId,
					}),
				),
			);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		test('Get returns the simplified holder', async () => {
			const [holder] = seedHolders(1);
			const result = await run({
				resource: 'holder',
				operation: 'get',
				holderId: byId(holder._id),
			});

			expect(calls()).toEqual([{ path: '/getHolderById', body: { userId, holderId: holder._id } }]);
			expect(nodeJson(result, 'MyPit')).toEqual([
				{
					_id: holder._id,
					name: holder.name,
					email: holder.email,
					phone: holder.phone,
					holderDid: holder.holderDid,
					holderId: holder.holderId,
					createdAt: holder.createdAt,
					createdAtIso: new Date(holder.createdAt).toISOString(),
				},
			]);
		});

		test('Get Many with Return All, Simplify off', async () => {
			seedHolders(3);
			const result = await run({
				resource: 'holder',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				options: { pageSize: 1000 },
			});

			const items = nodeJson(result, 'MyPit');
			expect(calls()).toEqual([
				{ path: '/getHolders', body: { userId, paginationOpts: { numItems: 1000 } } },
			]);
			expect(items.length).toBeGreaterThanOrEqual(3);
			expect(
				items.every((item) => item.ownerId === userId && typeof item.createdAt === 'number'),
			).toBe(true);
		});

		test('Update reads the holder and sends name, email and phone', async () => {
			const [holder] = seedHolders(1);
			const result = await run({
				resource: 'holder',
				operation: 'update',
				holderId: byId(holder._id),
				updateFields: { email: 'new@example.com' },
			});

			expect(result.status).toBe('success');
			expect(calls()).toEqual([
				{ path: '/getHolderById', body: { userId, holderId: holder._id } },
				{
					path: '/updateHolder',
					body: {
						holderID: holder._id,
						issuerId: userId,
						data: { name: holder.name, email: 'new@example.com', phone: holder.phone },
					},
				},
			]);
			expect(nodeJson(result, 'MyPit')).toHaveLength(1);
		});

		test('Delete sends holderID and issuerId', async () => {
			const [holder] = seedHolders(1);
			const result = await run({
				resource: 'holder',
				operation: 'delete',
				holderId: byId(holder._id),
			});

			expect(calls()).toEqual([
				{ path: '/deleteHolder', body: { holderID: holder._id, issuerId: userId } },
			]);
			expect(nodeJson(result, 'MyPit')).toEqual([{ success: true }]);
		});
	});

	describe('Badge', () => {
		let template: Template;
		let holders: Holder[];
		beforeEach(() => {
			template = seedTemplate({ type: 'healthcare', validityPeriod: 30 });
			holders = seedHolders(5);
			stack.sandbox.control.clearLog();
		});

		test('Issue to one holder: type and validity from the template, one item with the badge ID', async () => {
			const result = await run({
				resource: 'badge',
				operation: 'issue',
				templateId: byId(template._id),
				recipientMode: 'single',
				holderId: byId(holders[0]._id),
				badgeData: '{"course":"A1"}',
			});

			expect(calls()).toEqual([
				{ path: '/getASingleBadgeTemplate', body: { userId, templateId: template._id } },
				{
					path: '/issueBadge',
					body: {
						userId,
						validityPeriod: 30,
						templateId: template._id,
						badgeData: { course: 'A1' },
						recipientIds: [holders[0]._id],
						type: 'healthcare',
					},
				},
			]);
			expect(nodeJson(result, 'MyPit')).toEqual([
				{
					recipientId: holders[0]._id,
					issued: true,
					badgeId: expect.stringMatching(/^badge_/),
					outcome: 'issued',
					batchStatus: 'success',
					status: 'success',
					templateId: template._id,
				},
			]);
		});

		test('Issue to a list of holder IDs: one request, one item per recipient (a missing holder gets its error)', async () => {
			const ids = [holders[0]._id, 'hold_missing', holders[1]._id];
			const result = await run({
				resource: 'badge',
				operation: 'issue',
				templateId: byId(template._id),
				recipientMode: 'list',
				recipientIds: ids.join(', '),
				options: { type: 'finance', validityPeriod: 7 },
			});

			expect(calls()).toEqual([
				{
					path: '/issueBadge',
					body: {
						userId,
						validityPeriod: 7,
						templateId: template._id,
						badgeData: {},
						recipientIds: ids,
						type: 'finance',
					},
				},
			]);
			const items = nodeItems(result, 'MyPit');
			expect(items.map((item) => item.json)).toEqual([
				{
					recipientId: ids[0],
					issued: true,
					badgeId: expect.any(String),
					outcome: 'issued',
					batchStatus: 'partial',
					status: 'partial',
					templateId: template._id,
				},
				{
					recipientId: 'hold_missing',
					issued: false,
					badgeId: null,
					outcome: 'not issued',
					batchStatus: 'partial',
					error: 'Holder not found',
					status: 'partial',
					templateId: template._id,
				},
				{
					recipientId: ids[2],
					issued: true,
					badgeId: expect.any(String),
					outcome: 'issued',
					batchStatus: 'partial',
					status: 'partial',
					templateId: template._id,
				},
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		});

		test('Issue in bulk (all input items): batches of Batch Size, each output linked to its row', async () => {
			const rows = holders.map((holder, row) => ({ holderId: holder._id, row }));
			const result = await run(
				{
					resource: 'badge',
					operation: 'issue',
					templateId: byId(template._id),
					recipientMode: 'allItems',
					holderIdField: 'holderId',
					options: { batchSize: 2 },
				},
				{ input: rows },
			);

			const requests = calls();
			expect(requests.map((request) => request.path)).toEqual([
				'/getASingleBadgeTemplate',
				'/issueBadge',
				'/issueBadge',
				'/issueBadge',
			]);
			expect(
				requests
					.slice(1)
					.map((request) => (request.body as { recipientIds: string[] }).recipientIds),
			).toEqual([
				[holders[0]._id, holders[1]._id],
				[holders[2]._id, holders[3]._id],
				[holders[4]._id],
			]);
			const items = nodeItems(result, 'MyPit');
			expect(items).toHaveLength(5);
			items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json).toMatchObject({
					recipientId: holders[index]._id,
					issued: true,
					status: 'success',
				});
			});
		});

		test('Get Many returns the issued badges with their expiry', async () => {
			const issued = stack.sandbox.control.seedBadges(userId, 5, {
				templateId: template._id,
				recipientIds: holders.map((h) => h._id),
				expiresInDays: (i) => 10 + i,
			});
			stack.sandbox.control.clearLog();
			const result = await run({
				resource: 'badge',
				operation: 'getAll',
				returnAll: true,
				options: { pageSize: 1000 },
			});

			expect(calls()).toEqual([
				{ path: '/getIssuedBadges', body: { userId, paginationOpts: { numItems: 1000 } } },
			]);
			const byBadgeId = new Map(nodeJson(result, 'MyPit').map((item) => [item._id, item]));
			for (const badge of issued) {
				expect(byBadgeId.get(badge._id)).toEqual({
					_id: badge._id,
					templateId: template._id,
					recipientId: badge.recipientId,
					type: template.type,
					status: badge.status,
					issuedAt: badge.issuedAt,
					issuedAtIso: new Date(badge.issuedAt).toISOString(),
					expiresAt: badge.issuedAt + badge.validityPeriod * DAY,
					expiresAtIso: new Date(badge.issuedAt + badge.validityPeriod * DAY).toISOString(),
				});
			}
		});
	});

	describe('errors', () => {
		test("an API 404 fails the node with MyPit's message and status", async () => {
			const result = await run({
				resource: 'holder',
				operation: 'get',
				holderId: byId('hold_doesnotexist'),
			});

			expect(result.status).toBe('error');
			const error = nodeError(result, 'MyPit');
			expect(error?.message).toBe('Holder not found');
			expect(String(error?.httpCode)).toBe('404');
			expect(result.error?.message).toBe(error?.message);
			expect(calls()).toEqual([
				{ path: '/getHolderById', body: { userId, holderId: 'hold_doesnotexist' } },
			]);
		});

		test('Continue On Fail: one item per input item, errors in place, each linked to its input', async () => {
			const [good, other] = seedHolders(2);
			const result = await run(
				{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
				{
					input: [
						{ id: good._id },
						{ id: 'hold_gone' },
						{ id: 'bad id with spaces' },
						{ id: other._id },
					],
					onError: 'continueRegularOutput',
				},
			);

			expect(result.status).toBe('success');
			const items = nodeItems(result, 'MyPit');
			expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
			expect(items[0].json).toMatchObject({ _id: good._id });
			expect(items[1].json.error as string).toBe('Holder not found');
			expect(String(items[2].json.error)).toMatch(/"Holder"/);
			expect(items[3].json).toMatchObject({ _id: other._id });
			// The malformed ID is refused before sending: three requests for four items.
			expect(
				calls()
					.map((request) => (request.body as { holderId: string }).holderId)
					.sort(),
			).toEqual([good._id, 'hold_gone', other._id].sort());
		});

		test('429 with Retry-After: the read is retried after the wait MyPit asked for', async () => {
			stack.sandbox.control.injectFault({
				path: '/getHolders',
				kind: 'status',
				status: 429,
				retryAfter: 2,
				message: 'Slow down please',
			});
			const result = await run({
				resource: 'holder',
				operation: 'getAll',
				returnAll: true,
				options: { maxRetries: 2 },
			});

			expect(result.status).toBe('success');
			const log = stack.sandbox.control.requestLog();
			expect(log.map((request) => [request.path, request.status])).toEqual([
				['/getHolders', 429],
				['/getHolders', 200],
			]);
			expect(log[1].at - log[0].at).toBeGreaterThanOrEqual(1900);
		});

		test('a wrong secret key: the run fails with 401 and nothing is changed', async () => {
			const wrong = await stack.server.createCredential({
				name: 'MyPit wrong secret',
				type: 'myPitApi',
				data: {
					clientId: stack.sandbox.demo.clientId,
					secretKey: 'not-the-secret',
					baseUrl: stack.sandbox.url,
					userId,
				},
			});
			const result = await stack.server.runWorkflow(
				myPitWorkflow(
					{ resource: 'template', operation: 'getAll', returnAll: true },
					{ credential: { id: wrong.id, name: wrong.name } },
				),
			);

			expect(result.status).toBe('error');
			expect(nodeError(result, 'MyPit')?.message).toBe('Invalid clientId or secretKey');
			expect(String(nodeError(result, 'MyPit')?.httpCode)).toBe('401');
			expect(JSON.stringify(result.raw)).not.toContain(stack.sandbox.demo.secretKey);
			const log = stack.sandbox.control.requestLog();
			expect(log.length).toBeGreaterThanOrEqual(1);
			expect(
				log.every(
					(request) => request.path === '/getAllBadgeTemplatesByOwnerId' && request.status === 401,
				),
			).toBe(true);
			console.info(
				`wrong secret on n8n ${n8nVersion}: ${log.length} request(s), each answered 401`,
			);
		});
	});

	describe("Stop (POST /rest/executions/:id/stop, as the editor's Stop button)", () => {
		const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

		/**
		 * A sandbox account of its own under a credential paced at 120 requests a minute, so the run
		 * is still going when it is stopped; the pace belongs to this API client alone.
		 */
		async function pacedAccount() {
			const account = stack.sandbox.control.createAccount();
			const credential = await stack.server.createCredential({
				name: `MyPit paced ${account.clientId}`,
				type: 'myPitApi',
				data: {
					clientId: account.clientId,
					secretKey: account.secretKey,
					baseUrl: stack.sandbox.url,
					userId: account.userId,
					issuerDid: account.issuerDid,
					maxRequestsPerMinute: 120,
				},
			});
			const requests = () =>
				stack.sandbox.control
					.requestLog()
					.filter((request) => request.headers.clientid === account.clientId);
			return { account, credential: { id: credential.id, name: credential.name }, requests };
		}

		/** Runs until `started` requests arrived, stops, and reads what the sandbox saw afterwards. */
		async function stopWhileRunning(
			paced: Awaited<ReturnType<typeof pacedAccount>>,
			parameters: Record<string, unknown>,
			input: Array<Record<string, unknown>>,
		) {
			const executionId = await stack.server.startWorkflow(
				myPitWorkflow(parameters, { input, credential: paced.credential, name: 'e2e stop' }),
			);
			const deadline = Date.now() + 60_000;
			while (paced.requests().length < 3 && Date.now() < deadline) await pause(50);
			expect(paced.requests().length).toBeGreaterThanOrEqual(3);
			await stack.server.stopExecution(executionId);
			const stopAnswered = Date.now();
			const execution = await stack.server.waitForExecution(executionId);
			// Keeps stopping: a pace of 120 a minute would have sent four more in these two seconds.
			await pause(2000);
			const late = paced.requests().filter((request) => request.at > stopAnswered);
			return { execution, late, before: paced.requests().length - late.length };
		}

		test('a per-item operation (Holder → Get for 200 items) sends no request after the stop; the execution is canceled', async () => {
			const paced = await pacedAccount();
			const holders = stack.sandbox.control.seedHolders(paced.account.userId, 200);
			const { execution, late, before } = await stopWhileRunning(
				paced,
				{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
				holders.map((holder) => ({ id: holder._id })),
			);
			expect(execution.status).toBe('canceled');
			expect(late).toEqual([]);
			expect(before).toBeLessThan(200);
		});

		test('a long Get Many (Return All, one holder a page) sends no further page after the stop', async () => {
			const paced = await pacedAccount();
			stack.sandbox.control.seedHolders(paced.account.userId, 300);
			const { execution, late, before } = await stopWhileRunning(
				paced,
				{ resource: 'holder', operation: 'getAll', returnAll: true, options: { pageSize: 1 } },
				[{}],
			);
			expect(execution.status).toBe('canceled');
			expect(late).toEqual([]);
			expect(before).toBeLessThan(300);
		});

		test('a bulk issue (batches of one holder) sends no further batch after the stop', async () => {
			const paced = await pacedAccount();
			const [template] = stack.sandbox.control.seedTemplates(paced.account.userId, 1);
			const holders = stack.sandbox.control.seedHolders(paced.account.userId, 100);
			const { execution, late, before } = await stopWhileRunning(
				paced,
				{
					resource: 'badge',
					operation: 'issue',
					templateId: byId(template._id),
					recipientMode: 'allItems',
					holderIdField: 'id',
					options: { batchSize: 1 },
				},
				holders.map((holder) => ({ id: holder._id })),
			);
			expect(execution.status).toBe('canceled');
			expect(late).toEqual([]);
			expect(before).toBeLessThan(101);
		});
	});

	describe('credential test (POST /rest/credentials/test, as the editor runs it)', () => {
		const data = () => ({
			clientId: stack.sandbox.demo.clientId,
			secretKey: stack.sandbox.demo.secretKey,
			baseUrl: stack.sandbox.url,
			userId,
			issuerDid: stack.sandbox.demo.issuerDid,
		});

		test('good keys: OK, after GET /hello with both headers', async () => {
			const result = await stack.server.testCredential({ type: 'myPitApi', data: data() });

			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			const [hello] = stack.sandbox.control.requestLog();
			expect(hello).toMatchObject({ method: 'GET', path: '/hello', status: 200 });
			expect(hello.headers.clientid).toBe(stack.sandbox.demo.clientId);
			expect(hello.headers.secretkey).toBe(stack.sandbox.demo.secretKey);
		});

		test('the saved "MyPit sandbox" credential tests OK', async () => {
			const result = await stack.server.testCredential({
				id: stack.credential.id,
				name: stack.credential.name,
				type: 'myPitApi',
				data: data(),
			});
			expect(result.status).toBe('OK');
		});

		test('wrong secret: Error "Invalid clientId or secretKey"', async () => {
			const result = await stack.server.testCredential({
				type: 'myPitApi',
				data: { ...data(), secretKey: 'wrong-secret' },
			});

			expect(result.status).toBe('Error');
			expect(result.message).toBe('Invalid clientId or secretKey');
			// n8n sends a request that got 401 once more (its httpRequestWithAuthentication retries
			// a 401 after "pre-authentication", for every credential type): one or two GET /hello.
			const log = stack.sandbox.control.requestLog();
			expect(log.length).toBeGreaterThanOrEqual(1);
			expect(log.length).toBeLessThanOrEqual(2);
			expect(log.every((request) => request.path === '/hello' && request.status === 401)).toBe(
				true,
			);
		});

		test('a Base URL that is not a MyPit API says so', async () => {
			const result = await stack.server.testCredential({
				type: 'myPitApi',
				data: { ...data(), baseUrl: `${stack.sandbox.url}/nothing-here` },
			});
			expect(result.status).toBe('Error');
			expect(result.message).toBe('No MyPit API at this Base URL: GET /hello answered 404');
		});
	});
});
