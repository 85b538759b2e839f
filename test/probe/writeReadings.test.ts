import { READING_CHOICES, startSandbox, type Account, type Sandbox } from '../../sandbox';
import { post } from '../sandbox/helpers';
import { probe, probeName, seedInOrder, writesIn } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
	seedInOrder(sb, account, 2);
});

/** The account's whole list, read over the API. */
async function list(path: string): Promise<Array<Record<string, unknown>>> {
	const reply = await post(
		sb,
		path,
		{ userId: account.userId, paginationOpts: { numItems: 1000 } },
		{ account },
	);
	return reply.body.page;
}

const withWrite = { write: true } as const;

describe('--write names each write reading as the sandbox was set', () => {
	test.each(READING_CHOICES.issueSuccessful)('issueSuccessful: %s', async (choice) => {
		sb.control.setReadings({ issueSuccessful: choice }, account.clientId);
		const run = await probe(sb, account, withWrite);
		expect(run.value('issue', 'details.successful')).toBe(choice);
		expect(run.finding('issue', "recipients' outcomes")).toMatchObject({
			value: 'right',
			verdict: 'handled',
		});
		expect(run.exitCode).toBe(0);
	});

	test.each(READING_CHOICES.issuedBadges)('issuedBadges: %s', async (choice) => {
		sb.control.setReadings({ issuedBadges: choice }, account.clientId);
		const run = await probe(sb, account, withWrite);
		expect(run.value('issue', 'issuedBadges')).toBe(choice);
		expect(run.value('issue', "recipients' outcomes")).toBe('right');
		expect(run.exitCode).toBe(0);
	});

	test.each(READING_CHOICES.issueDetails)('issueDetails: %s', async (choice) => {
		sb.control.setReadings({ issueDetails: choice }, account.clientId);
		const run = await probe(sb, account, withWrite);
		expect(run.value('issue', 'details')).toBe(choice);
		expect(run.value('issue', 'status')).toBe('success/failed');
		// Without details on the success answer nothing says what successful lists.
		expect(run.value('issue', 'details.successful')).toBe(
			choice === 'always' ? 'recipient-ids' : null,
		);
		expect(run.value('issue', 'details.failed')).toBe(choice === 'never' ? null : 'objects');
		expect(run.value('issue', "recipients' outcomes")).toBe('right');
		expect(run.exitCode).toBe(0);
	});

	test.each(READING_CHOICES.templateUpdatedAt)('templateUpdatedAt: %s', async (choice) => {
		sb.control.setReadings({ templateUpdatedAt: choice }, account.clientId);
		const run = await probe(sb, account, withWrite);
		const kept = choice === 'kept';
		expect(run.finding('template.write', 'update (full data)')).toMatchObject({
			value: choice,
			verdict: kept ? 'not-handled' : 'handled',
		});
		if (kept) {
			expect(run.finding('template.write', 'update (full data)').node).toBe(
				'the MyPit Trigger’s Template Updated waits for updatedAt to move: it would not fire',
			);
		}
		expect(run.report.summary.notHandled).toBe(kept ? 1 : 0);
		expect(run.exitCode).toBe(kept ? 1 : 0);
	});

	test.each(READING_CHOICES.writeAnswer)('writeAnswer: %s', async (choice) => {
		sb.control.setReadings({ writeAnswer: choice }, account.clientId);
		const run = await probe(sb, account, withWrite);
		// The sandbox answers create with the record, update and delete with {_id} (the document's).
		const created = choice === 'record' ? 'record' : choice;
		const changed = choice === 'record' ? 'id-object' : choice;
		expect(run.value('template.write', 'create answer')).toBe(created);
		expect(run.value('holder.write', 'create answer')).toBe(created);
		expect(run.value('template.write', 'update answer')).toBe(changed);
		expect(run.value('template.write', 'delete answer')).toBe(changed);
		expect(run.exitCode).toBe(0);
	});

	test.each(READING_CHOICES.deleteHolderAnswer)('deleteHolderAnswer: %s', async (choice) => {
		sb.control.setReadings({ deleteHolderAnswer: choice }, account.clientId);
		const run = await probe(sb, account, withWrite);
		expect(run.finding('holder.write', 'delete answer')).toMatchObject({
			value: choice,
			observed: expect.stringMatching(/read back: HTTP 404 "Holder not found"$/),
		});
		expect(run.exitCode).toBe(0);
	});

	test('mixed: badge IDs in successful, badge records, details unless success, bare ID strings, null delete answer, sparse records, no last cursor', async () => {
		sb.control.setReadings(
			{
				issueSuccessful: 'badge-ids',
				issuedBadges: 'objects',
				issueDetails: 'unless-success',
				writeAnswer: 'id-string',
				deleteHolderAnswer: 'null',
				records: 'sparse',
				lastPageCursor: 'absent',
			},
			account.clientId,
		);
		const run = await probe(sb, account, withWrite);
		expect(run.value('issue', 'issuedBadges')).toBe('objects');
		expect(run.value('issue', 'details')).toBe('unless-success');
		expect(run.value('template.write', 'create answer')).toBe('id-string');
		expect(run.value('holder.write', 'delete answer')).toBe('null');
		expect(run.value('template', 'fields')).toBe('sparse');
		expect(run.value('templates', "last page's cursor")).toBe('absent');
		expect(run.finding('template.write', 'update (full data)')).toMatchObject({
			value: 'as-sent',
			verdict: 'handled',
		});
		expect(run.value('issue', "recipients' outcomes")).toBe('right');
		expect(run.exitCode).toBe(0);
	});
});

