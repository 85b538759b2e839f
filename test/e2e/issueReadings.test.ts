/**
 * In real n8n: an API that lists badge IDs in `details.successful` (sandbox reading
 * issueSuccessful=badge-ids) answers a partial issuance; the node reports each recipient as MyPit
 * did, with the badge the sandbox stored for that very recipient, and never an overall failure.
 */
import type { Stack } from '../../tooling/stack/stack';
import { nodeItems } from '../../tooling/n8n';
import {
	BOOT_TIMEOUT,
	byId,
	describeN8n,
	myPitWorkflow,
	n8nVersion,
	reportSkip,
	startTestStack,
} from './support/mypit';

reportSkip();

describeN8n(`issue answers read every way, in real n8n ${n8nVersion}`, () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startTestStack();
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await stack?.stop();
	});

	test('successful = badge IDs: 3 holders + 1 unknown ID are 3 issued with their own badges and 1 not issued', async () => {
		const { control, demo } = stack.sandbox;
		control.setReadings({ issueSuccessful: 'badge-ids' }, demo.clientId);
		try {
			const [template] = control.seedTemplates(demo.userId, 1, {
				validityPeriod: 30,
				type: 'achievement',
			});
			const ids = [
				...control.seedHolders(demo.userId, 3).map((holder) => holder._id),
				'hold_unknown',
			];

			const run = await stack.server.runWorkflow(
				myPitWorkflow(
					{
						resource: 'badge',
						operation: 'issue',
						templateId: byId(template._id),
						recipientMode: 'list',
						recipientIds: ids.join(', '),
					},
					{ credential: stack.credential },
				),
			);

			const answer = control.requestLog().find((request) => request.path === '/issueBadge');
			expect(answer?.status).toBe(200);
			const items = nodeItems(run, 'MyPit').map((item) => item.json);
			expect(
				items.map((item) => [
					item.recipientId,
					item.issued,
					item.outcome,
					item.batchStatus,
					item.status,
				]),
			).toEqual([
				[ids[0], true, 'issued', 'partial', 'partial'],
				[ids[1], true, 'issued', 'partial', 'partial'],
				[ids[2], true, 'issued', 'partial', 'partial'],
				['hold_unknown', false, 'not issued', 'partial', 'partial'],
			]);
			const stored = await listedBadges(stack);
			for (const item of items.slice(0, 3))
				expect(stored.get(item.badgeId as string)).toBe(item.recipientId);
		} finally {
			control.setReadings({ issueSuccessful: 'recipient-ids' }, demo.clientId);
		}
	});
});

/** Badge ID → recipient ID of the demo account's badges, read from the sandbox over HTTP. */
async function listedBadges(stack: Stack): Promise<Map<string, string>> {
	const { url, demo } = stack.sandbox;
	const response = await fetch(`${url}/getIssuedBadges`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			clientId: demo.clientId,
			secretKey: demo.secretKey,
		},
		body: JSON.stringify({ userId: demo.userId, paginationOpts: { numItems: 1000 } }),
	});
	const { page } = (await response.json()) as { page: Array<{ _id: string; recipientId: string }> };
	return new Map(page.map((badge) => [badge._id, badge.recipientId]));
}
