/**
 * The probe's report and output keep the secret key and your holders' personal data out, in
 * every form they may take: as is, JSON-escaped (once or twice), with \u escapes, URL-encoded.
 */
import { readFileSync } from 'node:fs';

import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { buildReport, reportJson } from '../../tooling/probe/report';
import { SECRET_REMOVED, removeSecret, secretForms } from '../../tooling/probe/secret';
import { probe, seedInOrder } from './helpers';

/** Quotes, backslashes, a space and characters URL encoding escapes (ASCII: it goes in a header). */
const HEADER_SECRET = `se"cr\\et key/+&=%'`;
/** Non-ASCII too, for what MyPit may echo (a header cannot carry it, a body can). */
const WIDE_SECRET = `clé"\\秘密 🔑`;

/** Every way a text may stand in a report or a printed line. */
const encodings = (text: string) => [
	text,
	JSON.stringify(text).slice(1, -1),
	JSON.stringify(JSON.stringify(text).slice(1, -1)).slice(1, -1),
	JSON.stringify(text)
		.slice(1, -1)
		.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
	encodeURIComponent(text),
	encodeURIComponent(text).replace(/%20/g, '+'),
	JSON.stringify(encodeURIComponent(text)).slice(1, -1),
];

describe('removeSecret', () => {
	test.each([HEADER_SECRET, WIDE_SECRET, 'plain-secret-123'])(
		'removes %s in every encoding, inside any text',
		(secret) => {
			for (const form of encodings(secret)) {
				expect(removeSecret(`before ${form} after`, secret)).toBe(`before ${SECRET_REMOVED} after`);
			}
		},
	);

	test('removes the \\u escapes in either case, and the twice-escaped forms', () => {
		const upper = JSON.stringify(WIDE_SECRET)
			.slice(1, -1)
			.replace(
				/[^\x20-\x7e]/g,
				(c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
			);
		expect(removeSecret(`<${upper}>`, WIDE_SECRET)).toBe(`<${SECRET_REMOVED}>`);
		expect(removeSecret(`<${JSON.stringify(upper).slice(1, -1)}>`, WIDE_SECRET)).toBe(
			`<${SECRET_REMOVED}>`,
		);
		const lowerHex = encodeURIComponent(WIDE_SECRET).replace(/%[0-9A-F]{2}/g, (e) =>
			e.toLowerCase(),
		);
		expect(removeSecret(`<${lowerHex}>`, WIDE_SECRET)).toBe(`<${SECRET_REMOVED}>`);
	});

	test('an empty secret removes nothing; text without the secret is left as it is', () => {
		expect(secretForms('')).toEqual([]);
		expect(removeSecret('nothing to hide', '')).toBe('nothing to hide');
		expect(removeSecret('nothing to hide', HEADER_SECRET)).toBe('nothing to hide');
	});
});

describe('the report file: secrets and personal data in the request and answer bodies', () => {
	const person = {
		name: 'Zelda Quux',
		email: 'zelda.quux@private.example',
		phone: '+1 555 000 9999',
		holderDid: 'did:private:zelda-quux',
		holderId: 'ext-zelda-quux',
		memo: 'Allergic to penicillin',
	};
	const at = new Date('2026-05-01T12:00:00Z');
	const report = (requests: Parameters<typeof buildReport>[0]['requests']) =>
		reportJson(
			buildReport({
				startedAt: at,
				finishedAt: at,
				baseUrl: 'https://mypit.example',
				userId: 'user-1',
				write: true,
				pace: 'test',
				interrupted: false,
				exitCode: 0,
				findings: [],
				left: [],
				requests,
				probeName: 'probe-20260501-120000',
			}),
			WIDE_SECRET,
		);
	const exchange = (path: string, request: unknown, answer: unknown) => ({
		seq: 1,
		step: 'test',
		method: 'POST',
		path,
		request,
		status: 200,
		answer,
		at: 0,
		ms: 1,
	});

	test('the secret echoed in an answer, as JSON, as JSON text and URL-encoded, is removed', () => {
		const json = report([
			exchange('/getHolderById', { holderId: 'h1' }, { error: `bad key ${WIDE_SECRET}` }),
			exchange('/getHolders', {}, `{"error":${JSON.stringify(`bad key ${WIDE_SECRET}`)}}`),
			exchange('/hello', {}, `https://mypit.example/?key=${encodeURIComponent(WIDE_SECRET)}`),
		]);
		for (const form of encodings(WIDE_SECRET)) expect(json).not.toContain(form);
		expect(json.split(SECRET_REMOVED)).toHaveLength(4);
	});

	test.each([
		['a holder record answered', '/getHolderById', {}, person],
		['a page of holders', '/getHolders', {}, { page: [person], hasMore: false }],
		['a holder nested under data', '/getHolderById', {}, { data: person }],
		['a holder inside a list answer', '/getHolderById', {}, [person]],
		['the body of a create', '/createHolder', { issuerDid: 'd', data: person }, { _id: 'h1' }],
		['the body of an update', '/updateHolder', { holderID: 'h1', data: person }, { _id: 'h1' }],
	])('%s: every personal field is replaced by its shape', (_, path, request, answer) => {
		const json = report([exchange(path, request, answer)]);
		for (const value of Object.values(person)) {
			for (const form of encodings(value)) expect(json).not.toContain(form);
		}
		expect(json).toContain('<removed: text of 22 characters>');
	});

	test("the probe's own holder is kept as it is", () => {
		const own = { ...person, name: 'probe-20260501-120000', holderId: 'probe-20260501-120000' };
		const json = report([exchange('/createHolder', { data: own }, own)]);
		expect(json).toContain(person.email);
		expect(json).toContain(person.memo);
	});
});

describe('a probe run against a MyPit that echoes the secret and holds personal data', () => {
	let sb: Sandbox;
	let account: Account;
	beforeAll(async () => {
		sb = await startSandbox({ quiet: true });
	});
	afterAll(() => sb.close());

	test('neither the report file nor any printed line holds the secret key or a personal field, in any encoding', async () => {
		account = sb.control.createAccount({ secretKey: HEADER_SECRET });
		seedInOrder(sb, account, 2);
		const [holder] = sb.control.seedHolders(account.userId, 1, () => ({
			name: 'Zelda Quux',
			email: 'zelda.quux@private.example',
			phone: '+15550009999',
			holderDid: 'did:private:zelda-quux',
			holderId: 'ext-zelda-quux',
			memo: 'Allergic to penicillin',
		}));
		const echoes = `key ${HEADER_SECRET}; as JSON ${JSON.stringify({ key: HEADER_SECRET })}; in a URL ?key=${encodeURIComponent(HEADER_SECRET)}`;
		sb.control.injectFault({
			path: '/getIssuedBadges',
			kind: 'status',
			status: 403,
			message: echoes,
		});

		const run = await probe(sb, account, { write: true });

		const file = readFileSync(run.reportPath, 'utf8');
		const printed = run.lines.join('\n');
		for (const text of [file, printed]) {
			for (const form of encodings(HEADER_SECRET)) expect(text).not.toContain(form);
			for (const field of ['name', 'email', 'phone', 'holderDid', 'holderId', 'memo'] as const) {
				for (const form of encodings(String(holder[field]))) expect(text).not.toContain(form);
			}
		}
		// The echo reached the report, without the key.
		expect(file).toContain(`key ${SECRET_REMOVED}; as JSON`);
		expect(run.exitCode).toBe(1);
	});
});
