import { READING_CHOICES, startSandbox, type Account, type Sandbox } from '../../sandbox';
import { recordFindings } from '../../tooling/probe/recordFindings';
import { probe, seedInOrder } from './helpers';

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

describe('the probe names each record reading as the sandbox was set', () => {
	test.each(READING_CHOICES.records)('records: %s', async (choice) => {
		sb.control.setReadings({ records: choice }, account.clientId);
		const run = await probe(sb, account);
		const template = run.finding('template', 'fields');
		expect(template.value).toBe(choice);
		if (choice === 'sparse') {
			expect(template.observed).toMatch(
				/without backgroundColor \(\d of \d\), textColor .*, isActive/,
			);
			expect(template.observed).toMatch(/none has imageUrl \(optional\)/);
			// The node copes with every field the sparse reading drops.
			expect(template.verdict).toBe('observation');
		} else expect(template.verdict).toBe('handled');
		expect(run.exitCode).toBe(0);
	});

	test('fields beyond the document are named, not failed; the schema lists them all', async () => {
		const run = await probe(sb, account, { write: true });
		const holder = run.finding('holder', 'fields');
		expect(holder.observed).toMatch(/more than documented: .*holderId/);
		// The holder schemas list memo since the probe saw it (one sample holder has one).
		expect(holder.node).not.toMatch(/lacks/);
		expect(holder.verdict).toBe('handled');
		expect(run.finding('badge', 'fields').observed).toMatch(
			/more than documented: badgeData, validityPeriod/,
		);
	});

	test('a field the output schema lacks is named as an observation, not a failure', () => {
		const [fields] = recordFindings('holder', [
			{
				_id: 'h-1',
				name: 'Ada',
				email: 'ada@example.com',
				phone: '+15550100',
				ownerId: 'u-1',
				holderDid: 'did:mypit:h-1',
				issuerDid: 'did:mypit:issuer',
				nickname: 'A',
			},
		]);
		expect(fields.observed).toMatch(/more than documented: .*nickname/);
		expect(fields.node).toMatch(/the output schema \(editor, before a run\) lacks nickname$/);
		expect(fields.verdict).toBe('observation');
	});

	test('numbers: numbers', async () => {
		const run = await probe(sb, account);
		expect(run.value('template', 'numbers (validityPeriod, price)')).toBe('numbers');
		for (const kind of ['template', 'holder', 'badge']) {
			expect(run.finding(kind, 'timestamps')).toMatchObject({
				value: 'numbers',
				verdict: 'handled',
			});
		}
		expect(run.exitCode).toBe(0);
	});

	test('numbers: strings — Issue, Update, the MyPit Trigger and Skip Holders read them', async () => {
		sb.control.setReadings({ numbers: 'strings' }, account.clientId);
		const run = await probe(sb, account);
		expect(run.finding('template', 'numbers (validityPeriod, price)')).toMatchObject({
			value: 'strings',
			verdict: 'observation',
		});
		const stamps = run.finding('badge', 'timestamps');
		expect(stamps.value).toBe('strings');
		expect(stamps.node).toMatch(/read by .*Badge Expiring, Badge Expired/);
		expect(stamps.verdict).toBe('handled');
		expect(run.exitCode).toBe(0);
	});

	test.each([
		['numbers', 'seconds', /seconds since 1970, as JSON numbers/],
		['strings', 'seconds-strings', /seconds as text/],
	] as const)(
		'timestamps: seconds, numbers: %s — read as seconds, worth knowing, not failed',
		async (numbers, value, words) => {
			sb.control.setReadings({ timestamps: 'seconds', numbers }, account.clientId);
			const run = await probe(sb, account, { write: true });
			for (const kind of ['template', 'holder', 'badge']) {
				expect(run.finding(kind, 'timestamps')).toMatchObject({
					value,
					observed: expect.stringMatching(words),
					verdict: 'observation',
				});
			}
			expect(run.finding('template', 'timestamps').node).toMatch(
				/read as seconds .*; Update Template sends updatedAt in seconds too/,
			);
			expect(run.finding('badge', 'timestamps').node).not.toMatch(/Update Template/);
			expect(run.finding('template.write', 'update (full data)').verdict).toBe('handled');
			expect(run.exitCode).toBe(0);
		},
	);
});
