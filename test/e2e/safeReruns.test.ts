/**
 * Safe to run again, in a real n8n: Holder → Create or Update and Badge → Issue with "Skip
 * Holders Who Already Have It" run twice as workflows, checked by the node's items and by the
 * exact requests the sandbox received. Runs on the pinned n8n, or the one named by N8N_VERSION.
 */
import type { Holder, Template } from '../../sandbox';
import type { Stack } from '../../tooling/stack/stack';
import { nodeItems, nodeJson, type N8nRun } from '../../tooling/n8n';
import {
	BOOT_TIMEOUT,
	apiCalls,
	byId,
	describeN8n,
	myPitWorkflow,
	n8nVersion,
	reportSkip,
	startTestStack,
} from './support/mypit';

reportSkip();

describeN8n(`safe re-runs in real n8n ${n8nVersion}`, () => {
	let stack: Stack;
	let userId: string;
	let issuerDid: string;

	beforeAll(async () => {
		stack = await startTestStack();
		({ userId, issuerDid } = stack.sandbox.demo);
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await stack?.stop();
	});

	beforeEach(() => stack.sandbox.control.clearLog());

	const run = async (
		parameters: Record<string, unknown>,
		input: Array<Record<string, unknown>>,
	): Promise<N8nRun> => {
		stack.sandbox.control.clearLog();
		const result = await stack.server.runWorkflow(
			myPitWorkflow(parameters, { input, credential: stack.credential }),
		);
		expect(result.status).toBe('success');
		return result;
	};
	const calls = () => apiCalls(stack.sandbox.control.requestLog());
	const listAll = () => ({ userId, paginationOpts: { numItems: 1000 } });

	describe('Holder → Create or Update', () => {
		const upsert = {
			resource: 'holder',
			operation: 'createOrUpdate',
			matchBy: 'email',
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
			phone: '={{ $json.phone }}',
			holderDid: '={{ $json.did }}',
			externalHolderId: '={{ $json.userId }}',
		};
		const form = {
			name: 'Rerun Jane',
			email: 'rerun.jane@example.com',
			phone: '+1 555 0100',
			did: 'did:ethr:0xfeed',
			userId: 'rerun-jane',
		};
		const createBody = (row: typeof form) => ({
			issuerDid,
			issuerId: userId,
			data: {
				name: row.name,
				email: row.email,
				phone: row.phone,
				ownerId: userId,
				holderDid: row.did,
				holderId: row.userId,
			},
		});

		test('the same form submission twice: one holder; the second run only reads the holder list', async () => {
			const first = await run(upsert, [form]);
			expect(calls()).toEqual([
				{ path: '/getHolders', body: listAll() },
				{ path: '/createHolder', body: createBody(form) },
			]);
			const [created] = nodeJson(first, 'MyPit');
			expect(created).toMatchObject({
				_id: expect.stringMatching(/^hold_/),
				email: form.email,
				action: 'created',
				changedFields: [],
			});

			const second = await run(upsert, [{ ...form, email: ' Rerun.Jane@Example.com ' }]);
			expect(calls()).toEqual([{ path: '/getHolders', body: listAll() }]);
			expect(nodeJson(second, 'MyPit')).toEqual([
				{ ...created, action: 'unchanged', changedFields: [] },
			]);
			expect(nodeItems(second, 'MyPit')[0].pairedItem).toEqual({ item: 0 });
		});

		test('a known holder whose phone changed: updated, with exactly one update request', async () => {
			const [known] = stack.sandbox.control.seedHolders(userId, 1);
			const row = {
				name: known.name,
				email: known.email,
				phone: '+44 20 7946 0999',
				did: known.holderDid,
				userId: known.holderId,
			};

			const result = await run(upsert, [row]);

			expect(calls()).toEqual([
				{ path: '/getHolders', body: listAll() },
				{
					path: '/updateHolder',
					body: {
						holderID: known._id,
						issuerId: userId,
						data: { name: known.name, email: known.email, phone: '+44 20 7946 0999' },
					},
				},
			]);
			expect(nodeJson(result, 'MyPit')).toEqual([
				{
					...known,
					createdAtIso: new Date(known.createdAt).toISOString(),
					phone: '+44 20 7946 0999',
					action: 'updated',
					changedFields: ['phone'],
				},
			]);
		});

		test('mixed new and known rows, and the same new person twice in one run: one create each', async () => {
			const [known] = stack.sandbox.control.seedHolders(userId, 1);
			const newcomer = {
				...form,
				name: 'Rerun Max',
				email: 'rerun.max@example.com',
				userId: 'rerun-max',
			};
			const rows = [
				{
					name: known.name,
					email: known.email,
					phone: known.phone,
					did: known.holderDid,
					userId: known.holderId,
				},
				newcomer,
				{ ...newcomer, email: 'RERUN.MAX@example.com' },
			];

			const result = await run(upsert, rows);

			expect(calls()).toEqual([
				{ path: '/getHolders', body: listAll() },
				{ path: '/createHolder', body: createBody(newcomer) },
			]);
			expect(nodeJson(result, 'MyPit').map((item) => [item.email, item.action])).toEqual([
				[known.email, 'unchanged'],
				[newcomer.email, 'created'],
				[newcomer.email, 'unchanged'],
			]);
			expect(nodeItems(result, 'MyPit').map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
		});
	});

	describe('Badge → Issue, Skip Holders Who Already Have It', () => {
		let template: Template;
		let holders: Holder[];
		beforeEach(() => {
			[template] = stack.sandbox.control.seedTemplates(userId, 1, {
				type: 'finance',
				validityPeriod: 90,
			});
			holders = stack.sandbox.control.seedHolders(userId, 3);
		});

		const bulk = (options: Record<string, unknown>) => ({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			recipientMode: 'allItems',
			holderIdField: '_id',
			badgeData: '{"cohort":"rerun"}',
			options,
		});
		const rows = () => holders.map((holder) => ({ _id: holder._id }));
		const issueBody = (recipientIds: string[]) => ({
			userId,
			templateId: template._id,
			recipientIds,
			type: 'finance',
			validityPeriod: 90,
			badgeData: { cohort: 'rerun' },
		});

		test('the same sheet twice: each badge once; the second run is all skipped and sends no issue request', async () => {
			const first = await run(bulk({ skipHoldersWithBadge: true }), rows());
			expect(calls()).toEqual([
				{ path: '/getIssuedBadges', body: listAll() },
				{ path: '/getASingleBadgeTemplate', body: { userId, templateId: template._id } },
				{ path: '/issueBadge', body: issueBody(holders.map((holder) => holder._id)) },
			]);
			const issued = nodeJson(first, 'MyPit');
			expect(issued.map((item) => [item.issued, item.skipped])).toEqual(
				holders.map(() => [true, false]),
			);

			const second = await run(bulk({ skipHoldersWithBadge: true }), rows());
			expect(calls()).toEqual([{ path: '/getIssuedBadges', body: listAll() }]);
			expect(nodeJson(second, 'MyPit')).toEqual(
				issued.map((item) => ({
					recipientId: item.recipientId,
					issued: false,
					skipped: true,
					badgeId: item.badgeId,
					outcome: 'skipped',
					batchStatus: null,
					status: 'skipped',
					templateId: template._id,
				})),
			);
			expect(nodeItems(second, 'MyPit').map((item) => item.pairedItem)).toEqual(
				holders.map((_, item) => ({ item })),
			);
		});

		test('mixed: the holder with an unexpired badge is skipped; an expired badge does not count', async () => {
			const [held] = stack.sandbox.control.seedBadges(userId, 1, {
				templateId: template._id,
				recipientIds: [holders[0]._id],
			});
			stack.sandbox.control.seedBadges(userId, 1, {
				templateId: template._id,
				recipientIds: [holders[1]._id],
				expiresInDays: () => -2,
			});

			const result = await run(bulk({ skipHoldersWithBadge: true }), rows());

			expect(calls()).toEqual([
				{ path: '/getIssuedBadges', body: listAll() },
				{ path: '/getASingleBadgeTemplate', body: { userId, templateId: template._id } },
				{ path: '/issueBadge', body: issueBody([holders[1]._id, holders[2]._id]) },
			]);
			expect(
				nodeJson(result, 'MyPit').map((item) => [
					item.recipientId,
					item.issued,
					item.skipped,
					item.badgeId === held._id,
				]),
			).toEqual([
				[holders[0]._id, false, true, true],
				[holders[1]._id, true, false, false],
				[holders[2]._id, true, false, false],
			]);
		});

		test("with the option off: exactly today's requests and items, a second badge for a holder who has one", async () => {
			stack.sandbox.control.seedBadges(userId, 1, {
				templateId: template._id,
				recipientIds: [holders[0]._id],
			});

			const result = await run(bulk({}), rows());

			expect(calls()).toEqual([
				{ path: '/getASingleBadgeTemplate', body: { userId, templateId: template._id } },
				{ path: '/issueBadge', body: issueBody(holders.map((holder) => holder._id)) },
			]);
			expect(nodeJson(result, 'MyPit')).toEqual(
				holders.map((holder) => ({
					recipientId: holder._id,
					issued: true,
					badgeId: expect.stringMatching(/^badge_/),
					outcome: 'issued',
					batchStatus: 'success',
					status: 'success',
					templateId: template._id,
				})),
			);
		});
	});
});
