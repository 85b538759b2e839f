import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * Polls in progress, one key per trigger node of an active workflow. n8n starts a poll on every
 * tick of its Poll Times without waiting for the previous one (n8n-core's ScheduledTaskManager
 * runs a `cron` job whose tick calls the poll and does not await it, in 1.x and 2.x; 2.x's
 * optional durable scheduler abandons a poll after its timeout but leaves it running), so a slow
 * API or a big catch-up can overlap the next tick over the same static data: a badge fired
 * twice, a position moved back. Pollers run in the main process only (in queue mode too: workers
 * never poll; with several mains, only the leader), so a map in this module sees every poll.
 */
const running = new Set<string>();

/** Workflow ID and node ID (the name for workflows saved without node IDs). */
function pollKey(context: IPollFunctions): string {
	const node = context.getNode();
	return JSON.stringify([context.getWorkflow().id ?? '', node.id ?? node.name]);
}

/**
 * Runs `poll` unless a poll of the same node is still running; then returns null at once
 * (nothing to emit, nothing sent, the running poll keeps its position). The node is free again
 * when `poll` ends, whether it succeeded or threw.
 */
export async function pollAlone(
	context: IPollFunctions,
	poll: () => Promise<INodeExecutionData[][] | null>,
): Promise<INodeExecutionData[][] | null> {
	const key = pollKey(context);
	if (running.has(key)) {
		context.logger.warn(
			'MyPit Trigger: the previous poll of this node is still running; this poll is skipped',
			{ workflowId: context.getWorkflow().id, node: context.getNode().name },
		);
		return null;
	}
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}
