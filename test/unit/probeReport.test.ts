/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { version } from '../../package.json';
import {
	describeError,
	failedStep,
	notObserved,
	tally,
	type Finding,
} from '../../tooling/probe/findings';
import { Ledger, describeMade } from '../../tooling/probe/ledger';
import { REPORT_PAGE_RECORDS, redactExchange } from '../../tooling/probe/redact';
import { buildReport, reportJson, writeReport, type ReportInput } from '../../tooling/probe/report';
import type { Exchange } from '../../tooling/probe/requestLog';
import { SECRET_REMOVED, removeSecret } from '../../tooling/probe/secret';

const PROBE = 'probe-20260501-120000';

function exchange(path: string, answer: unknown, extra: Partial<Exchange> = {}): Exchange {
	return {
		seq: 1,
		step: 'holders: pages',
		method: 'POST',
		path,
		status: 200,
		answer,
		at: 0,
		ms: 5,
		...extra,
	};
}

const person = {
	_id: 'h1',
	name: 'Ann Example',
	email: 'ann@example.com',
	phone: '+41 79 000 00 00',
	holderDid: 'did:ethr:0xabc',
	holderId: 'ann-1',
	memo: 'met at the fair',
	createdAt: 1714560000000,
};

describe('removeSecret', () => {
	test.each([
		['plain', 'k3yAbc123'],
		['a quote', 'se"cret'],
		['a backslash', 'se\\cret'],
		['a newline', 'se\ncret'],
	])('a secret with %s is removed as written and as JSON escapes it', (_case, secret) => {
		const echoed = `${JSON.stringify({ error: `bad key ${secret}` })} and raw ${secret}, again ${secret}`;
		const out = removeSecret(echoed, secret);
		expect(out).not.toContain(secret);
		expect(out).not.toContain(JSON.stringify(secret).slice(1, -1));
		expect(out.split(SECRET_REMOVED)).toHaveLength(4);
	});

	test.each([
		['as written', (secret: string) => secret],
		['JSON-escaped', (secret: string) => JSON.stringify(secret).slice(1, -1)],
		[
			'JSON-escaped twice',
			(secret: string) => JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1),
		],
		['as ASCII JSON, lower-case \\u', () => 'k\\u00e9y !\'()*\\"\\\\ z'],
		['as ASCII JSON, upper-case \\u', () => 'k\\u00E9y !\'()*\\"\\\\ z'],
		['URL-encoded', (secret: string) => encodeURIComponent(secret)],
		["URL-encoded as a form, !'()* escaped too", () => 'k%C3%A9y+%21%27%28%29%2A%22%5C+z'],
		['URL-encoded with lower-case hex', () => 'k%c3%a9y%20%21%27%28%29%2a%22%5c%20z'],
	])('a secret with non-ASCII, quotes and backslashes is removed %s, whole', (_form, written) => {
		const secret = 'kéy !\'()*"\\ z';
		const form = written(secret);
		expect(removeSecret(`<${form}>`, secret)).toBe(`<${SECRET_REMOVED}>`);
	});

	test('an empty secret removes nothing; text without it is unchanged', () => {
		expect(removeSecret('nothing to hide', '')).toBe('nothing to hide');
		expect(removeSecret('nothing to hide', 'k3y')).toBe('nothing to hide');
		expect(SECRET_REMOVED).toBe('[secret removed]');
	});
});

