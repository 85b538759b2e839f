/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The MyPit node on n8n's distributed engine, with real parts: a throw-away Redis and PostgreSQL,
 * one `n8n start` (main) and two `n8n worker` processes with EXECUTIONS_MODE=queue, each with the
 * packed package installed in its own user folder (tooling/stack/queue). Which process ran an
 * execution comes from the workers' own log lines ("Worker started execution <id> (job <n>)") and
 * main's ("Enqueued execution <id>").
 *
 * Only the timing of n8n's stalled-job check is shortened here (queue lock 10 s, stalled check
 * 5 s instead of 60 s / 30 s); what happens is the same. The job of a killed worker stalls; n8n
 * 2.x does not retry it (main marks the execution failed), n8n 1.x retries it once on another
 * worker (QUEUE_WORKER_MAX_STALLED_COUNT=1), which runs the whole execution again.
 */
import * as os from 'node:os';

import type { LoggedRequest } from '../../sandbox';
import { runExample } from '../../tooling/stack/demo';
import { startQueueStack, type QueueStack } from '../../tooling/stack/queue/queueStack';
import { canProvideQueueBinaries } from '../../tooling/stack/queue/systemPackages';
import type { QueueWorker } from '../../tooling/stack/queue/workers';
import {
	TRIGGER,
	gate,
	myPitTriggerWorkflow,
	myPitWorkflow,
	n8nVersion,
	reportSkip,
} from './support/mypit';
import { nodeJson, type N8nServer } from '../../tooling/n8n';

reportSkip();

const queueBinaries = canProvideQueueBinaries();
if (gate.run && !queueBinaries.ok && gate.required)
	throw new Error(`queue-mode tests: ${queueBinaries.reason}`);
const describeQueue = gate.run && queueBinaries.ok ? describe : describe.skip;
if (gate.run && !queueBinaries.ok)
	console.warn(`queue-mode tests skipped: ${queueBinaries.reason}`);

