import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyRecord } from '../MyPit/operations/simplify';
import {
	pollExpiry,
	pollNewRecords,
	pollUpdatedRecords,
	updatedAtIfEdited,
	type PollOutcome,
} from './eventPolls';
import { preparePoll, readList, type PollSetup } from './pollSetup';
import { EVENT_SOURCES, TRIGGER_EVENTS, type TriggerEvent } from './triggerEvents';
import {
	loadState,
	saveState,
	timestampOf,
	type ExpiryPosition,
	type ListPosition,
	type Position,
} from './triggerState';

/** One poll: the new events since the saved position, which moves only when every read succeeded. */
export async function pollEvent(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = context.getNodeParameter('event', 'badge.issued') as TriggerEvent;
	if (!TRIGGER_EVENTS.includes(event)) {
		throw new NodeOperationError(
			context.getNode(),
			`Invalid "Event": expected one of ${TRIGGER_EVENTS.join(', ')}, got "${String(event)}"`,
		);
	}
	const source = EVENT_SOURCES[event];
	const setup = await preparePoll(context, event);
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const toItem = (record: IDataObject): INodeExecutionData => ({
		json: { event, data: simplify ? simplifyRecord(source.record, record) : record },
	});

	if (context.getMode() === 'manual') return [[toItem(await manualSample(setup, event))]];

	const staticData = context.getWorkflowStaticData('node');
	const saved = loadState(staticData, event)?.position;
	const includeExisting =
		(context.getNodeParameter('options.includeExisting', false) as boolean) === true;
	const listPosition = saved as ListPosition | undefined;
	let outcome: PollOutcome<Position>;
	if (source.kind === 'new') {
		const found = await pollNewRecords(setup, source, listPosition, includeExisting);
		outcome = { ...found, records: found.records.filter(setup.matches) };
	} else if (source.kind === 'updated') {
		outcome = await pollUpdatedRecords(setup, source, listPosition, includeExisting);
	} else {
		outcome = await pollExpiry(setup, source, saved as ExpiryPosition | undefined, includeExisting);
	}

	// Only now, after every read succeeded: a failed poll keeps the previous position. n8n
	// persists it when items are emitted (and after an activation poll); after an empty
	// poll it stays in memory only, and losing it just means reading a little more again.
	saveState(staticData, { version: 1, event, position: outcome.position });
	return outcome.records.length > 0 ? [outcome.records.map(toItem)] : null;
}

const NONE_YET: Record<TriggerEvent, string> = {
	'badge.issued': 'No issued badge matches this trigger yet',
	'holder.created': 'There is no holder yet',
	'template.created': 'There is no template yet',
	'template.updated': 'No template has been updated yet',
	'badge.expiring': 'No badge matching this trigger expires within the given days',
	'badge.expired': 'No badge matching this trigger has expired yet',
};

/**
 * "Fetch Test Event": the most recent record for the event, read without touching the saved
 * position (n8n does not save static data after a manual run either).
 */
async function manualSample(setup: PollSetup, event: TriggerEvent): Promise<IDataObject> {
	const { now, aheadMs } = setup;
	const source = EVENT_SOURCES[event];
	const { records } = await readList(setup, source.endpoint);
	let best: { record: IDataObject; score: number } | undefined;
	const consider = (record: IDataObject, score: number | undefined) => {
		if (score !== undefined && (!best || score >= best.score)) best = { record, score };
	};
	for (const record of records.filter(setup.matches)) {
		if (source.kind === 'new') consider(record, timestampOf(record, source.timestamp));
		else if (source.kind === 'updated') consider(record, updatedAtIfEdited(record));
		else {
			const expiresAt = timestampOf(record, 'expiresAt');
			if (expiresAt === undefined) continue;
			// Expiring: the badge expiring soonest; Expired: the one that expired last.
			if (source.ahead && expiresAt > now && expiresAt <= now + aheadMs)
				consider(record, -expiresAt);
			if (!source.ahead && expiresAt <= now) consider(record, expiresAt);
		}
	}
	if (!best) {
		throw new NodeOperationError(setup.node, NONE_YET[event], {
			description:
				"Create one in MyPit (or change the filters) and fetch the test event again. The trigger's saved position was not changed.",
		});
	}
	return best.record;
}

/**
 * Polls in progress, one key per trigger node of an active workflow. n8n starts a poll on every
 * tick of its Poll Times without awaiting the previous one (n8n-core's ScheduledTaskManager, 1.x
 * and 2.x), so a slow poll could overlap the next over the same static data: a badge fired twice,
 * a position moved back. Pollers run in the main process only (the leader, in queue mode too),
 * so a set in this module sees every poll.
 */
const running = new Set<string>();

/**
 * Runs `poll` unless a poll of the same node is still running: then null at once (nothing sent,
 * the running poll keeps its position). The node is free again when `poll` ends or throws.
 */
export async function pollAlone(
	context: IPollFunctions,
	poll: () => Promise<INodeExecutionData[][] | null>,
): Promise<INodeExecutionData[][] | null> {
	const node = context.getNode();
	// Workflow ID and node ID (the name for workflows saved without node IDs).
	const key = JSON.stringify([context.getWorkflow().id ?? '', node.id ?? node.name]);
	if (running.has(key)) {
		context.logger.warn(
			'MyPit Trigger: the previous poll of this node is still running; this poll is skipped',
			{ workflowId: context.getWorkflow().id, node: node.name },
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
