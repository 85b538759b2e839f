import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readList } from './listReader';
import { timestampOf } from './listOrder';
import type { PollSetup } from './pollSetup';
import { EVENT_SOURCES, type TriggerEvent } from './triggerEvents';

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
export async function manualSample(
	setup: PollSetup,
	event: TriggerEvent,
	now: number,
	aheadMs: number,
	matches: (record: IDataObject) => boolean,
): Promise<IDataObject> {
	const source = EVENT_SOURCES[event];
	const { records } = await readList(
		setup.node,
		setup.client,
		source.endpoint,
		setup.userId,
		undefined,
	);
	const candidates = records.filter(matches);
	let best: { record: IDataObject; score: number } | undefined;
	const consider = (record: IDataObject, score: number | undefined) => {
		if (score !== undefined && (!best || score >= best.score)) best = { record, score };
	};
	for (const record of candidates) {
		if (source.kind === 'new') consider(record, timestampOf(record, source.timestamp));
		else if (source.kind === 'updated') {
			const updatedAt = timestampOf(record, 'updatedAt');
			const createdAt = timestampOf(record, 'createdAt');
			if (updatedAt !== undefined && (createdAt === undefined || updatedAt > createdAt))
				consider(record, updatedAt);
		} else {
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