describe('redactExchange', () => {
	test.each(['/getHolders', '/getHolderById', '/createHolder'])(
		'%s: every personal field of a holder is replaced by its shape, the rest is kept',
		(endpoint) => {
			const out = redactExchange(exchange(endpoint, { ...person }), PROBE);
			expect(out.answer).toEqual({
				_id: 'h1',
				name: '<removed: text of 11 characters>',
				email: '<removed: text of 15 characters>',
				phone: '<removed: text of 16 characters>',
				holderDid: '<removed: text of 14 characters>',
				holderId: '<removed: text of 5 characters>',
				memo: '<removed: text of 15 characters>',
				createdAt: 1714560000000,
			});
		},
	);

	test('a holder field that is not text keeps only its type (objects their keys)', () => {
		const answer = {
			name: null,
			email: 7,
			phone: { country: '41', number: '790' },
			memo: {},
			holderDid: ['did'],
		};
		expect(redactExchange(exchange('/getHolderById', answer), PROBE).answer).toEqual({
			name: '<removed: null>',
			email: '<removed: number>',
			phone: '<removed: object with keys country, number>',
			memo: '<removed: object with keys none>',
			holderDid: '<removed: object>',
		});
	});

	test('a list page: each holder is redacted, the probe’s own holder (by name or holder ID) is kept', () => {
		const own = { _id: 'h2', name: PROBE, email: 'probe@example.com' };
		const ownById = { _id: 'h3', holderId: PROBE, name: 'Probe Holder' };
		const answer = { page: [person, own, ownById], isDone: true, continueCursor: 'c' };
		const out = redactExchange(exchange('/getHolders', answer), PROBE);
		expect(out.answer).toEqual({
			page: [expect.objectContaining({ name: '<removed: text of 11 characters>' }), own, ownById],
			isDone: true,
			continueCursor: 'c',
		});
		expect(out).not.toHaveProperty('trimmed');
		// The recorded answer itself is left as it was (the analysis reads it).
		expect(answer.page[0]).toBe(person);
		expect(person.name).toBe('Ann Example');
	});

	test('badge data of badges the probe did not issue is replaced; its own badge is kept', () => {
		const theirs = { _id: 'b1', badgeData: { grade: 'A', name: 'Ann' } };
		const ours = { _id: 'b2', badgeData: { probe: PROBE } };
		const none = { _id: 'b3', status: 'active' };
		const out = redactExchange(
			exchange('/getIssuedBadges', { items: [theirs, ours, none] }),
			PROBE,
		);
		expect(out.answer).toEqual({
			items: [{ _id: 'b1', badgeData: '<removed: object with keys grade, name>' }, ours, none],
		});
		const issued = redactExchange(
			exchange('/issueBadge', { badgeData: 'text data', _id: 'b4' }),
			PROBE,
		);
		expect(issued.answer).toEqual({ badgeData: '<removed: text of 9 characters>', _id: 'b4' });
	});

	test('other endpoints are kept as they are, personal-looking fields included', () => {
		const template = { _id: 't1', name: 'Course badge', memo: 'internal' };
		const out = redactExchange(exchange('/getASingleBadgeTemplate', template), PROBE);
		expect(out.answer).toEqual(template);
		const badgeElsewhere = { badgeData: { grade: 'A' } };
		expect(redactExchange(exchange('/getHolderById', badgeElsewhere), PROBE).answer).toEqual(
			badgeElsewhere,
		);
		expect(
			redactExchange(exchange('/getHolders', { email: 'a@b.c', note: 1 }), PROBE).answer,
		).toEqual({
			email: '<removed: text of 5 characters>',
			note: 1,
		});
	});

	test('answers that are not objects are kept; records in a list that are not objects too', () => {
		for (const answer of ['k57abc', null, true, undefined]) {
			const sent = exchange('/getHolders', answer);
			expect(redactExchange(sent, PROBE)).toEqual(sent);
		}
		const out = redactExchange(exchange('/getHolders', { page: ['h1', 2, null] }), PROBE);
		expect(out.answer).toEqual({ page: ['h1', 2, null] });
	});

	test(`a page of more than ${REPORT_PAGE_RECORDS} records keeps its first ${REPORT_PAGE_RECORDS} and says so`, () => {
		expect(REPORT_PAGE_RECORDS).toBe(20);
		const page = Array.from({ length: 21 }, (_, n) => ({ _id: `t${n}` }));
		const out = redactExchange(exchange('/getAllBadgeTemplatesByOwnerId', { page }), PROBE);
		expect((out.answer as { page: unknown[] }).page).toEqual(page.slice(0, 20));
		expect(out.trimmed).toBe('page: the first 20 of 21 records kept');
		const exact = redactExchange(
			exchange('/getAllBadgeTemplatesByOwnerId', { page: page.slice(0, 20) }),
			PROBE,
		);
		expect((exact.answer as { page: unknown[] }).page).toHaveLength(20);
		expect(exact).not.toHaveProperty('trimmed');
		const items = redactExchange(exchange('/getIssuedBadges', { items: page.concat(page) }), PROBE);
		expect(items.trimmed).toBe('items: the first 20 of 42 records kept');
		const badges = redactExchange(exchange('/getIssuedBadges', { issuedBadges: page }), PROBE);
		expect(badges.trimmed).toBe('issuedBadges: the first 20 of 21 records kept');
		expect((badges.answer as { issuedBadges: unknown[] }).issuedBadges).toEqual(page.slice(0, 20));
	});

	test('the rest of the exchange is kept: step, status, request, timings', () => {
		const sent = exchange(
			'/getHolders',
			{ page: [] },
			{ seq: 4, request: { cursor: null }, ms: 12 },
		);
		expect(redactExchange(sent, PROBE)).toEqual({ ...sent, answer: { page: [] } });
	});
});