const n8nMajor = Number(n8nVersion.split('.')[0]);
const QUEUE_BOOT_TIMEOUT = 900_000;
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const TEST_QUEUE_ENV = {
	QUEUE_WORKER_LOCK_DURATION: '10000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

/** Starts a manual run through the REST API (as the editor does) without waiting for it. */
async function startRun(server: N8nServer, workflowId: string, trigger = 'Start'): Promise<string> {
	const stored = await server.rest<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`);
	const started = await server.rest<{ executionId?: string }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{
			workflowData: stored,
			triggerToStartFrom: { name: trigger },
		},
	);
	if (!started.executionId) throw new Error(`n8n started no execution: ${JSON.stringify(started)}`);
	return started.executionId;
}

/** Starts `count` runs back to back, `inFlight` run requests at a time; returns their execution ids. */
async function startMany(
	server: N8nServer,
	workflowId: string,
	count: number,
	inFlight: number,
): Promise<string[]> {
	const ids: string[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: inFlight }, async () => {
			while (next < count) {
				next++;
				ids.push(await startRun(server, workflowId));
			}
		}),
	);
	return ids;
}

async function executionStatus(server: N8nServer, id: string): Promise<string> {
	const execution = await server.rest<{ status?: string; finished?: boolean }>(
		'GET',
		`/rest/executions/${id}`,
	);
	return String(execution.status ?? (execution.finished ? 'success' : 'unknown'));
}

/** Polls until every execution has a final status; returns id → status. */
async function waitForStatuses(
	server: N8nServer,
	ids: string[],
	timeoutMs: number,
): Promise<Map<string, string>> {
	const statuses = new Map<string, string>();
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		for (const id of ids) {
			if (FINISHED.has(statuses.get(id) ?? '')) continue;
			statuses.set(id, await executionStatus(server, id));
		}
		const open = ids.filter((id) => !FINISHED.has(statuses.get(id) ?? ''));
		if (open.length === 0) return statuses;
		if (Date.now() > deadline)
			throw new Error(
				`${open.length} executions not finished after ${timeoutMs} ms, e.g. ${open.slice(0, 5).join(', ')}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

function workersThatStarted(stack: QueueStack, executionId: string): string[] {
	return stack.workers
		.filter((worker) => worker.startedExecutions().includes(executionId))
		.map((worker) => worker.name);
}

function enqueuedByMain(stack: QueueStack): string[] {
	return [...stack.server.output().matchAll(/Enqueued execution (\d+)/g)].map((match) => match[1]);
}

describeQueue(
	`queue mode in real n8n ${n8nVersion}: Redis, PostgreSQL, main and two workers`,
	() => {
		let stack: QueueStack;

		beforeAll(async () => {
			stack = await startQueueStack({
				build: false,
				provision: false,
				parentDir: os.tmpdir(),
				env: TEST_QUEUE_ENV,
			});
		}, QUEUE_BOOT_TIMEOUT);

		afterAll(async () => {
			await stack?.stop();
		}, 120_000);

		test('main and both workers run in queue mode on the same PostgreSQL and Redis, each with the package installed', () => {
			expect(stack.workers.map((worker) => worker.name)).toEqual(['worker-1', 'worker-2']);
			expect(stack.queueEnv).toMatchObject({
				EXECUTIONS_MODE: 'queue',
				DB_TYPE: 'postgresdb',
				QUEUE_BULL_REDIS_PORT: String(stack.redis.port),
			});
			const folders = [stack.home, ...stack.workers.map((worker) => worker.home)];
			expect(new Set(folders.map((home) => home.dir)).size).toBe(3);
			for (const home of folders)
				expect(home.env.N8N_ENCRYPTION_KEY).toBe(stack.queueEnv.N8N_ENCRYPTION_KEY);
		});

		test('every runnable example runs through the queue on a worker, not on main, with the sandbox requests it should send', async () => {
			const runnable = stack.examples.filter((example) => example.trigger);
			expect(runnable.map((example) => example.file)).toEqual([
				'01-form-to-badge.json',
				'02-bulk-issue-from-sheet.json',
				'03-expiring-badges-report.json',
			]);
			const expectedPaths: Record<string, string[]> = {
				// 01 and 02 are safe to run again: one read of the holders (Create or Update) and one
				// of the issued badges (Skip Holders Who Already Have It) before their writes.
				'01-form-to-badge.json': [
					'/createHolder',
					'/getASingleBadgeTemplate',
					'/getHolders',
					'/getIssuedBadges',
					'/issueBadge',
				],
				'02-bulk-issue-from-sheet.json': [
					'/createHolder',
					'/createHolder',
					'/createHolder',
					'/createHolder',
					'/createHolder',
					'/getASingleBadgeTemplate',
					'/getHolders',
					'/getIssuedBadges',
					'/issueBadge',
				],
				'03-expiring-badges-report.json': ['/getIssuedBadges'],
			};
			for (const example of runnable) {
				const { run, requests, summary } = await runExample(stack, example);
				expect({ file: example.file, ok: summary.ok, error: summary.error }).toEqual({
					file: example.file,
					ok: true,
					error: undefined,
				});
				expect(run.status).toBe('success');
				const id = String(run.id ?? run.raw.id);
				// Enqueued by main, started and finished by exactly one worker.
				expect(enqueuedByMain(stack)).toContain(id);
				expect(workersThatStarted(stack, id)).toHaveLength(1);
				expect(
					stack.workers.filter((worker) => worker.finishedExecutions().includes(id)),
				).toHaveLength(1);
				expect(requests.map((request) => request.path).sort()).toEqual(expectedPaths[example.file]);
			}
		}, 600_000);

		test('200 executions started together: all succeed, both workers take a share, one /createHolder each and nothing more', async () => {
			const workflowId = await stack.server.createWorkflow(
				myPitWorkflow(
					// Each request names its execution, so the sandbox log maps one-to-one to executions.
					{
						resource: 'holder',
						operation: 'create',
						name: '=queue {{ $execution.id }}',
						email: '=queue-{{ $execution.id }}@example.com',
						phone: '+1 555 0100',
						holderDid: '=did:example:queue-{{ $execution.id }}',
						externalHolderId: '=queue-{{ $execution.id }}',
					},
					{ credential: stack.credential, name: 'queue: 200 holders' },
				),
			);
			stack.sandbox.control.clearLog();
			const before = new Map(
				stack.workers.map((worker) => [worker.name, worker.finishedExecutions().length]),
			);
			const ids = await startMany(stack.server, workflowId, 200, 20);
			const statuses = await waitForStatuses(stack.server, ids, 600_000);

			expect(new Set(ids).size).toBe(200);
			expect([...statuses.values()].filter((status) => status !== 'success')).toEqual([]);
			const byWorker = stack.workers.map((worker) =>
				ids.filter((id) => worker.startedExecutions().includes(id)),
			);
			console.log(
				`200 executions: ${stack.workers.map((worker, index) => `${worker.name} ${byWorker[index].length}`).join(', ')}`,
			);
			for (const share of byWorker) expect(share.length).toBeGreaterThan(0);
			expect(byWorker.flat().sort()).toEqual([...ids].sort());
			for (const worker of stack.workers)
				expect(worker.finishedExecutions().length - before.get(worker.name)!).toBe(
					byWorker[stack.workers.indexOf(worker)].length,
				);

			const requests = stack.sandbox.control.requestLog();
			expect(requests.map((request) => request.path)).toEqual(Array(200).fill('/createHolder'));
			const names = requests
				.map((request) => (request.body as { data: { name: string } }).data.name)
				.sort();
			expect(names).toEqual(ids.map((id) => `queue ${id}`).sort());
			expect(requests.every((request) => request.status === 200)).toBe(true);
		}, 900_000);

		test('the MyPit Trigger polls on main only: two workers, one event, one execution, run by one worker', async () => {
			const workflowId = await stack.server.createWorkflow(
				myPitTriggerWorkflow('queue: trigger on main', stack.credential),
			);
			const triggered = async () => {
				const listing = await stack.server.rest<{ results: Array<{ id: string; mode: string }> }>(
					'GET',
					`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`,
				);
				return listing.results.filter((execution) => execution.mode === 'trigger');
			};
			const stored = await stack.server.rest<{ versionId: string }>(
				'GET',
				`/rest/workflows/${workflowId}`,
			);
			await stack.server.rest('POST', `/rest/workflows/${workflowId}/activate`, {
				versionId: stored.versionId,
			});
			// The activation poll (on main) starts from now: nothing fires for the badges already there.
			await new Promise((resolve) => setTimeout(resolve, 3000));
			expect(await triggered()).toEqual([]);

			const [badge] = stack.sandbox.control.seedBadges(stack.sandbox.demo.userId, 1);
			const deadline = Date.now() + 120_000;
			let fired = await triggered();
			while (fired.length === 0 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 1000));
				fired = await triggered();
			}
			expect(fired).toHaveLength(1);
			const id = fired[0].id;
			await waitForStatuses(stack.server, [id], 120_000);
			// Two more poll intervals: a poller on a worker would fire the same badge again.
			await new Promise((resolve) => setTimeout(resolve, 32_000));
			expect((await triggered()).map((execution) => execution.id)).toEqual([id]);
			// Enqueued by main, run by exactly one worker, and its item is the new badge.
			expect(enqueuedByMain(stack)).toContain(id);
			expect(workersThatStarted(stack, id)).toHaveLength(1);
			const run = await stack.server.getExecution(id);
			expect(nodeJson(run, TRIGGER).map((item) => (item.data as { _id: string })._id)).toEqual([
				badge._id,
			]);
			await stack.server.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		}, 300_000);

		test(`a worker SIGKILLed during a MyPit write: ${n8nMajor >= 2 ? 'the execution ends in error (stalled job not retried), the write was sent once' : 'n8n 1.x re-runs it on the other worker and the write is sent twice'}`, async () => {
			const workflowId = await stack.server.createWorkflow(
				myPitWorkflow(
					{
						resource: 'holder',
						operation: 'create',
						name: 'Crash Test',
						email: 'crash-test@example.com',
						phone: '+1 555 0199',
						holderDid: 'did:example:crash-test',
						externalHolderId: 'crash-test',
					},
					{ credential: stack.credential, name: 'queue: worker killed mid-write' },
				),
			);
			stack.sandbox.control.clearLog();
			// The sandbox holds the request 20 s before it creates the holder: the worker dies meanwhile.
			stack.sandbox.control.injectFault({ path: '/createHolder', kind: 'delay', delayMs: 20_000 });
			const id = await startRun(stack.server, workflowId);
			const deadline = Date.now() + 120_000;
			let victim: QueueWorker | undefined;
			while (!victim || stack.sandbox.control.requestLog().length === 0) {
				if (Date.now() > deadline) throw new Error(`execution ${id} never reached the sandbox`);
				victim = stack.workers.find((worker) => worker.startedExecutions().includes(id));
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			const survivor = stack.workers.find((worker) => worker !== victim)!;
			const killedAt = Date.now();
			await victim.stop('SIGKILL');

			const status = (await waitForStatuses(stack.server, [id], 300_000)).get(id);
			const settledMs = Date.now() - killedAt;
			// Let the delayed write land, and give n8n time to (wrongly) re-run the job if it would.
			await new Promise((resolve) =>
				setTimeout(resolve, Math.max(0, 25_000 - (Date.now() - killedAt))),
			);
			const writes = stack.sandbox.control
				.requestLog()
				.filter((request: LoggedRequest) => request.path === '/createHolder');
			const message = (await stack.server.getExecution(id).catch(() => undefined))?.error?.message;
			console.log(
				`worker ${victim.name} killed during execution ${id}: status ${status} after ${Math.round(settledMs / 1000)} s (${message}); /createHolder sent ${writes.length}×`,
			);

			if (n8nMajor >= 2) {
				// n8n 2.x never retries a stalled job (maxStalledCount 0): main fails the execution.
				expect(status).toBe('error');
				expect(message).toContain(
					'This execution failed to be processed too many times and will no longer retry',
				);
				expect(writes).toHaveLength(1);
				expect(writes[0].status).toBe(200);
				expect(survivor.startedExecutions()).not.toContain(id);
			} else {
				// n8n 1.x retries the stalled job once: the surviving worker runs the execution from the
				// start and the MyPit write is sent a second time (two holders). Measured, not wanted.
				expect(status).toBe('success');
				expect(survivor.startedExecutions()).toContain(id);
				expect(writes).toHaveLength(2);
				expect(writes.map((write) => write.status)).toEqual([200, 200]);
			}

			// n8n keeps working with the surviving worker.
			const next = await stack.server.runWorkflow(
				myPitWorkflow(
					{
						resource: 'holder',
						operation: 'get',
						holderId: { __rl: true, mode: 'id', value: 'hold_missing' },
					},
					{ credential: stack.credential, onError: 'continueRegularOutput' },
				),
				{ timeoutMs: 120_000 },
			);
			expect(next.status).toBe('success');
			expect(survivor.startedExecutions()).toContain(String(next.id ?? next.raw.id));
		}, 600_000);
	},
);
