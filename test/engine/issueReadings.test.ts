/**
 * Badge > Issue against every reading of the issueBadge answer the API document allows
 * (sandbox readings issueSuccessful × issuedBadges × issueDetails), for success, partial and
 * failed answers. Every badge ID the node reports is checked against the badge the sandbox
 * stored, so a badge paired with the wrong recipient fails the test.
 */
import type { IDataObject } from 'n8n-workflow';

import { READING_CHOICES, type Readings, type Template } from '../../sandbox';
import { jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

type IssueReadings = Pick<Readings, 'issueSuccessful' | 'issuedBadges' | 'issueDetails'>;
const COMBINATIONS: IssueReadings[] = READING_CHOICES.issueSuccessful.flatMap((issueSuccessful) =>
	READING_CHOICES.issuedBadges.flatMap((issuedBadges) =>
		READING_CHOICES.issueDetails.map((issueDetails) => ({
			issueSuccessful,
			issuedBadges,
			issueDetails,
		})),
	),
);
const UNKNOWN_ERROR = /does not say whether this recipient got a badge/;

/** Badge ID → recipient ID of every badge the sandbox stored for the test's account. */
async function storedBadges(): Promise<Map<string, string>> {
	const { url } = sandbox.sandbox;
	const { clientId, secretKey, userId } = sandbox.account;
	const stored = new Map<string, string>();
	for (let cursor: string | undefined, hasMore = true; hasMore;) {
		const response = await fetch(`${url}/getIssuedBadges`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', clientId, secretKey },
			body: JSON.stringify({
				userId,
				paginationOpts: { numItems: 1000, ...(cursor ? { cursor } : {}) },
			}),
		});
		const page = (await response.json()) as {
			page: Array<{ _id: string; recipientId: string }>;
			hasMore: boolean;
			cursor?: string;
		};
		for (const badge of page.page) stored.set(badge._id, badge.recipientId);
		hasMore = page.hasMore;
		cursor = page.cursor;
	}
	return stored;
}

/** Every issued item's badge is the stored badge of that very recipient; each holder has one. */
function expectBadgesMatch(items: IDataObject[], stored: Map<string, string>) {
	const issued = items.filter((item) => item.issued === true);
	for (const item of issued)
		expect([item.recipientId, stored.get(item.badgeId as string)]).toEqual([
			item.recipientId,
			item.recipientId,
		]);
	expect(new Set(issued.map((item) => item.badgeId)).size).toBe(issued.length);
}

let template: Template;
beforeEach(() => {
	[template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		type: 'achievement',
		validityPeriod: 30,
	});
});

const issueList = (recipientIds: string[], batchSize = 100) => ({
	resource: 'badge',
	operation: 'issue',
	templateId: byId(template._id),
	recipientMode: 'list',
	recipientIds: `={{ ${JSON.stringify(recipientIds)} }}`,
	options: { batchSize },
});

describe.each(COMBINATIONS)(
	'issue answer: successful=$issueSuccessful, issuedBadges=$issuedBadges, details=$issueDetails',
	(readings) => {
		beforeEach(() => sandbox.sandbox.control.setReadings(readings, sandbox.account.clientId));
		const detailsOnPartial = readings.issueDetails !== 'never';
		const recipientsNamed = detailsOnPartial || readings.issuedBadges === 'objects';

		test('partial: 1,000 recipients in batches of 100, one unknown ID in each batch', async () => {
			const holders = sandbox.sandbox.control
				.seedHolders(sandbox.account.userId, 990)
				.map((holder) => holder._id);
			const recipients = [...holders];
			for (let batch = 0; batch < 10; batch++)
				recipients.splice(batch * 100 + 37, 0, `hold_missing_${batch}`);

			const result = await sandbox.run(issueList(recipients));

			expect(result.error).toBeUndefined();
			const items = jsonOf(result);
			expect(items.map((item) => item.recipientId)).toEqual(recipients);
			expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(
				true,
			);
			expect(
				new Set(items.map((item) => `${item.status} ${item.batchStatus} ${item.templateId}`)),
			).toEqual(new Set([`partial partial ${template._id}`]));
			const known = items.filter((item) => !String(item.recipientId).startsWith('hold_missing'));
			const missing = items.filter((item) => String(item.recipientId).startsWith('hold_missing'));
			// Nobody the API issued to is ever reported "not issued".
			expect(known.some((item) => item.issued === false)).toBe(false);
			if (recipientsNamed) {
				expect(
					known.every((item) => item.issued === true && typeof item.badgeId === 'string'),
				).toBe(true);
			} else {
				expect(
					known.every(
						(item) => item.issued === null && item.outcome === 'unknown' && item.badgeId === null,
					),
				).toBe(true);
				expect(known[0].error).toMatch(UNKNOWN_ERROR);
				expect((known[0].apiAnswer as IDataObject).status).toBe('partial');
			}
			if (detailsOnPartial) {
				expect(missing.map((item) => [item.issued, item.outcome, item.error])).toEqual(
					missing.map(() => [false, 'not issued', 'Holder not found']),
				);
			} else {
				expect(missing.map((item) => [item.issued, item.outcome])).toEqual(
					missing.map(() => [null, 'unknown']),
				);
			}
			const stored = await storedBadges();
			expect(stored.size).toBe(990);
			expectBadgesMatch(items, stored);
		});

		test('success in bulk mode: 250 input items in batches of 100, every item paired with its own badge', async () => {
			const holders = sandbox.sandbox.control
				.seedHolders(sandbox.account.userId, 250)
				.map((holder) => holder._id);
			const result = await sandbox.run(
				{
					resource: 'badge',
					operation: 'issue',
					templateId: byId(template._id),
					recipientMode: 'allItems',
					holderIdField: 'id',
				},
				{ input: holders.map((id) => ({ id })) },
			);

			expect(result.error).toBeUndefined();
			const items = jsonOf(result);
			expect(items.map((item) => [item.recipientId, item.issued, item.status])).toEqual(
				holders.map((id) => [id, true, 'success']),
			);
			expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
				holders.map((_, index) => index),
			);
			const stored = await storedBadges();
			expect(
				items.filter((item) => stored.get(item.badgeId as string) === item.recipientId),
			).toHaveLength(250);
		});

		test('failed: only unknown IDs, every recipient not issued', async () => {
			const result = await sandbox.run(issueList(['hold_x', 'hold_y', 'hold_z'], 2));

			expect(result.error).toBeUndefined();
			const expectedError = detailsOnPartial
				? 'Holder not found'
				: 'MyPit answered status "failed" for this batch';
			expect(
				jsonOf(result).map((item) => [
					item.issued,
					item.outcome,
					item.error,
					item.batchStatus,
					item.status,
				]),
			).toEqual(
				['hold_x', 'hold_y', 'hold_z'].map(() => [
					false,
					'not issued',
					expectedError,
					'failed',
					'failed',
				]),
			);
		});
	},
);