describe('findings', () => {
	const finding = (verdict: Finding['verdict']): Finding => ({
		subject: 'hello',
		reading: 'r',
		value: null,
		observed: 'o',
		node: 'n',
		verdict,
	});

	test('tally counts each verdict', () => {
		const verdicts: Array<Finding['verdict']> = [
			'handled',
			'handled',
			'observation',
			'not-handled',
			'not-handled',
			'not-handled',
			'not-observed',
			'failed',
			'failed',
			'failed',
			'failed',
		];
		expect(tally(verdicts.map(finding))).toEqual({
			handled: 2,
			observation: 1,
			notHandled: 3,
			notObserved: 1,
			failed: 4,
		});
		expect(tally([])).toEqual({
			handled: 0,
			observation: 0,
			notHandled: 0,
			notObserved: 0,
			failed: 0,
		});
	});

	test('a step not observed or failed says why; an API error keeps its status and message', () => {
		expect(notObserved('badges', 'cursor', 'no badges')).toEqual({
			subject: 'badges',
			reading: 'cursor',
			value: null,
			observed: 'no badges',
			node: '–',
			verdict: 'not-observed',
		});
		expect(
			failedStep('issue', 'answer', { message: 'Template not found', httpCode: '404' }),
		).toEqual({
			subject: 'issue',
			reading: 'answer',
			value: null,
			observed: 'step failed: HTTP 404 "Template not found"',
			node: '–',
			verdict: 'failed',
		});
		expect(describeError(new Error('socket hang up'))).toBe('socket hang up');
		expect(describeError({ message: 'm', httpCode: null })).toBe('m');
		expect(describeError('plain text')).toBe('plain text');
		expect(describeError(undefined)).toBe('undefined');
	});
});

describe('ledger', () => {
	test('what was not deleted is left behind, and named with its ID (or that it is unknown)', () => {
		const ledger = new Ledger();
		const template = ledger.sending('template', PROBE);
		const holder = ledger.sending('holder', PROBE);
		const refused = ledger.sending('badge', PROBE);
		ledger.forget(refused);
		Object.assign(template, { state: 'deleted', id: 't1' });
		expect(holder.state).toBe('sending');
		expect(ledger.leftBehind()).toEqual([holder]);
		expect(ledger.entries).toEqual([template, holder]);
		expect(describeMade({ kind: 'template', name: PROBE, id: 'tmpl_12', state: 'created' })).toBe(
			`template ${PROBE} (tmpl_12)`,
		);
		expect(describeMade(holder)).toBe(`holder ${PROBE} (ID unknown)`);
	});
});

