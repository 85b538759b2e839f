/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run demo` and the MyPit Trigger: a copy of example 05 whose "New badge issued" trigger
 * polls every 15 s is activated, a badge is issued in the sandbox, and the demo waits until n8n
 * has started exactly one execution for it (bounded: it says so and fails when nothing fires).
 */
import { nodeJson, type N8nRun } from '../n8n';
import type { ExampleNode, ExampleWorkflow } from './examples';
import type { ImportedExample, Stack } from './stack';

export const MYPIT_TRIGGER_NODE_TYPE = 'n8n-nodes-mypit.myPitTrigger';

/**
 * n8n refuses sub-minute crons, so "every 15 s" is four Custom Poll Times, each once a minute at
 * its own second (the e2e tests poll the same way). The UI's shortest preset is Every Minute.
 */
export const EVERY_15_SECONDS = {
	item: [0, 15, 30, 45].map((second) => ({
		mode: 'custom',
		cronExpression: `${second} * * * * *`,
	})),
};
export const DEMO_POLL_INTERVAL_MS = 15_000;
/** Activation to first execution: one poll interval plus n8n's own start-up of the run. */
const FIRE_TIMEOUT_MS = 60_000;
const ACTIVATION_TIMEOUT_MS = 30_000;
const LIST_PATHS = new Set(['/getIssuedBadges', '/getHolders', '/getAllBadgeTemplatesByOwnerId']);

export interface TriggerDemo {
	ok: boolean;
	lines: string[];
	error?: string;
	/** The workflow copy that was activated. */
	workflowId?: string;
	executionId?: string;
	badgeId?: string;
	durationMs: number;
}

interface ExecutionRow {
	id: string;
	mode: string;
	status?: string;
	finished?: boolean;
	startedAt?: string;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The example's badge.issued trigger, or undefined when it has none. */
export function badgeIssuedTrigger(workflow: ExampleWorkflow): ExampleNode | undefined {
	return workflow.nodes.find(
		(node) => node.type === MYPIT_TRIGGER_NODE_TYPE && node.parameters.event === 'badge.issued',
	);
}

/** The example with its badge trigger polling every 15 s; the other trigger keeps its own times. */
export function fastPollingCopy(example: ImportedExample, trigger: string): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(example.workflow)) as ExampleWorkflow;
	copy.name = `${example.workflow.name} [demo: polls every 15 s]`;
	copy.settings = {
		...copy.settings,
		saveDataSuccessExecution: 'all',
		saveDataErrorExecution: 'all',
	};
	for (const node of copy.nodes) {
		if (node.name === trigger)
			node.parameters = { ...node.parameters, pollTimes: EVERY_15_SECONDS };
	}
	delete (copy as { id?: string }).id;
	return copy;
}

/** Whether the sandbox answered at least `count` list reads (each trigger's activation poll). */
async function activationPollsAnswered(
	stack: Stack,
	count: number,
	timeoutMs: number,
): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const answered = stack.sandbox.control
			.requestLog()
			.filter((request) => LIST_PATHS.has(request.path) && request.status !== 0).length;
		if (answered >= count) return true;
		if (Date.now() > deadline) return false;
		await sleep(100);
	}
}

/** Executions n8n's triggers started for a workflow (not manual runs), oldest first. */
async function triggeredExecutions(stack: Stack, workflowId: string): Promise<ExecutionRow[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const listing = await stack.server.rest<{ results: ExecutionRow[] }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=100`,
	);
	return listing.results
		.filter((row) => row.mode === 'trigger')
		.sort((a, b) => Number(a.id) - Number(b.id));
}

async function finishedRun(stack: Stack, row: ExecutionRow, deadline: number): Promise<N8nRun> {
	for (;;) {
		const run = await stack.server.getExecution(row.id);
		if ((run.finished || FINISHED.has(run.status)) && Object.keys(run.runData).length > 0)
			return run;
		if (Date.now() > deadline) throw new Error(`execution ${row.id} did not finish in time`);
		await sleep(250);
	}
}

/** What the trigger gave an execution: its event and record ID (empty when the node did not run). */
function firedRecords(run: N8nRun, trigger: string): Array<{ event: string; id: string }> {
	if (!run.runData[trigger]) return [];
	return nodeJson(run, trigger).map((item) => ({
		event: String(item.event),
		id: String((item.data as { _id?: unknown } | undefined)?._id),
	}));
}

