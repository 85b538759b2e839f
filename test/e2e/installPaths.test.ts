/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The two ways a user installs the package, each into a real n8n: as the Community Nodes panel
 * does (peers stripped) and with the plain `npm install <package>` in `~/.n8n/nodes` that n8n's
 * docs give for queue mode and Docker. The node must behave the same either way: MyPit's error
 * message and HTTP status, Continue On Fail, the concurrency bound. A plain install must add
 * nothing beside the package (the peer n8n-workflow is optional), so the node loads n8n's own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Stack } from '../../tooling/stack/stack';
import { nodeError, nodeItems } from '../../tooling/n8n';
import {
	BOOT_TIMEOUT,
	byId,
	describeN8n,
	myPitWorkflow,
	n8nVersion,
	reportSkip,
	startTestStack,
	type MyPitWorkflowOptions,
} from './support/mypit';

reportSkip();

describe.each([
	['the Community Nodes panel', false],
	['a plain npm install', true],
])('installed as %s', (_how, plainNpmInstall) => {
	describeN8n(`MyPit node in real n8n ${n8nVersion}`, () => {
		let stack: Stack;

		beforeAll(async () => {
			stack = await startTestStack({ plainNpmInstall });
		}, BOOT_TIMEOUT);

		afterAll(async () => {
			await stack?.stop();
		});

		beforeEach(() => {
			stack.sandbox.control.clearLog();
			stack.sandbox.control.setLatency(0);
			stack.sandbox.control.resetInFlight();
		});

		const run = async (
			parameters: Record<string, unknown>,
			options: Omit<MyPitWorkflowOptions, 'credential'> = {},
		) =>
			await stack.server.runWorkflow(
				myPitWorkflow(parameters, { ...options, credential: stack.credential }),
			);
		const seedHolders = (count: number) =>
			stack.sandbox.control.seedHolders(stack.sandbox.demo.userId, count);

		test('the nodes folder holds the package alone: no n8n-workflow, no other package', () => {
			const modules = path.join(stack.home.nodesDir, 'node_modules');
			const installed = fs.readdirSync(modules).filter((name) => !name.startsWith('.'));
			expect(installed).toEqual(['n8n-nodes-mypit']);
			expect(fs.existsSync(path.join(modules, 'n8n-workflow'))).toBe(false);
		});

		test("an API 404 fails the node with MyPit's message and status 404", async () => {
			const result = await run({
				resource: 'holder',
				operation: 'get',
				holderId: byId('hold_doesnotexist'),
			});

			expect(result.status).toBe('error');
			const error = nodeError(result, 'MyPit');
			expect(error?.message).toBe('Holder not found');
			expect(String(error?.httpCode)).toBe('404');
		});

		test('Continue On Fail: one item per input item, errors in place, each linked to its input', async () => {
			const [good, other] = seedHolders(2);
			const result = await run(
				{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
				{
					input: [
						{ id: good._id },
						{ id: 'hold_gone' },
						{ id: 'bad id with spaces' },
						{ id: other._id },
					],
					onError: 'continueRegularOutput',
				},
			);

			expect(result.status).toBe('success');
			const items = nodeItems(result, 'MyPit');
			expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
			expect(items[0].json).toMatchObject({ _id: good._id });
			expect(items[1].json.error).toBe('Holder not found');
			expect(String(items[2].json.error)).toMatch(/"Holder"/);
			expect(items[3].json).toMatchObject({ _id: other._id });
		});

		test('60 items at 50 ms latency: at most 5 requests in flight (the default), in order', async () => {
			const holders = seedHolders(60);
			stack.sandbox.control.setLatency(50);
			const result = await run(
				{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
				{ input: holders.map((holder) => ({ id: holder._id })) },
			);

			expect(result.status).toBe('success');
			expect(nodeItems(result, 'MyPit').map((item) => item.json._id)).toEqual(
				holders.map((holder) => holder._id),
			);
			expect(
				stack.sandbox.control.inFlight().accounts[stack.sandbox.demo.clientId].maxInFlight,
			).toBe(5);
		});
	});
});
