/* eslint-disable @typescript-eslint/no-unused-expressions -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { jsonOf, useSandbox } from '../helpers/fixture';
import { PolledTrigger } from '../../tooling/engine/poll';

/**
 * Dates people can read: with Simplify on (the default) every date of an output record comes
 * with its ISO 8601 text beside the epoch field (`expiresAt`, `expiresAtIso`), in the action
 * node and in every trigger event; the epoch fields stay exactly as MyPit sent them, and Simplify
 * off gives the record exactly as MyPit sent it. Real engine, real HTTP to the sandbox.
 */
const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Fixed instants, so the expected text is written out rather than computed the same way. */
const CREATED = Date.UTC(2025, 0, 15, 8); // 2025-01-15T08:00:00.000Z
const UPDATED = Date.UTC(2026, 1, 20, 17, 45); // 2026-02-20T17:45:00.000Z

async function api(path: string, body: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${sandbox.sandbox.url}${path}`, {
		method: 'POST',
		headers: {
			clientId: sandbox.account.clientId,
			secretKey: sandbox.account.secretKey,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

/** Every issued badge of the account as MyPit's list answers it (one page). */
const rawBadges = async () =>
	(
		await api('/getIssuedBadges', {
			userId: sandbox.account.userId,
			paginationOpts: { numItems: 1000 },
		})
	).page as IDataObject[];

/** The ISO text of an epoch value as the test expects it: from the number the text stands for. */
const isoOf = (value: unknown) => new Date(Number(value)).toISOString();

/** Each date field: its epoch value as MyPit sent it, and the ISO text right after it. */
function expectReadable(data: IDataObject, raw: IDataObject, fields: string[]): void {
	for (const field of fields) {
		expect({ field, value: data[field] }).toEqual({ field, value: raw[field] });
		expect({ field, iso: data[`${field}Iso`] }).toEqual({ field, iso: isoOf(raw[field]) });
		const keys = Object.keys(data);
		expect(keys.indexOf(`${field}Iso`)).toBe(keys.indexOf(field) + 1);
	}
}

const seedTemplate = () =>
	sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1, {
		createdAt: CREATED,
		updatedAt: UPDATED,
	})[0];

describe('readable dates: the MyPit node', () => {
	test('Badge → Get Many: issuedAtIso and expiresAtIso beside the epoch fields; Simplify off: exactly what MyPit sent', async () => {
		sandbox.sandbox.control.seedBadges(sandbox.account.userId, 2, {
			expiresInDays: (i) => [30, -3][i],
		});
		const raw = await rawBadges();

		const simple = jsonOf(
			await sandbox.run({ resource: 'badge', operation: 'getAll', returnAll: true }),
		);
		expect(simple).toHaveLength(2);
		simple.forEach((badge, index) => expectReadable(badge, raw[index], ['issuedAt', 'expiresAt']));
		expect(typeof simple[0].expiresAt).toBe('number');

		const untouched = jsonOf(
			await sandbox.run({
				resource: 'badge',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
			}),
		);
		expect(untouched).toEqual(raw);
		expect(Object.keys(untouched[0])).toEqual(Object.keys(raw[0]));
	});

	test('Template → Get and Get Many: createdAtIso and updatedAtIso', async () => {
		const template = seedTemplate();

		const [got] = jsonOf(
			await sandbox.run({
				resource: 'template',
				operation: 'get',
				templateId: byId(template._id),
			}),
		);
		expect(got).toMatchObject({
			createdAt: CREATED,
			createdAtIso: '2025-01-15T08:00:00.000Z',
			updatedAt: UPDATED,
			updatedAtIso: '2026-02-20T17:45:00.000Z',
		});
		const [listed] = jsonOf(
			await sandbox.run({ resource: 'template', operation: 'getAll', returnAll: true }),
		);
		expect(listed).toEqual(got);

		const [raw] = jsonOf(
			await sandbox.run({
				resource: 'template',
				operation: 'get',
				templateId: byId(template._id),
				simplify: false,
			}),
		);
		expect(raw).toEqual(template);
	});

	test('Holder → Get and Get Many: createdAtIso', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);

		const [got] = jsonOf(
			await sandbox.run({ resource: 'holder', operation: 'get', holderId: byId(holder._id) }),
		);
		expectReadable(got, holder as unknown as IDataObject, ['createdAt']);
		const [listed] = jsonOf(
			await sandbox.run({ resource: 'holder', operation: 'getAll', returnAll: true }),
		);
		expect(listed).toEqual(got);
		const [raw] = jsonOf(
			await sandbox.run({
				resource: 'holder',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
			}),
		);
		expect(raw).toEqual(holder);
	});

	test('operations without Simplify that output a record (Template Create, Holder Create, Create or Update): readable dates too', async () => {
		const [template] = jsonOf(
			await sandbox.run({
				resource: 'template',
				operation: 'create',
				name: 'Course Completion',
				typeOfBadge: 'achievement',
				validityPeriod: 365,
				description: 'Awarded for completing the course',
				criteria: 'Complete all modules',
				imageUrl: 'https://example.com/badge.png',
				price: 0,
			}),
		);
		const storedTemplate = await api('/getASingleBadgeTemplate', {
			userId: sandbox.account.userId,
			templateId: template._id,
		});
		expectReadable(template, storedTemplate, ['createdAt', 'updatedAt']);

		const holderFields = {
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			phone: '+44 20 5555 0100',
			holderDid: 'did:ethr:0xada',
			externalHolderId: 'ada',
		};
		const [created] = jsonOf(
			await sandbox.run({ resource: 'holder', operation: 'create', ...holderFields }),
		);
		const storedHolder = await api('/getHolderById', {
			userId: sandbox.account.userId,
			holderId: created._id,
		});
		expectReadable(created, storedHolder, ['createdAt']);

		const [unchanged] = jsonOf(
			await sandbox.run({ resource: 'holder', operation: 'createOrUpdate', ...holderFields }),
		);
		expect(unchanged).toMatchObject({ _id: created._id, action: 'unchanged' });
		expectReadable(unchanged, storedHolder, ['createdAt']);
	});

	test('timestamps MyPit sends as numeric text: the text is kept, the ISO text is the same as for numbers', async () => {
		const template = seedTemplate();
		sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, { expiresInDays: () => 30 });
		sandbox.sandbox.control.setReadings({ numbers: 'strings' }, sandbox.account.clientId);
		const [raw] = await rawBadges();
		expect(typeof raw.expiresAt).toBe('string');

		const [badge] = jsonOf(
			await sandbox.run({ resource: 'badge', operation: 'getAll', returnAll: true }),
		);
		expectReadable(badge, raw, ['issuedAt', 'expiresAt']);
		const [got] = jsonOf(
			await sandbox.run({
				resource: 'template',
				operation: 'get',
				templateId: byId(template._id),
			}),
		);
		expect(got).toMatchObject({
			createdAt: String(CREATED),
			createdAtIso: '2025-01-15T08:00:00.000Z',
			updatedAt: String(UPDATED),
			updatedAtIso: '2026-02-20T17:45:00.000Z',
		});

		const [untouched] = jsonOf(
			await sandbox.run({
				resource: 'badge',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
			}),
		);
		expect(untouched).toEqual(raw);
	});
});

describe('readable dates: the MyPit Trigger', () => {
	const trigger = async (parameters: INodeParameters) =>
		await PolledTrigger.create(sandbox.credentials, parameters);
	const dataOf = (items: Array<{ json: IDataObject }>) =>
		items.map((item) => item.json.data as IDataObject);

	/** A template updated through MyPit's own endpoint, so its updatedAt moves past createdAt. */
	async function updatedTemplate(): Promise<IDataObject> {
		const template = seedTemplate() as unknown as IDataObject;
		const { _id, ownerId, createdAt, isActive, updatedAt, ...data } = template;
		(void ownerId, void createdAt, void isActive, void updatedAt);
		await api('/updateBadgeTemplate', {
			userId: sandbox.account.userId,
			templateId: _id,
			data: { ...data, updatedAt: UPDATED + 60_000 },
		});
		return await api('/getASingleBadgeTemplate', {
			userId: sandbox.account.userId,
			templateId: _id,
		});
	}

	test.each([
		['badge.issued', ['issuedAt', 'expiresAt']],
		['badge.expiring', ['issuedAt', 'expiresAt']],
		['badge.expired', ['issuedAt', 'expiresAt']],
		['holder.created', ['createdAt']],
		['template.created', ['createdAt', 'updatedAt']],
		['template.updated', ['createdAt', 'updatedAt']],
	])('%s: Fetch Test Event gives every date with its ISO text', async (event, fields) => {
		let raw: IDataObject;
		if (event === 'template.updated') raw = await updatedTemplate();
		else if (event === 'template.created') raw = seedTemplate() as unknown as IDataObject;
		else if (event === 'holder.created')
			raw = sandbox.sandbox.control.seedHolders(
				sandbox.account.userId,
				1,
			)[0] as unknown as IDataObject;
		else {
			const days = { 'badge.issued': 90, 'badge.expiring': 3, 'badge.expired': -2 }[event];
			sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, {
				expiresInDays: () => days as number,
			});
			[raw] = await rawBadges();
		}

		const node = await trigger({ event, daysAhead: 7 });
		const [data] = dataOf(await node.manual());
		expect(data._id).toBe(raw._id);
		expectReadable(data, raw, fields);
	});

	test('a poll emits the same readable dates; Simplify off: the record exactly as MyPit sent it', async () => {
		const simple = await trigger({ event: 'badge.issued' });
		const untouched = await trigger({ event: 'badge.issued', simplify: false });
		await simple.activate();
		await untouched.activate();
		sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1);
		const [raw] = await rawBadges();

		const [data] = dataOf((await simple.poll()).items);
		expectReadable(data, raw, ['issuedAt', 'expiresAt']);
		expect(dataOf((await untouched.poll()).items)).toEqual([raw]);
	});

	test('timestamps sent as numeric text: the trigger still finds the record, and its ISO text is right', async () => {
		sandbox.sandbox.control.setReadings({ numbers: 'strings' }, sandbox.account.clientId);
		sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1, { expiresInDays: () => 3 });
		const [raw] = await rawBadges();
		expect(typeof raw.issuedAt).toBe('string');

		for (const event of ['badge.issued', 'badge.expiring']) {
			const [data] = dataOf(await (await trigger({ event, daysAhead: 7 })).manual());
			expectReadable(data, raw, ['issuedAt', 'expiresAt']);
		}

		// Scheduled polls read the text timestamps as well: the next badge fires once.
		const node = await trigger({ event: 'badge.issued' });
		expect((await node.activate()).items).toEqual([]);
		const [fresh] = sandbox.sandbox.control.seedBadges(sandbox.account.userId, 1);
		const fired = dataOf((await node.poll()).items);
		expect(fired.map((badge) => badge._id)).toEqual([fresh._id]);
		expect(fired[0].issuedAtIso).toBe(new Date(fresh.issuedAt).toISOString());
		expect((await node.poll()).items).toEqual([]);
	});
});