describe('report', () => {
	const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
		startedAt: new Date('2026-05-01T12:00:00.000Z'),
		finishedAt: new Date('2026-05-01T12:00:12.345Z'),
		baseUrl: 'https://mypit.example',
		userId: 'user-1',
		write: true,
		pace: '1 request per second',
		interrupted: false,
		exitCode: 1,
		findings: [
			{ subject: 'hello', reading: 'r', value: 'v', observed: 'o', node: 'n', verdict: 'handled' },
			{ subject: 'issue', reading: 'r', value: null, observed: 'o', node: 'n', verdict: 'failed' },
		],
		left: [
			{ kind: 'badge', name: PROBE, id: 'b7', state: 'left', note: 'badges cannot be deleted' },
		],
		requests: [exchange('/getHolders', { page: [person] })],
		probeName: PROBE,
		...overrides,
	});

	test('the report says what ran, when, how it ended and what it left, with redacted requests', () => {
		const report = buildReport(input());
		expect(report).toEqual({
			tool: 'npm run probe (n8n-nodes-mypit)',
			packageVersion: version,
			startedAt: '2026-05-01T12:00:00.000Z',
			finishedAt: '2026-05-01T12:00:12.345Z',
			seconds: 12.3,
			baseUrl: 'https://mypit.example',
			userId: 'user-1',
			mode: 'write',
			pace: '1 request per second',
			interrupted: false,
			exitCode: 1,
			summary: { handled: 1, observation: 0, notHandled: 0, notObserved: 0, failed: 1 },
			findings: input().findings,
			leftInAccount: [
				{
					kind: 'badge',
					name: PROBE,
					id: 'b7',
					state: 'left',
					note: 'badges cannot be deleted',
					description: `badge ${PROBE} (b7)`,
				},
			],
			notes: [
				'Request headers are not recorded (they carry the client ID and secret key); the secret key is removed wherever it might appear, as written, JSON-escaped or URL-encoded.',
				'Names, emails, phones, DIDs, external holder IDs and memos of holders the probe did not create (in requests and answers), and the badge data of badges it did not issue, are replaced by their shape.',
				'A page of more than 20 records keeps its first 20 here ("trimmed" says so); the readings were taken from all of them.',
			],
			requests: [
				exchange('/getHolders', {
					page: [redactExchange(exchange('/getHolderById', person), PROBE).answer],
				}),
			],
		});
		expect(JSON.stringify(report)).not.toContain('Ann Example');
	});

	test('read-only mode, an interrupted run, and the seconds rounded to a tenth', () => {
		const report = buildReport(
			input({ write: false, interrupted: true, finishedAt: new Date('2026-05-01T12:01:00.050Z') }),
		);
		expect(report).toMatchObject({ mode: 'read-only', interrupted: true, seconds: 60.1 });
	});

	test('the JSON file has no secret in any form MyPit may echo, and ends with a newline', () => {
		const secret = 'sk"with\\odd';
		const report = buildReport(
			input({
				requests: [
					exchange('/hello', { error: `Unknown key ${secret}` }, { status: 401 }),
					exchange('/hello', { error: 'plain' }, { error: `sent ${secret}` }),
				],
			}),
		);
		const json = reportJson(report, secret);
		expect(json.endsWith('}\n')).toBe(true);
		expect(json).not.toContain(JSON.stringify(secret).slice(1, -1));
		expect(json).toContain(`"error": "Unknown key ${SECRET_REMOVED}"`);
		expect(JSON.parse(json).requests[1].error).toBe(`sent ${SECRET_REMOVED}`);
		// Pretty-printed, as the README shows it.
		expect(json.startsWith('{\n  "tool": ')).toBe(true);
	});

	test('writeReport writes probe-report-<stamp>.json into a directory it creates', () => {
		const dir = path.join(mkdtempSync(path.join(tmpdir(), 'probe-report-')), 'nested', 'dir');
		const file = writeReport(dir, '20260501-120000', '{"ok":true}\n');
		expect(file).toBe(path.join(dir, 'probe-report-20260501-120000.json'));
		expect(readFileSync(file, 'utf8')).toBe('{"ok":true}\n');
	});
});