describe('--write leaves the account as it found it, but for the one badge it names', () => {
	test('templates and holders before and after are the same; one more badge, named in the output and the report', async () => {
		const before = {
			templates: await list('/getAllBadgeTemplatesByOwnerId'),
			holders: await list('/getHolders'),
			badges: await list('/getIssuedBadges'),
		};
		const run = await probe(sb, account, withWrite);
		expect(await list('/getAllBadgeTemplatesByOwnerId')).toEqual(before.templates);
		expect(await list('/getHolders')).toEqual(before.holders);
		const badges = await list('/getIssuedBadges');
		expect(badges.slice(0, before.badges.length)).toEqual(before.badges);
		expect(badges).toHaveLength(before.badges.length + 1);
		const badge = badges[badges.length - 1];

		expect(run.report.leftInAccount).toEqual([
			expect.objectContaining({ kind: 'badge', id: badge._id, state: 'left' }),
		]);
		const left = run.lines.filter((line) => line.startsWith('Left in your account:'));
		expect(left).toEqual([
			`Left in your account: badge of template ${probeName(run)} for holder ${probeName(run)} (${String(badge._id)}): badges cannot be deleted through the API`,
		]);
		// Said before asking.
		const warned = run.lines.findIndex((line) => line.includes('Badges cannot be deleted'));
		const created = run.lines.findIndex((line) => line.startsWith('· Creating template'));
		expect(warned).toBeGreaterThan(-1);
		expect(warned).toBeLessThan(created);
		expect(run.exitCode).toBe(0);
	});

	test('not confirmed: nothing is written, the readings are still reported', async () => {
		const run = await probe(sb, account, { write: true, confirm: false });
		const writes = writesIn(sb);
		expect(writes).toEqual([]);
		expect(run.finding('probe', '--write')).toMatchObject({
			value: 'declined',
			verdict: 'not-observed',
		});
		expect(run.report.leftInAccount).toEqual([]);
		expect(run.exitCode).toBe(0);
	});
});

describe('a write that fails leaves nothing the probe does not name', () => {
	test('a create that answers 500 after it happened: found by its name, deleted at the end', async () => {
		sb.control.injectFault({
			path: '/createHolder',
			kind: 'status',
			status: 500,
			afterProcessing: true,
		});
		const run = await probe(sb, account, withWrite);
		expect(run.finding('holder.write', 'create')).toMatchObject({
			verdict: 'failed',
			observed: 'step failed: HTTP 500 "Internal server error"',
		});
		expect((await list('/getHolders')).map((holder) => holder.name)).not.toContainEqual(
			expect.stringMatching(/^probe-/),
		);
		expect(writesIn(sb).map((request) => request.path)).toContain('/deleteHolder');
		expect(run.exitCode).toBe(1);
	});

	test.each([
		['template', '/deleteBadgeTemplate', 'templateId', '/getASingleBadgeTemplate'],
		['holder', '/deleteHolder', 'holderID', '/getHolderById'],
	])(
		'a %s delete whose read-back answers 500: not counted as deleted, named as maybe left with its ID',
		async (kind, deletePath, idField, readPath) => {
			const run = await probe(sb, account, {
				...withWrite,
				onLine: (line) => {
					// From the delete on, every read of the record fails.
					if (line.startsWith(`· Deleting ${kind}`))
						sb.control.injectFault({ path: readPath, kind: 'status', status: 500, times: 100 });
				},
			});
			const deleted = sb.control.requestLog().filter((request) => request.path === deletePath);
			expect(deleted).toHaveLength(1);
			const id = String((deleted[0].body as Record<string, unknown>)[idField]);

			expect(run.report.leftInAccount).toContainEqual(
				expect.objectContaining({ kind, id, state: 'left' }),
			);
			const named = run.lines.filter(
				(line) => line.startsWith('Left in your account:') && line.includes(`(${id})`),
			);
			expect(named).toEqual([
				expect.stringMatching(
					/: maybe left: the delete was answered, but reading it back failed \(HTTP 500 "Internal server error"\)$/,
				),
			]);
			expect(run.finding(`${kind}.write`, 'delete answer')).toMatchObject({ verdict: 'failed' });
			expect(run.exitCode).toBe(1);
		},
	);

	test('an issue that answers 500 after it happened: the badge is found in the list and named', async () => {
		sb.control.injectFault({
			path: '/issueBadge',
			kind: 'status',
			status: 500,
			skip: 1,
			afterProcessing: true,
		});
		const run = await probe(sb, account, withWrite);
		const badges = await list('/getIssuedBadges');
		expect(run.report.leftInAccount).toEqual([
			expect.objectContaining({ kind: 'badge', state: 'left', id: badges[badges.length - 1]._id }),
		]);
		expect(run.exitCode).toBe(1);
	});

	test('an issue refused with a 400: no badge, none named', async () => {
		sb.control.injectFault({
			path: '/issueBadge',
			kind: 'status',
			status: 400,
			skip: 1,
			message: 'Invalid recipient',
		});
		const before = await list('/getIssuedBadges');
		const run = await probe(sb, account, withWrite);
		expect(await list('/getIssuedBadges')).toEqual(before);
		expect(run.report.leftInAccount).toEqual([]);
		expect(run.finding('issue', "recipients' outcomes")).toMatchObject({
			verdict: 'failed',
			observed: 'no badge issued: HTTP 400 "Invalid recipient"',
		});
		expect(run.exitCode).toBe(1);
	});
});
