import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyRecord } from '../MyPit/operations/simplify';
import { DAY_MS, pollExpiry } from './expiryWindow';
import { manualSample } from './manualSample';
import { pollNewRecords, pollUpdatedRecords, type PollOutcome } from './newRecords';
import { badgeFilter, preparePoll } from './pollSetup';
import { EVENT_SOURCES, TRIGGER_EVENTS, isBadgeEvent, type TriggerEvent } from './triggerEvents';
import {
	loadState,
	saveState,
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
	const setup = await preparePoll(context);
	const matches = isBadgeEvent(event) ? badgeFilter(context) : () => true;
	const aheadMs =
		event === 'badge.expiring' ? (context.getNodeParameter('daysAhead', 7) as number) * DAY_MS : 0;
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const toItem = (record: IDataObject): INodeExecutionData => ({
		json: { event, data: simplify ? simplifyRecord(source.record, record) : record },
	});
	const now = Date.now();

	if (context.getMode() === 'manual') {
		return [[toItem(await manualSample(setup, event, now, aheadMs, matches))]];
	}

	const staticData = context.getWorkflowStaticData('node');
	const saved = loadState(staticData, event)?.position;
	const includeExisting =
		(context.getNodeParameter('options.includeExisting', false) as boolean) === true;
	let outcome: PollOutcome<Position>;
	if (source.kind === 'new') {
		const found = await pollNewRecords(
			setup,
			source,
			saved as ListPosition | undefined,
			includeExisting,
		);
		outcome = { ...found, records: found.records.filter(matches) };
	} else if (source.kind === 'updated') {
		outcome = await pollUpdatedRecords(
			setup,
			source,
			saved as ListPosition | undefined,
			includeExisting,
		);
	} else {
		outcome = await pollExpiry(
			setup,
			source,
			{ now, aheadMs, matches },
			saved as ExpiryPosition | undefined,
			includeExisting,
		);
	}

	// Only now, after every read succeeded: a failed poll keeps the previous position. n8n
	// persists it when items are emitted (and after an activation poll); after an empty
	// poll it stays in memory only, and losing it just means reading a little more again.
	saveState(staticData, { version: 1, event, position: outcome.position });
	return outcome.records.length > 0 ? [outcome.records.map(toItem)] : null;
}
