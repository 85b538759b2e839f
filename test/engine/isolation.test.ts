/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Tests share one sandbox per file. An execution that outlives its test (the test failed or
 * timed out while the node was still listing) must neither keep running against the sandbox
 * nor show up in the next test's request log.
 */
import type { RunResult } from '../../tooling/engine/engine';
import { useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let runaway: Promise<RunResult> | undefined;
let runawayClientId = '';
let runawayAccount = { clientId: '', secretKey: '', userId: '' };

const rawLog = () => sandbox.sandbox.control.requestLog();
const fromRunaway = () =>
	rawLog().filter((request) => request.headers.clientid === runawayClientId);

describe('one test never leaks into the next', () => {
	test('a test ends while its execution is still listing (as when it fails or times out)', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 300);
		sandbox.sandbox.control.injectFault({
			path: '/getHolders',
			kind: 'delay',
			delayMs: 50,
			times: 1000,
		});
		runawayClientId = sandbox.account.clientId;
		runawayAccount = { ...sandbox.account };

		runaway = sandbox.run({
			resource: 'holder',
			operation: 'getAll',
			returnAll: true,
			options: { pageSize: 1 },
		});
		while (sandbox.requests().length < 3) await pause(20);

		// Ends here, 3 pages into a listing of 300 pages, without waiting for it.
		expect(sandbox.requests().length).toBeLessThan(300);
	});

	test('its execution was cancelled when that test ended and sends nothing more', async () => {
		const result = await runaway!;

		expect(result.run.status).toBe('canceled');
		// At most the request under way when it was cancelled arrives late, and the next one,
		// which the shut account refuses; the refusal ends the listing.
		const late = fromRunaway();
		expect(late.length).toBeLessThanOrEqual(2);
		expect(late.filter((request) => request.status !== 401).length).toBeLessThanOrEqual(1);
		await pause(500);
		expect(fromRunaway()).toHaveLength(late.length);
		expect(sandbox.requests()).toEqual([]);
	});

	test("a test's request log holds only its own requests, even when an earlier account's request arrives", async () => {
		const late = await fetch(`${sandbox.sandbox.url}/getHolders`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				clientId: runawayAccount.clientId,
				secretKey: runawayAccount.secretKey,
			},
			body: JSON.stringify({ userId: runawayAccount.userId, paginationOpts: { numItems: 1 } }),
		});
		// The earlier test's account was shut when that test ended; its request still arrives.
		expect(late.status).toBe(401);

		const result = await sandbox.run({ resource: 'holder', operation: 'getAll' });

		expect(result.error).toBeUndefined();
		expect(rawLog().map((request) => request.headers.clientid)).toEqual([
			runawayClientId,
			sandbox.account.clientId,
		]);
		expect(sandbox.requests().map((request) => request.headers.clientid)).toEqual([
			sandbox.account.clientId,
		]);
	});
});
