/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The MyPit Trigger in real n8n: an activated workflow polling every 15 s (four Custom Poll
 * Times, each at one fixed second: n8n refuses sub-minute crons), badges issued in the sandbox
 * each reaching exactly one execution, an n8n restart in between that loses and repeats nothing,
 * and "Fetch Test Event" through the editor's REST route (POST /rest/workflows/:id/run).
 */
import type { Stack } from '../../tooling/stack/stack';
import { DEMO_OWNER } from '../../tooling/stack/stack';
import { nodeJson, startN8n } from '../../tooling/n8n';
import {
	BOOT_TIMEOUT,
	TRIGGER,
	describeN8n,
	myPitTriggerWorkflow,
	n8nVersion,
	reportSkip,
	startTestStack,
} from './support/mypit';

reportSkip();

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
/** A date as example 05 writes it (Luxon's 'd MMMM yyyy'; n8n runs in UTC here): "3 March 2027". */
const longDate = (ms: number) =>
	new Date(ms).toLocaleDateString('en-GB', {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
	});

describeN8n(`MyPit Trigger in real n8n ${n8nVersion}`, () => {
	let stack: Stack;
	let workflowId: string;
	let restarted: Stack['server'] | undefined;

	beforeAll(async () => {
		stack = await startTestStack();
		workflowId = await stack.server.createWorkflow(
			myPitTriggerWorkflow('MyPit Trigger e2e', stack.credential),
		);
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await restarted?.stop();
		await stack?.stop();
	});

	const issue = () => {
		// One millisecond apart from anything before, so "most recent" is unambiguous.
		const start = Date.now();
		while (Date.now() === start) {
			// next millisecond
		}
		return stack.sandbox.control.seedBadges(stack.sandbox.demo.userId, 1)[0]._id;
	};

	/** Badge IDs the trigger handed to each execution of the workflow, oldest execution first. */
	const firedPerExecution = async (): Promise<string[][]> => {
		const listing = await stack.server.rest<{ results: Array<{ id: string; mode: string }> }>(
			'GET',
			`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`,
		);
		// Executions the trigger started (mode "trigger"), not the manual Fetch Test Event.
		const ids = listing.results
			.filter((execution) => execution.mode === 'trigger')
			.map((execution) => execution.id)
			.sort((a, b) => Number(a) - Number(b));
		const fired: string[][] = [];
		for (const id of ids) {
			// A listed execution may still be running, or (1.x) be finished before its run data is stored.
			const run = await stack.server.waitForExecution(id, { timeoutMs: 60_000 });
			fired.push(nodeJson(run, TRIGGER).map((item) => String((item.data as { _id: string })._id)));
		}
		return fired;
	};

	const waitForExecutions = async (count: number): Promise<string[][]> => {
		const deadline = Date.now() + 90_000;
		for (;;) {
			const fired = await firedPerExecution();
			if (fired.length >= count || Date.now() > deadline) return fired;
			await sleep(1000);
		}
	};

	test('Fetch Test Event returns the most recent badge, as {event, data}', async () => {
		const latest = issue();
		const run = await stack.server.runWorkflow(workflowId, {
			triggerNode: TRIGGER,
			expectSuccess: true,
		});
		const items = nodeJson(run, TRIGGER);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ event: 'badge.issued', data: { _id: latest } });
	}, 120_000);

	test('example 05: Fetch Test Event on each trigger runs on to the holder lookup and the message', async () => {
		const example = stack.examples.find((entry) => entry.file === '05-badge-trigger.json');
		expect(example).toBeDefined();
		const latest = issue();
		const issued = await stack.server.runWorkflow(example!.id, {
			triggerNode: 'New badge issued',
			expectSuccess: true,
		});
		const [badge] = nodeJson(issued, 'New badge issued');
		expect(badge).toMatchObject({ event: 'badge.issued', data: { _id: latest } });
		const [holder] = nodeJson(issued, 'Holder of the badge');
		expect(holder._id).toBe((badge.data as { recipientId: string }).recipientId);
		const data = badge.data as { expiresAt: number; expiresAtIso: string };
		expect(data.expiresAtIso).toBe(new Date(data.expiresAt).toISOString());
		const congratulations = nodeJson(issued, 'Congratulations message')[0];
		expect(congratulations).toMatchObject({ to: holder.email, subject: 'Your new badge is ready' });
		expect(String(congratulations.text)).toContain(
			`It is valid until ${longDate(data.expiresAt)}.`,
		);

		const [soon] = stack.sandbox.control.seedBadges(stack.sandbox.demo.userId, 1, {
			expiresInDays: () => 5,
		});
		const expiring = await stack.server.runWorkflow(example!.id, {
			triggerNode: 'Badge expires within 14 days',
			expectSuccess: true,
		});
		// The badge expiring soonest within the 14 days: the one just issued, or a demo badge before it.
		const [reminded] = nodeJson(expiring, 'Badge expires within 14 days');
		expect(reminded.event).toBe('badge.expiring');
		const expiresAt = (reminded.data as { expiresAt: number }).expiresAt;
		expect(expiresAt).toBeGreaterThan(Date.now() - 60_000);
		expect(expiresAt).toBeLessThanOrEqual(soon.expiresAt);
		expect(String(nodeJson(expiring, 'Renewal reminder')[0].text)).toContain(
			`expires on ${longDate(expiresAt)}.`,
		);
	}, 120_000);

	test('activated: each badge issued starts exactly one execution; a restart loses and repeats nothing', async () => {
		const stored = await stack.server.rest<{ versionId: string }>(
			'GET',
			`/rest/workflows/${workflowId}`,
		);
		await stack.server.rest('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: stored.versionId,
		});
		// The activation poll starts from now: the demo badges fire nothing.
		await sleep(3000);
		expect(await firedPerExecution()).toEqual([]);

		const first = issue();
		expect(await waitForExecutions(1)).toEqual([[first]]);
		const second = issue();
		expect(await waitForExecutions(2)).toEqual([[first], [second]]);

		// n8n stops; a badge is issued while it is down; n8n starts on the same database.
		const port = stack.server.port;
		await stack.server.stop();
		const whileDown = issue();
		restarted = await startN8n(stack.home, { port, owner: DEMO_OWNER });
		stack.server = restarted;
		expect(await waitForExecutions(3)).toEqual([[first], [second], [whileDown]]);
		const afterRestart = issue();
		expect(await waitForExecutions(4)).toEqual([[first], [second], [whileDown], [afterRestart]]);

		// Two more poll intervals: nothing else fires.
		await sleep(32_000);
		expect(await firedPerExecution()).toEqual([[first], [second], [whileDown], [afterRestart]]);
	}, 420_000);
});
