/**
 * Overlapping polls of one MyPit Trigger: n8n starts a poll on every Poll Times tick without
 * waiting for the previous one, so a slow API makes two polls of the same node meet. The later
 * one must return nothing at once and send nothing; the node is free again after a failure.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { engineLogger } from '../helpers/engineLogger';
import { useSandbox } from '../helpers/fixture';
import { PolledTrigger } from '../../tooling/engine/poll';

const sandbox = useSandbox();
const LATENCY_MS = 400;

beforeEach(() => {
	sandbox.sandbox.control.setListShape({ order: 'oldest-first' });
	sandbox.sandbox.control.setReadings({ lastPageCursor: 'string' });
});
afterEach(() => sandbox.sandbox.control.setLatency(0));

const ids = (items: INodeExecutionData[]) =>
	items.map((item) => String((item.json.data as IDataObject)._id));
const seedBadges = (count: number) =>
	sandbox.sandbox.control.seedBadges(sandbox.account.userId, count).map((badge) => badge._id);
const apiRequests = () => sandbox.requests().filter((request) => request.path !== '/hello');
const maxInFlight = () =>
	sandbox.sandbox.control.inFlight().accounts[sandbox.account.clientId]?.maxInFlight ?? 0;

/** Starts a poll and notes when it has settled. */
function track<T>(promise: Promise<T>) {
	const state = { settled: false, promise };
	void promise.then(
		() => (state.settled = true),
		() => (state.settled = true),
	);
	return state;
}

describe('MyPit Trigger: overlapping polls', () => {
	test('A poll starting while the previous one still runs returns null at once, sends nothing; each badge fires once', async () => {
		// What one such poll sends when it runs alone (another workflow, the same situation).
		const alone = await PolledTrigger.create(
			sandbox.credentials,
			{ event: 'badge.issued' },
			'alone',
		);
		await alone.activate();
		seedBadges(3);
		sandbox.sandbox.control.clearLog();
		expect((await alone.poll()).items).toHaveLength(3);
		const lonePollRequests = apiRequests().length;

		const node = await PolledTrigger.create(sandbox.credentials, { event: 'badge.issued' });
		await node.activate();
		const fresh = seedBadges(3);
		sandbox.sandbox.control.clearLog();
		sandbox.sandbox.control.resetInFlight();
		sandbox.sandbox.control.setLatency(LATENCY_MS);

		const warn = jest.spyOn(engineLogger(), 'warn');
		const first = track(node.poll());
		const second = await node.poll();
		expect(second).toEqual({ items: [], saved: false });
		// Said in n8n's log, naming the workflow and node, without any secret.
		const skips = warn.mock.calls.filter(([message]) => /still running/.test(String(message)));
		warn.mockRestore();
		expect(skips).toEqual([
			[
				'MyPit Trigger: the previous poll of this node is still running; this poll is skipped',
				{ workflowId: 'trigger-test', node: 'MyPit Trigger' },
			],
		]);
		expect(JSON.stringify(skips)).not.toContain(sandbox.account.secretKey);
		// Skipped before the first poll's request was even answered.
		expect(first.settled).toBe(false);
		const sentWhenSkipped = apiRequests().length;
		expect(sentWhenSkipped).toBeLessThanOrEqual(1);

		const result = await first.promise;
		expect(ids(result.items)).toEqual(fresh);
		expect(result.saved).toBe(true);
		// Never two requests at once, and no more than the poll sends alone: the second sent nothing.
		expect(maxInFlight()).toBe(1);
		expect(apiRequests()).toHaveLength(lonePollRequests);

		// Nothing fires twice.
		sandbox.sandbox.control.setLatency(0);
		expect((await node.poll()).items).toEqual([]);
	});

	test('After a failed poll the node is free: the next poll runs and catches up', async () => {
		const node = await PolledTrigger.create(sandbox.credentials, { event: 'badge.issued' });
		await node.activate();
		const fresh = seedBadges(2);
		sandbox.sandbox.control.injectFault({
			path: '/getIssuedBadges',
			kind: 'status',
			status: 400,
			message: 'Temporarily refused',
		});
		await expect(node.poll()).rejects.toMatchObject({
			message: expect.stringContaining('Temporarily refused'),
		});
		expect(ids((await node.poll()).items)).toEqual(fresh);
		expect((await node.poll()).items).toEqual([]);
	});

	test('The guard is per node of a workflow: another workflow and Fetch Test Event still run beside a poll', async () => {
		const one = await PolledTrigger.create(sandbox.credentials, { event: 'badge.issued' }, 'a');
		const other = await PolledTrigger.create(sandbox.credentials, { event: 'badge.issued' }, 'b');
		await one.activate();
		await other.activate();
		const fresh = seedBadges(2);
		sandbox.sandbox.control.setLatency(LATENCY_MS);

		const [a, b, sample] = await Promise.all([one.poll(), other.poll(), one.manual()]);
		expect(ids(a.items)).toEqual(fresh);
		expect(ids(b.items)).toEqual(fresh);
		expect(ids(sample)).toEqual([fresh[1]]);
	});
});
