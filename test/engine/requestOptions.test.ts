/**
 * n8n's "Request Options" (Batching, Timeout, Proxy, Ignore SSL Issues) reach MyPit's requests on
 * both entry points: a workflow run (the custom operation) and an AI agent's tool call
 * (RoutingNode). Each is seen on the wire: the sandbox's request log, a real proxy that counts
 * what passes through it, an https front with a self-signed certificate. Both n8n lines.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { callMyPitTool } from '../../tooling/engine/toolCall';
import { useSandbox } from '../helpers/fixture';
import { startCountingProxy, startSelfSignedFront, type Closable } from '../helpers/network';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromAI = (key: string) => `={{ $fromAI('${key}', 'The ${key}', 'string') }}`;

let servers: Closable[] = [];
afterEach(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
	servers = [];
});
async function started<T extends Closable>(server: Promise<T>): Promise<T> {
	const ready = await server;
	servers.push(ready);
	return ready;
}

/** Holder → Get of one seeded holder, with the given Request Options, both ways. */
function getHolder(requestOptions: INodeParameters) {
	const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
	return {
		holder,
		workflow: async (credentials = sandbox.credentials) => {
			const result = await sandbox.run(
				{
					resource: 'holder',
					operation: 'get',
					holderId: byId(holder._id),
					options: { maxRetries: 0 },
					requestOptions,
				},
				{ credentials },
			);
			return { error: result.error?.message, ids: result.items.map((item) => item.json._id) };
		},
		tool: async (credentials = sandbox.credentials) => {
			const result = await callMyPitTool(
				credentials,
				{
					resource: 'holder',
					operation: 'get',
					holderId: byId(fromAI('holderId')),
					options: { maxRetries: 0 },
					requestOptions,
				},
				{ holderId: holder._id },
			);
			const answer = (result.response ?? []) as IDataObject[];
			return { error: result.error, ids: answer.map((json) => json._id) };
		},
	};
}

const paths = ['workflow', 'tool'] as const;
const pathName = { workflow: 'a workflow run', tool: 'an AI tool call' };

describe('Request Options → Batching (workflow runs)', () => {
	test('6 items in batches of 2 every 700 ms: each batch starts together, the next one after the interval', async () => {
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 6);

		const result = await sandbox.run(
			{
				resource: 'holder',
				operation: 'get',
				holderId: byId('={{ $json.id }}'),
				requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 700 } } },
			},
			{ input: holders.map((holder) => ({ id: holder._id })) },
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json._id)).toEqual(holders.map((holder) => holder._id));
		const at = sandbox.requests().map((request) => request.at);
		expect(at).toHaveLength(6);
		// Within a batch: together (bounds loose for a busy machine).
		for (const batch of [0, 2, 4]) expect(at[batch + 1] - at[batch]).toBeLessThan(400);
		// Between batches: the interval, counted from the start of the batch before. The first
		// interval runs while the first items still read their parameters and the credential
		// (measured 400 to 630 ms from request to request); the second is the full 700 ms.
		expect(at[2] - at[1]).toBeGreaterThanOrEqual(300);
		expect(at[4] - at[3]).toBeGreaterThanOrEqual(600);
		expect(at[5] - at[0]).toBeGreaterThanOrEqual(1000);
	});
});

describe.each(paths)('Request Options in %s', (path) => {
	test(`Timeout: MyPit answering after 3 s fails ${pathName[path]} at the 300 ms timeout`, async () => {
		const run = getHolder({ timeout: 300 });
		sandbox.sandbox.control.injectFault({
			path: '/getHolderById',
			kind: 'delay',
			delayMs: 3000,
			times: 5,
		});

		const startedAt = Date.now();
		const outcome = await run[path]();

		// RoutingNode words the tool's error its own way; both name the timeout's abort.
		expect(outcome.error).toMatch(
			path === 'workflow'
				? /^MyPit did not answer within the timeout \((ECONNABORTED|ETIMEDOUT)\)$/
				: /^The connection was aborted/,
		);
		expect(outcome.ids).toEqual([]);
		expect(Date.now() - startedAt).toBeLessThan(2500);
	});

	test(`Proxy: every request of ${pathName[path]} goes through the proxy`, async () => {
		const proxy = await started(startCountingProxy());
		const run = getHolder({ proxy: proxy.url });

		const outcome = await run[path]();

		expect(outcome.error).toBeUndefined();
		expect(outcome.ids).toEqual([run.holder._id]);
		expect(sandbox.requests().map((request) => request.path)).toEqual(['/getHolderById']);
		expect(proxy.passed()).toEqual([`POST ${sandbox.sandbox.url}/getHolderById`]);
	});

	test(`Ignore SSL Issues: a self-signed MyPit is refused by ${pathName[path]} without it, and works with it`, async () => {
		const front = await started(startSelfSignedFront(sandbox.sandbox.url));
		const credentials = { ...sandbox.credentials, baseUrl: front.url };

		const refused = await getHolder({})[path](credentials);
		expect(refused.error).toMatch(/^MyPit could not be reached \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
		expect(sandbox.requests()).toEqual([]);

		const run = getHolder({ allowUnauthorizedCerts: true });
		const accepted = await run[path](credentials);
		expect(accepted.error).toBeUndefined();
		expect(accepted.ids).toEqual([run.holder._id]);
		expect(sandbox.requests().map((request) => request.path)).toEqual(['/getHolderById']);
	});
});