describe('the reported case and Continue On Fail', () => {
	test('successful = badge IDs: 3 holders + 1 unknown ID are 3 issued and 1 not issued, status partial', async () => {
		sandbox.sandbox.control.setReadings({ issueSuccessful: 'badge-ids' }, sandbox.account.clientId);
		const holders = sandbox.sandbox.control
			.seedHolders(sandbox.account.userId, 3)
			.map((holder) => holder._id);

		const result = await sandbox.run(issueList([...holders, 'hold_unknown']));

		expect(jsonOf(result).map((item) => [item.recipientId, item.issued, item.status])).toEqual([
			...holders.map((id) => [id, true, 'partial']),
			['hold_unknown', false, 'partial'],
		]);
		expectBadgesMatch(jsonOf(result), await storedBadges());
	});

	test('bulk, 1,000 input items, successful = badge IDs: a partial answer per batch, each badge on its own row', async () => {
		sandbox.sandbox.control.setReadings({ issueSuccessful: 'badge-ids' }, sandbox.account.clientId);
		const holders = sandbox.sandbox.control
			.seedHolders(sandbox.account.userId, 995)
			.map((holder) => holder._id);
		const rows = holders.map((id) => ({ id }));
		for (let batch = 0; batch < 5; batch++)
			rows.splice(batch * 200 + 199, 0, { id: `hold_missing_${batch}` });

		const result = await sandbox.run(
			{
				resource: 'badge',
				operation: 'issue',
				templateId: byId(template._id),
				recipientMode: 'allItems',
				holderIdField: 'id',
				options: { batchSize: 200 },
			},
			{ input: rows },
		);

		expect(result.error).toBeUndefined();
		const items = jsonOf(result);
		expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			rows.map((_, index) => index),
		);
		expect(items.map((item) => [item.recipientId, item.issued, item.status])).toEqual(
			rows.map((row) => [row.id, !row.id.startsWith('hold_missing'), 'partial']),
		);
		expectBadgesMatch(items, await storedBadges());
		expect(
			items.filter((item) => item.issued).every((item) => typeof item.badgeId === 'string'),
		).toBe(true);
	});

	test('bulk, badge IDs without details, a bad input row: every row gets an item linked to it', async () => {
		sandbox.sandbox.control.setReadings(
			{ issueSuccessful: 'badge-ids', issueDetails: 'never' },
			sandbox.account.clientId,
		);
		const holders = sandbox.sandbox.control
			.seedHolders(sandbox.account.userId, 4)
			.map((holder) => holder._id);
		const rows = [
			{ id: holders[0] },
			{ id: '' },
			{ id: 'hold_unknown' },
			{ id: holders[1] },
			{ id: holders[2] },
		];

		const result = await sandbox.run(
			{
				resource: 'badge',
				operation: 'issue',
				templateId: byId(template._id),
				recipientMode: 'allItems',
				holderIdField: 'id',
				options: { batchSize: 2 },
			},
			{ input: rows, onError: 'continueRegularOutput' },
		);

		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
		const items = jsonOf(result);
		expect(items[1].error).toMatch(/id \(item 1\)/);
		// Batch 1 [h0, unknown] is partial without details: unknown. Batch 2 [h1, h2] is success.
		expect(
			items
				.filter((_, index) => index !== 1)
				.map((item) => [item.issued, item.outcome, item.batchStatus]),
		).toEqual([
			[null, 'unknown', 'partial'],
			[null, 'unknown', 'partial'],
			[true, 'issued', 'success'],
			[true, 'issued', 'success'],
		]);
		expect(items[0].status).toBe('partial');
		expectBadgesMatch(items, await storedBadges());
	});
});
