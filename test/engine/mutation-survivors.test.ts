/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * One test per bug that survived the mutation audit of issue 16 (except the reverse zip of badge
 * IDs, which test/engine checks per item elsewhere). Each was planted, seen to fail this test,
 * and restored: test/mutation-survivors.md records both runs.
 */
import dns from 'node:dns';

import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { testMyPitCredential } from '../helpers/credential-test';
import { TestCredentialsHelper } from '../../tooling/engine/credentials-helper';
import { registry } from '../../tooling/engine/engine';
import { bodiesOf, jsonOf, useSandbox } from '../helpers/fixture';
import { MYPIT_NODE_TYPE } from '../../tooling/engine/package-loader';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const paths = () => sandbox.requests().map((request) => `${request.path} ${request.status}`);

/** Hosts that begin like a loopback host but name another machine. */
const LOOK_ALIKE_HOSTS = ['localhost.evil.example', '127.0.0.1.nip.io', '[::1].evil'];
const RESOLVABLE_LOOK_ALIKES = LOOK_ALIKE_HOSTS.filter((host) => !host.startsWith('['));

/**
 * The look-alike names resolve to this machine for the duration of a test, so a request that
 * should never be sent would reach the sandbox and be seen (this machine has no outside DNS).
 */
function resolveLookAlikesHere() {
	const original = dns.lookup;
	const patched = ((hostname: string, ...rest: unknown[]) => {
		const target = RESOLVABLE_LOOK_ALIKES.includes(hostname) ? '127.0.0.1' : hostname;
		return (original as (...args: unknown[]) => unknown)(target, ...rest);
	}) as typeof dns.lookup;
	dns.lookup = patched;
	return () => {
		dns.lookup = original;
	};
}

const withHost = (host: string) => sandbox.sandbox.url.replace('127.0.0.1', host);

describe('row 1: look-alike loopback hosts never get the secret key', () => {
	let restoreDns: () => void;
	beforeEach(() => {
		restoreDns = resolveLookAlikesHere();
	});
	afterEach(() => restoreDns());

	test.each(LOOK_ALIKE_HOSTS)(
		'the node refuses http://%s before sending anything',
		async (host) => {
			sandbox.credentials.baseUrl = withHost(host);

			const result = await sandbox.run({ resource: 'holder', operation: 'getAll' });

			expect(result.error?.message).toMatch(
				/^Invalid "Base URL \(MyPit credential\)": expected an https:\/\/ URL/,
			);
			expect(sandbox.requests()).toHaveLength(0);
		},
	);

	test.each(RESOLVABLE_LOOK_ALIKES)(
		'the credential test sends no secret key to http://%s',
		async (host) => {
			const result = await testMyPitCredential({ ...sandbox.credentials, baseUrl: withHost(host) });

			expect(result).toEqual({
				status: 'Error',
				message:
					'Missing clientId or secretKey. The secret key is only sent to an https:// Base URL (http:// only on localhost).',
			});
			const [request] = sandbox.requests();
			expect(request.path).toBe('/hello');
			expect(request.headers.clientid).toBe(sandbox.account.clientId);
			expect(request.headers.secretkey ?? '').toBe('');
		},
	);

	test.each([
		...LOOK_ALIKE_HOSTS.map((host) => [`http://${host}:5680`, ''] as const),
		['http://localhost:5680', 'the-secret'] as const,
		['http://[::1]:5680', 'the-secret'] as const,
	])(
		"the credential's authenticate, run by n8n's expression engine, gives %s the secret key %p",
		async (baseUrl, sent) => {
			const { nodeTypes, credentialTypes } = await registry();
			const node: INode = {
				id: 'n',
				name: 'MyPit',
				type: MYPIT_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			};
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			const credentials = { ...sandbox.credentials, secretKey: 'the-secret', baseUrl };
			const helper = new TestCredentialsHelper(credentialTypes, { myPitApi: credentials });

			const options = await helper.authenticate(
				credentials,
				'myPitApi',
				{ url: '/hello' },
				workflow,
				node,
			);

			expect(options.headers).toEqual({ clientId: sandbox.account.clientId, secretKey: sent });
		},
	);
});

