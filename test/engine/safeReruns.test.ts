/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Safe to run again: Holder → Create or Update and Badge → Issue with "Skip Holders Who Already
 * Have It", run through n8n's engine against the sandbox. Every case pins the exact requests.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { Holder, Template } from '../../sandbox';
import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const paths = () => sandbox.requests().map((request) => request.path);
const control = () => sandbox.sandbox.control;

const jane = {
	name: 'Jane Doe',
	email: 'jane.doe@example.com',
	phone: '+1 555 0100',
	did: 'did:ethr:0xja',
	userId: 'jane',
};

/** Holder → Create or Update mapping the form's fields, as example 01 does. */
const upsert = (extra: INodeParameters = {}) => ({
	resource: 'holder',
	operation: 'createOrUpdate',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	holderDid: '={{ $json.did }}',
	externalHolderId: '={{ $json.userId }}',
	...extra,
});

async function allHolders(): Promise<Holder[]> {
	const listed = await sandbox.run({
		resource: 'holder',
		operation: 'getAll',
		returnAll: true,
		simplify: false,
	});
	return jsonOf(listed) as unknown as Holder[];
}

describe('Holder → Create or Update', () => {
	test('the same form submission twice: one holder; the second run reads the list and sends nothing else', async () => {
		const first = await sandbox.run(upsert(), { input: [jane] });
		expect(first.error).toBeUndefined();
		expect(paths()).toEqual(['/getHolders', '/createHolder']);
		expect(bodiesOf(sandbox.requests())[0]).toEqual({
			userId: sandbox.account.userId,
			paginationOpts: { numItems: 1000 },
		});
		const [created] = jsonOf(first);
		expect(created).toMatchObject({
			name: 'Jane Doe',
			email: jane.email,
			action: 'created',
			changedFields: [],
		});

		control().clearLog();
		const second = await sandbox.run(upsert(), { input: [jane] });
		expect(paths()).toEqual(['/getHolders']);
		expect(jsonOf(second)).toEqual([{ ...created, action: 'unchanged', changedFields: [] }]);
		expect(second.items[0].pairedItem).toEqual({ item: 0 });

		expect((await allHolders()).filter((holder) => holder.email === jane.email)).toHaveLength(1);
	});

	test('two items for the same person in one run: one create; email matched trimmed and case-insensitive', async () => {
		const result = await sandbox.run(upsert(), {
			input: [
				jane,
				{ ...jane, email: '  JANE.Doe@Example.com ' },
				{ ...jane, phone: '+1 555 0199' },
			],
		});

		expect(result.error).toBeUndefined();
		expect(paths()).toEqual(['/getHolders', '/createHolder', '/updateHolder']);
		expect(jsonOf(result).map((item) => [item.action, item.changedFields])).toEqual([
			['created', []],
			['unchanged', []],
			['updated', ['phone']],
		]);
		expect(new Set(jsonOf(result).map((item) => item._id)).size).toBe(1);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('a known holder whose phone changed: updated, with exactly one update request', async () => {
		const [known] = control().seedHolders(sandbox.account.userId, 1);
		const row = {
			name: known.name,
			email: known.email,
			phone: '+44 20 7946 0000',
			did: known.holderDid,
			userId: known.holderId,
		};

		const result = await sandbox.run(upsert(), { input: [row] });

		expect(paths()).toEqual(['/getHolders', '/updateHolder']);
		expect(bodiesOf(sandbox.requests())[1]).toEqual({
			holderID: known._id,
			issuerId: sandbox.account.userId,
			data: { name: known.name, email: known.email, phone: '+44 20 7946 0000' },
		});
		expect(jsonOf(result)).toEqual([
			{
				...known,
				createdAtIso: new Date(known.createdAt).toISOString(),
				phone: '+44 20 7946 0000',
				action: 'updated',
				changedFields: ['phone'],
			},
		]);
		expect((await allHolders()).find((holder) => holder._id === known._id)?.phone).toBe(
			'+44 20 7946 0000',
		);
	});

	test('mixed new and known rows: creates only the new ones, each output linked to its row', async () => {
		const known = control().seedHolders(sandbox.account.userId, 3);
		const rows = [
			{
				name: known[0].name,
				email: known[0].email,
				phone: known[0].phone,
				did: known[0].holderDid,
				userId: known[0].holderId,
			},
			{ ...jane },
			{
				name: known[2].name,
				email: known[2].email.toUpperCase(),
				phone: known[2].phone,
				did: known[2].holderDid,
				userId: 'x',
			},
			{ ...jane, name: 'Max Muster', email: 'max@example.com', userId: 'max' },
		];

		const result = await sandbox.run(upsert(), { input: rows });

		expect(paths().sort()).toEqual(['/createHolder', '/createHolder', '/getHolders']);
		expect(
			bodiesOf(sandbox.requests().filter((request) => request.path === '/createHolder'))
				.map((body) => (body.data as Holder).email)
				.sort(),
		).toEqual(['jane.doe@example.com', 'max@example.com']);
		expect(jsonOf(result).map((item) => [item.email, item.action])).toEqual([
			[known[0].email, 'unchanged'],
			[jane.email, 'created'],
			[known[2].email, 'unchanged'],
			['max@example.com', 'created'],
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
	});

	test('Match By Holder User ID: a changed email is sent as an update', async () => {
		const [known] = control().seedHolders(sandbox.account.userId, 1);
		const row = {
			name: known.name,
			email: 'new.address@example.com',
			phone: known.phone,
			did: known.holderDid,
			userId: ` ${known.holderId} `,
		};

		const result = await sandbox.run(upsert({ matchBy: 'holderUserId' }), { input: [row] });

		expect(paths()).toEqual(['/getHolders', '/updateHolder']);
		expect(jsonOf(result)[0]).toMatchObject({
			_id: known._id,
			email: 'new.address@example.com',
			action: 'updated',
			changedFields: ['email'],
		});
	});

	test('the holder list is read once per run, in pages of 1,000, shared by all items', async () => {
		control().seedHolders(sandbox.account.userId, 2500);
		control().setPageCap(1000);
		const rows = [1, 1200, 2500].map((n) => ({
			name: `Seed Holder ${n}`,
			email: `holder${n}@example.com`,
			phone: `+1555${String(n).padStart(7, '0')}`,
			did: 'did:ethr:0x1',
			userId: `ext-holder-${n}`,
		}));

		const result = await sandbox.run(upsert(), { input: rows });

		expect(paths()).toEqual(['/getHolders', '/getHolders', '/getHolders']);
		expect(jsonOf(result).map((item) => item.action)).toEqual([
			'unchanged',
			'unchanged',
			'unchanged',
		]);
	});

	test('bad input is refused before any request, naming the field', async () => {
		const result = await sandbox.run(upsert(), { input: [{ ...jane, email: 'jane-at-example' }] });

		expect(result.error?.message).toMatch(/"Email"/);
		expect(sandbox.requests()).toEqual([]);
	});

	test('a create that failed with an unknown outcome is not repeated by a later item of the run', async () => {
		control().injectFault({ path: '/createHolder', kind: 'status', status: 502, times: 1 });

		const result = await sandbox.run(upsert(), {
			input: [jane, jane],
			onError: 'continueRegularOutput',
		});

		expect(paths()).toEqual(['/getHolders', '/createHolder']);
		expect(jsonOf(result).map((item) => String(item.error))).toEqual([
			expect.stringMatching(/502|Bad Gateway/i),
			expect.stringMatching(/earlier item of this run created the same holder/),
		]);
	});
});

describe('Badge → Issue: Skip Holders Who Already Have It', () => {
	let template: Template;
	let holders: Holder[];
	beforeEach(() => {
		[template] = control().seedTemplates(sandbox.account.userId, 1, {
			type: 'healthcare',
			validityPeriod: 30,
		});
		holders = control().seedHolders(sandbox.account.userId, 5);
	});

	const bulk = (options: INodeParameters = { skipHoldersWithBadge: true }) => ({
		resource: 'badge',
		operation: 'issue',
		templateId: byId(template._id),
		recipientMode: 'allItems',
		holderIdField: '_id',
		options,
	});
	const rows = () => holders.map((holder) => ({ _id: holder._id }));

	test('the same sheet twice (bulk): each badge once; the second run reads the badges and sends no issue request', async () => {
		const first = await sandbox.run(bulk(), { input: rows() });
		expect(paths()).toEqual(['/getIssuedBadges', '/getASingleBadgeTemplate', '/issueBadge']);
		expect(bodiesOf(sandbox.requests())[0]).toEqual({
			userId: sandbox.account.userId,
			paginationOpts: { numItems: 1000 },
		});
		expect(bodiesOf(sandbox.requests())[2].recipientIds).toEqual(
			holders.map((holder) => holder._id),
		);
		const issued = jsonOf(first);
		expect(issued.map((item) => [item.issued, item.skipped, item.status])).toEqual(
			holders.map(() => [true, false, 'success']),
		);

		control().clearLog();
		const second = await sandbox.run(bulk(), { input: rows() });
		expect(paths()).toEqual(['/getIssuedBadges']);
		expect(jsonOf(second)).toEqual(
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
		expect(second.items.map((item) => item.pairedItem)).toEqual(
			holders.map((_, item) => ({ item })),
		);
	});

	test('mixed: holders with the badge are skipped with its ID, the rest issued in one request', async () => {
		const existing = control().seedBadges(sandbox.account.userId, 2, {
			templateId: template._id,
			recipientIds: [holders[1]._id, holders[3]._id],
		});

		const result = await sandbox.run(bulk(), { input: rows() });

		expect(paths()).toEqual(['/getIssuedBadges', '/getASingleBadgeTemplate', '/issueBadge']);
		expect(bodiesOf(sandbox.requests())[2].recipientIds).toEqual([
			holders[0]._id,
			holders[2]._id,
			holders[4]._id,
		]);
		expect(
			jsonOf(result).map((item) => [item.recipientId, item.issued, item.skipped, item.status]),
		).toEqual([
			[holders[0]._id, true, false, 'success'],
			[holders[1]._id, false, true, 'success'],
			[holders[2]._id, true, false, 'success'],
			[holders[3]._id, false, true, 'success'],
			[holders[4]._id, true, false, 'success'],
		]);
		expect([jsonOf(result)[1].badgeId, jsonOf(result)[3].badgeId]).toEqual(
			existing.map((badge) => badge._id),
		);
	});

	test('an expired badge, or a badge of another template, does not count as held', async () => {
		const [other] = control().seedTemplates(sandbox.account.userId, 1);
		control().seedBadges(sandbox.account.userId, 1, {
			templateId: template._id,
			recipientIds: [holders[0]._id],
			expiresInDays: () => -1,
		});
		control().seedBadges(sandbox.account.userId, 1, {
			templateId: other._id,
			recipientIds: [holders[1]._id],
		});

		const result = await sandbox.run(bulk(), { input: rows().slice(0, 2) });

		expect(paths()).toEqual(['/getIssuedBadges', '/getASingleBadgeTemplate', '/issueBadge']);
		expect(bodiesOf(sandbox.requests())[2].recipientIds).toEqual([holders[0]._id, holders[1]._id]);
		expect(jsonOf(result).map((item) => item.skipped)).toEqual([false, false]);
	});

	test.each(['notRevoked', 'any'])(
		'a badge whose expiresAt has passed while its status still says active does not count as held (Held Badge Status %s)',
		async (heldBadgeStatus) => {
			// Expires 50 ms after issue: the sandbox stamps it "active" and never updates it, as a
			// backend that computes the status only on writes would.
			const [lapsed] = control().seedBadges(sandbox.account.userId, 1, {
				templateId: template._id,
				recipientIds: [holders[0]._id],
				expiresInDays: () => 50 / 86_400_000,
			});
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(lapsed.status).toBe('active');
			expect(lapsed.expiresAt).toBeLessThan(Date.now());

			const result = await sandbox.run(bulk({ skipHoldersWithBadge: true, heldBadgeStatus }), {
				input: rows().slice(0, 1),
			});

			expect(paths()).toEqual(['/getIssuedBadges', '/getASingleBadgeTemplate', '/issueBadge']);
			expect(bodiesOf(sandbox.requests())[2].recipientIds).toEqual([holders[0]._id]);
			expect(jsonOf(result).map((item) => [item.issued, item.skipped])).toEqual([[true, false]]);
			expect(jsonOf(result)[0].badgeId).not.toBe(lapsed._id);
		},
	);

	test('with the option off, issuing is exactly what it was: no read, same outputs, a second badge each', async () => {
		control().seedBadges(sandbox.account.userId, 1, {
			templateId: template._id,
			recipientIds: [holders[0]._id],
		});

		const result = await sandbox.run(bulk({}), { input: rows().slice(0, 2) });

		expect(paths()).toEqual(['/getASingleBadgeTemplate', '/issueBadge']);
		expect(bodiesOf(sandbox.requests())[1].recipientIds).toEqual([holders[0]._id, holders[1]._id]);
		expect(jsonOf(result)).toEqual(
			[holders[0], holders[1]].map((holder) => ({
				recipientId: holder._id,
				issued: true,
				badgeId: expect.any(String),
				outcome: 'issued',
				batchStatus: 'success',
				status: 'success',
				templateId: template._id,
			})),
		);
	});

	test('one holder per item: the badges are read once; two items for one holder issue one badge', async () => {
		const single = {
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			recipientMode: 'single',
			holderId: byId('={{ $json.id }}'),
			options: { skipHoldersWithBadge: true },
		};
		control().seedBadges(sandbox.account.userId, 1, {
			templateId: template._id,
			recipientIds: [holders[2]._id],
		});

		const result = await sandbox.run(single, {
			input: [holders[0], holders[0], holders[2]].map((holder) => ({ id: holder._id })),
		});

		expect(paths()).toEqual(['/getIssuedBadges', '/getASingleBadgeTemplate', '/issueBadge']);
		const [first, again, known] = jsonOf(result);
		expect(first).toMatchObject({ recipientId: holders[0]._id, issued: true, skipped: false });
		expect(again).toMatchObject({
			recipientId: holders[0]._id,
			issued: false,
			skipped: true,
			badgeId: first.badgeId,
		});
		expect(known).toMatchObject({
			recipientId: holders[2]._id,
			issued: false,
			skipped: true,
			status: 'skipped',
		});
	});

	test('a list of holder IDs: only the ones without the badge are sent', async () => {
		control().seedBadges(sandbox.account.userId, 1, {
			templateId: template._id,
			recipientIds: [holders[0]._id],
		});
		const list = {
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			recipientMode: 'list',
			recipientIds: holders
				.slice(0, 3)
				.map((holder) => holder._id)
				.join(', '),
			options: { skipHoldersWithBadge: true, heldBadgeStatus: 'any' },
		};

		const result = await sandbox.run(list);

		expect(paths()).toEqual(['/getIssuedBadges', '/getASingleBadgeTemplate', '/issueBadge']);
		expect(bodiesOf(sandbox.requests())[2].recipientIds).toEqual([holders[1]._id, holders[2]._id]);
		expect(jsonOf(result).map((item) => item.skipped)).toEqual([true, false, false]);
	});
});
