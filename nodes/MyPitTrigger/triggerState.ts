import type { IDataObject } from 'n8n-workflow';

import { isSecondsStamp } from '../MyPit/operations/readableDates';
import type { HighWaterMark, ListOrder } from './listOrder';
import type { TriggerEvent } from './triggerEvents';

/** Where a "new record" event stands in its list. */
export interface ListPosition extends HighWaterMark {
	kind: 'list';
	order: ListOrder;
	/** The last page's cursor of the previous poll, when the list is oldest first. */
	cursor?: string;
}

/** Where an expiry event stands: the previous poll's time and the furthest window end. */
export interface ExpiryPosition {
	kind: 'expiry';
	polledAt: number;
	windowEnd: number;
}

export type Position = ListPosition | ExpiryPosition;

/**
 * Saved in the workflow's static data (JSON). Only ever replaced as a whole at the end of a poll
 * that succeeded, so a failed poll leaves the previous position untouched.
 */
interface TriggerState {
	version: 1;
	event: TriggerEvent;
	position: Position;
}

const STATE_KEY = 'mypitTrigger';

/** The saved state for this event, or undefined on first activation (or after the event changed). */
export function loadState(staticData: IDataObject, event: TriggerEvent): TriggerState | undefined {
	const saved = staticData[STATE_KEY] as TriggerState | undefined;
	if (!saved || typeof saved !== 'object' || saved.version !== 1 || saved.event !== event)
		return undefined;
	const position = saved.position;
	if (!position || typeof position !== 'object') return undefined;
	// JSON has no -Infinity: an empty list's mark comes back as null.
	if (position.kind === 'list' && typeof position.latest !== 'number') {
		return { ...saved, position: { ...position, latest: Number.NEGATIVE_INFINITY } };
	}
	// Saved before timestamps in seconds were read as seconds: the mark is in that unit too.
	if (position.kind === 'list' && position.latest !== 0 && isSecondsStamp(position.latest)) {
		return { ...saved, position: { ...position, latest: position.latest * 1000 } };
	}
	return saved;
}

export function saveState(staticData: IDataObject, state: TriggerState): void {
	// One assignment: n8n marks static data as changed when a key is set.
	staticData[STATE_KEY] = JSON.parse(JSON.stringify(state)) as IDataObject;
}