describe('rows 2 and 3: pagination guards', () => {
	test('a cursor cycle A→B→A ends with a clear error on page 3, not an endless listing', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 50);
		sandbox.sandbox.control.setPageCap(10);
		sandbox.sandbox.control.setPaginationBehaviour('cycle-cursor');

		const result = await sandbox.run({ resource: 'holder', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toBe(
			"MyPit's /getHolders sent a cursor it had already sent (page 3)",
		);
		expect(result.error?.description).toBe(
			'30 records were read before this page. The listing was stopped so it cannot loop forever or return wrong data.',
		);
		expect(sandbox.requests()).toHaveLength(3);
	}, 15_000);

	test('a long listing with 9 empty pages scattered between full ones returns every record once', async () => {
		const seeded = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 50);
		sandbox.sandbox.control.setPageCap(5);
		sandbox.sandbox.control.setPaginationBehaviour('scattered-empty-pages');

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((holder) => holder._id)).toEqual(seeded.map((holder) => holder._id));
		expect(sandbox.requests()).toHaveLength(19);
	});
});

describe('row 4: Retry-After is capped by Max Retry Wait', () => {
	test('a 429 with Retry-After: 3600 and a Max Retry Wait of 0.5 s waits 0.5 s, then succeeds', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 3);
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'status',
			status: 429,
			retryAfter: 3600,
		});
		const started = Date.now();

		const result = await sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			options: { maxRetryWait: 0.5 },
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(paths()).toEqual(['/getHolders 429', '/getHolders 200']);
		// It did wait for the cap, not for the backoff.
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
	}, 10_000);
});

describe('row 6: batch 2 of an issue fails', () => {
	const issueInBatches = async (status: number, message: string) => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5);
		sandbox.sandbox.control.injectFault({
			path: '/issueBadge',
			kind: 'status',
			status,
			message,
			skip: 1,
		});
		const result = await sandbox.run({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(template._id),
			recipientMode: 'list',
			recipientIds: holders.map((holder) => holder._id).join(','),
			options: { batchSize: 2, maxRetryWait: 0.02 },
		});
		return { result, holders };
	};

	test('with a 400: batch 2 was refused, batch 3 not sent, nothing re-sent', async () => {
		const { result, holders } = await issueInBatches(400, 'Too many recipients');

		expect(result.error).toBeUndefined();
		expect(
			jsonOf(result).map((item) => [item.recipientId, item.issued, item.status, item.error]),
		).toEqual([
			[holders[0]._id, true, 'partial', undefined],
			[holders[1]._id, true, 'partial', undefined],
			[holders[2]._id, false, 'partial', 'Batch refused: Too many recipients'],
			[holders[3]._id, false, 'partial', 'Batch refused: Too many recipients'],
			[holders[4]._id, false, 'partial', 'Not sent: an earlier batch failed'],
		]);
		expect(paths()).toEqual(['/getASingleBadgeTemplate 200', '/issueBadge 200', '/issueBadge 400']);
		expect(bodiesOf(sandbox.requests())[2].recipientIds).toEqual([holders[2]._id, holders[3]._id]);
	});

	test('with a 408: the outcome of batch 2 is unknown and the user is told to check before issuing again', async () => {
		const { result, holders } = await issueInBatches(408, 'Request timeout');

		expect(result.error).toBeUndefined();
		const unknown =
			'Batch failed, outcome unknown: Request timeout. Check with Badge > Get Many before issuing again.';
		expect(jsonOf(result).map((item) => [item.recipientId, item.issued, item.error])).toEqual([
			[holders[0]._id, true, undefined],
			[holders[1]._id, true, undefined],
			// Unknown is neither issued nor not issued: `issued` is null, as the issue readings define it.
			[holders[2]._id, null, unknown],
			[holders[3]._id, null, unknown],
			[holders[4]._id, false, 'Not sent: an earlier batch failed'],
		]);
		// A write that may have happened is never repeated.
		expect(paths()).toEqual(['/getASingleBadgeTemplate 200', '/issueBadge 200', '/issueBadge 408']);
	});
});

describe('row 7: the email check is anchored', () => {
	test.each(['Ann <ann@example.com>', 'ann@example.com, bob@example.com'])(
		'Create Holder refuses %p before any request',
		async (email) => {
			const result = await sandbox.run({
				resource: 'holder',
				operation: 'create',
				name: 'Ann',
				email,
				phone: '+1 234 567',
				holderDid: 'did:ethr:0xabc',
				externalHolderId: 'ann-1',
			});

			expect(result.error?.message).toBe(
				`Invalid "Email": expected an email address such as name@example.com, got the text "${email}"`,
			);
			expect(sandbox.requests()).toHaveLength(0);
		},
	);
});