export async function runTriggerDemo(stack: Stack, example: ImportedExample): Promise<TriggerDemo> {
	const started = Date.now();
	const lines: string[] = [];
	const result = (ok: boolean, extra: Partial<TriggerDemo> = {}): TriggerDemo => ({
		ok,
		lines,
		durationMs: Date.now() - started,
		...extra,
	});
	const trigger = badgeIssuedTrigger(example.workflow);
	if (!trigger) return result(false, { error: 'the example has no New Issued Badge trigger' });

	const copy = fastPollingCopy(example, trigger.name);
	for (const node of copy.nodes)
		if (node.credentials?.myPitApi) node.credentials.myPitApi = stack.credential;
	const project = await stack.server.rest<{ id: string }>('GET', '/rest/projects/personal');
	const workflowId = await stack.server.createWorkflow({ ...copy, projectId: project.id });
	const stored = await stack.server.rest<{ versionId: string }>(
		'GET',
		`/rest/workflows/${workflowId}`,
	);
	// Activation polls each trigger once: it starts from now, the demo badges fire nothing.
	stack.sandbox.control.clearLog();
	const activating = Date.now();
	await stack.server.rest('POST', `/rest/workflows/${workflowId}/activate`, {
		versionId: stored.versionId,
	});
	try {
		// n8n may answer the activation before those first polls have read MyPit: a badge issued
		// meanwhile would count as existing. Wait until each trigger's first read was answered.
		const triggers = copy.nodes.filter((node) => node.type === MYPIT_TRIGGER_NODE_TYPE).length;
		if (!(await activationPollsAnswered(stack, triggers, ACTIVATION_TIMEOUT_MS))) {
			return result(false, {
				workflowId,
				error: `n8n activated the workflow but its ${triggers} MyPit Trigger(s) did not all poll within ${seconds(ACTIVATION_TIMEOUT_MS)}`,
			});
		}
		lines.push(
			`Activated a copy whose "${trigger.name}" trigger polls every 15 s (first polls done in ${seconds(Date.now() - activating)})`,
		);
		const holder = stack.demoData.holders[0];
		const template = stack.demoData.templates[0];
		// As if issued from MyPit's own screens: straight into the sandbox, not through n8n.
		const [badge] = stack.sandbox.control.seedBadges(stack.sandbox.demo.userId, 1, {
			templateId: template._id,
			recipientIds: [holder._id],
		});
		const issuedAt = Date.now();
		lines.push(`Badge ${badge._id} issued in MyPit: "${template.name}" for ${holder.name}`);

		const deadline = issuedAt + FIRE_TIMEOUT_MS;
		let rows: ExecutionRow[] = [];
		while ((rows = await triggeredExecutions(stack, workflowId)).length === 0) {
			if (Date.now() > deadline) {
				return result(false, {
					workflowId,
					badgeId: badge._id,
					error: `the MyPit Trigger started no execution within ${seconds(FIRE_TIMEOUT_MS)} of the badge being issued`,
				});
			}
			await sleep(500);
		}
		const run = await finishedRun(stack, rows[0], deadline + 30_000);
		const finishedMs = Date.now() - issuedAt;
		const fired = firedRecords(run, trigger.name);
		lines.push(
			`MyPit Trigger fired: event ${fired.map((entry) => entry.event).join(', ') || 'none'}, badge ${fired.map((entry) => entry.id).join(', ') || 'none'} → execution ${rows[0].id} (${run.status}), ${seconds(finishedMs)} after the badge was issued`,
		);
		const message = run.runData['Congratulations message']
			? nodeJson(run, 'Congratulations message')[0]
			: undefined;
		if (message)
			lines.push(`Congratulations message: to ${String(message.to)}, "${String(message.subject)}"`);

		// One more poll interval: the same badge must not start a second execution.
		await sleep(DEMO_POLL_INTERVAL_MS + 2_000);
		const after = await triggeredExecutions(stack, workflowId);
		lines.push(
			after.length === 1
				? `Exactly one execution for it: nothing more in the next poll interval`
				: `${after.length} executions started (${after.map((row) => row.id).join(', ')})`,
		);
		const fine =
			after.length === 1 &&
			run.status === 'success' &&
			fired.length === 1 &&
			fired[0].id === badge._id &&
			fired[0].event === 'badge.issued';
		return result(fine, {
			workflowId,
			badgeId: badge._id,
			executionId: rows[0].id,
			error: fine
				? undefined
				: `expected one successful execution for badge ${badge._id}, got ${after.length} (${run.status}) with ${JSON.stringify(fired)}`,
		});
	} finally {
		// Nothing polls while the stack stops.
		await stack.server
			.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {})
			.catch(() => undefined);
	}
}
