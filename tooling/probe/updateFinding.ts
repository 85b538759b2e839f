import type { IDataObject } from 'n8n-workflow';

import { epochMsOf } from '../../nodes/MyPit/operations/readableDates';
import type { Finding } from './findings';

/** A timestamp as milliseconds: a number or numeric text as the node reads it, or ISO text. */
function millis(value: unknown): number | undefined {
	const epoch = epochMsOf(value);
	if (epoch !== undefined) return epoch;
	const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * What a full-data update did: whether it took, and what became of the `updatedAt` the node
 * sends (the MyPit Trigger's Template Updated fires when updatedAt moves past createdAt).
 */
export function updateFinding(before: IDataObject, sent: IDataObject, after: IDataObject): Finding {
	const base = { subject: 'template.write', reading: 'update (full data)' };
	if (after.name !== sent.name) {
		return {
			...base,
			value: 'not-applied',
			observed: 'answered, but reading the template back shows the old name',
			node: 'Update Template would report a change that did not happen',
			verdict: 'not-handled',
		};
	}
	const now = millis(after.updatedAt);
	if (now !== undefined && now === millis(sent.updatedAt)) {
		return {
			...base,
			value: 'as-sent',
			observed: 'applied; updatedAt kept as the node sent it',
			node: "Update Template sends every field and the run's time as updatedAt; Template Updated sees it",
			verdict: 'handled',
		};
	}
	if (now === undefined || now === millis(before.updatedAt)) {
		return {
			...base,
			value: 'kept',
			observed: `applied; updatedAt did not move (${JSON.stringify(after.updatedAt)})`,
			node: 'the MyPit Trigger’s Template Updated waits for updatedAt to move: it would not fire',
			verdict: 'not-handled',
		};
	}
	return {
		...base,
		value: 'set-by-mypit',
		observed: "applied; updatedAt set by MyPit, not the node's",
		node: "Template Updated uses MyPit's updatedAt",
		verdict: 'observation',
	};
}
