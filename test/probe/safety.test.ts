/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { readFileSync } from 'node:fs';

import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import { startSandbox, type Account, type Sandbox } from '../../sandbox';
import { loggingHttpRequest } from '../../tooling/probe/httpRequest';
import { RequestLog } from '../../tooling/probe/requestLog';
import { WriteGate } from '../../tooling/probe/writeGate';
import { probe, seedInOrder, writesIn } from './helpers';

let sb: Sandbox;
let account: Account;
beforeAll(async () => {
	sb = await startSandbox({ quiet: true });
});
afterAll(() => sb.close());
beforeEach(() => {
	sb.control.reset();
	account = sb.control.createAccount();
	seedInOrder(sb, account, 3);
});

describe('read-only by default', () => {
	test('a probe without --write sends reads only: /hello, the three lists, one Get of each', async () => {
		const run = await probe(sb, account);
		expect(writesIn(sb)).toEqual([]);
		const paths = new Set(sb.control.requestLog().map((request) => request.path));
		expect([...paths].sort()).toEqual(
			[
				'/hello',
				'/getAllBadgeTemplatesByOwnerId',
				'/getHolders',
				'/getIssuedBadges',
				'/getASingleBadgeTemplate',
				'/getHolderById',
			].sort(),
		);
		expect(run.report.mode).toBe('read-only');
		expect(run.report.requests).toHaveLength(sb.control.requestLog().length);
	});

	test('the write gate refuses a write in read-only mode before anything is sent', async () => {
		const send = loggingHttpRequest(new RequestLog(), new WriteGate());
		await expect(
			send({
				baseURL: sb.url,
				url: ENDPOINTS.createHolder.path,
				method: 'POST',
				body: {},
				headers: { clientId: account.clientId, secretKey: account.secretKey },
			}),
		).rejects.toThrow(
			'The probe did not send /createHolder: writes are not allowed now (read-only)',
		);
		expect(sb.control.requestLog()).toEqual([]);
	});
});

describe('no secret in the output or the report', () => {
	test('the report file and every printed line are free of the secret key, even when MyPit echoes it', async () => {
		// A backend that puts the key into an error message (the probe must still not pass it on).
		sb.control.injectFault({
			path: '/getHolderById',
			kind: 'status',
			status: 403,
			message: `Access denied for key ${account.secretKey}`,
		});
		const run = await probe(sb, account, { write: true });
		const file = readFileSync(run.reportPath, 'utf8');
		expect(file).not.toContain(account.secretKey);
		expect(run.lines.join('\n')).not.toContain(account.secretKey);
		// The echo was there, and is shown without the key.
		expect(file).toContain('Access denied for key [secret removed]');
		expect(run.table).toMatch(/STEP FAILED/);
		expect(run.exitCode).toBe(1);
		// The client ID is only in the request headers, which the report never keeps.
		expect(file).not.toContain(account.clientId);
	});

	test("your holders' names, emails, phones and DIDs are replaced by their shape; the probe's own stay", async () => {
		const [holder] = sb.control.seedHolders(account.userId, 1);
		const run = await probe(sb, account, { write: true });
		const file = readFileSync(run.reportPath, 'utf8');
		for (const field of [holder.name, holder.email, holder.phone, holder.holderDid]) {
			expect(file).not.toContain(field);
		}
		expect(file).toContain('"email": "<removed: text of');
		expect(file).toMatch(/"email": "probe-\d{8}-\d{6}@example\.com"/);
	});
});

describe('the size of the report', () => {
	test('a long page keeps its first 20 records in the report; the readings use all of them', async () => {
		sb.control.seedHolders(account.userId, 30);
		const run = await probe(sb, account);
		const long = run.report.requests.filter((request) => request.trimmed !== undefined);
		expect(long.map((request) => [request.path, request.trimmed])).toEqual([
			['/getHolders', 'page: the first 20 of 30 records kept'],
		]);
		expect((long[0].answer as { page: unknown[] }).page).toHaveLength(20);
		expect(run.finding('holder', 'fields').observed).toMatch(/\(33 records\)$/);
	});
});

describe('pace and failures', () => {
	test('--per-minute: requests go out evenly, one every 60/N seconds', async () => {
		const run = await probe(sb, account, { perMinute: 1200 });
		// As sent by the probe (the sandbox's arrival times jitter by a few milliseconds).
		const sent = run.report.requests.map((request) => request.at);
		const gaps = sent.slice(1).map((at, index) => at - sent[index]);
		// 1,200 a minute: one every 50 ms (the gate's clock and this log's may be 1 ms apart).
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(49);
		expect(sent[sent.length - 1] - sent[0]).toBeGreaterThanOrEqual((sent.length - 1) * 50 - 1);
		expect(sent).toHaveLength(sb.control.requestLog().length);
		expect(run.report.pace).toBe('at most 1200 requests per minute, one at a time');
		expect(run.exitCode).toBe(0);
	});

	test("a failed step is reported with MyPit's message and status, and the rest is still tried", async () => {
		sb.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 403,
			message: 'Insufficient permissions',
		});
		const run = await probe(sb, account, { write: true });
		expect(run.finding('holders', 'pages')).toMatchObject({
			verdict: 'failed',
			observed: 'step failed: HTTP 403 "Insufficient permissions"',
		});
		expect(run.value('badges', "last page's cursor")).toBe('string');
		expect(run.value('issue', "recipients' outcomes")).toBe('right');
		expect(run.report.leftInAccount.map((made) => made.kind)).toEqual(['badge']);
		expect(run.exitCode).toBe(1);
	});
});

describe('refused credentials', () => {
	test('a wrong secret key: the probe stops after /hello, says so, exit code 2, report written', async () => {
		const run = await probe(sb, { ...account, secretKey: 'not-the-key' });
		expect(sb.control.requestLog().map((request) => request.path)).toEqual(['/hello']);
		expect(run.lines).toContain(
			'✘ MyPit refused the client ID and secret key: HTTP 401 "Invalid clientId or secretKey". Check MYPIT_CLIENT_ID and MYPIT_SECRET_KEY.',
		);
		expect(run.exitCode).toBe(2);
		expect(readFileSync(run.reportPath, 'utf8')).not.toContain('not-the-key');
	});
});
