import type { IDataObject } from 'n8n-workflow';

import { detectOrder, timestampOf } from '../../nodes/MyPitTrigger/triggerState';
import type { Finding } from './findings';
import type { ListSource } from './listSources';

/** The list's order as the MyPit Trigger reads it: by the timestamps, with its own detectOrder. */
export function orderFinding(source: ListSource, records: readonly IDataObject[]): Finding {
	const subject = source.subject;
	const reading = 'order';
	const field = source.timestamp;
	if (records.length < 2) {
		return {
			subject,
			reading,
			value: null,
			observed: `${records.length} record(s): no order to see`,
			node: '–',
			verdict: 'not-observed',
		};
	}
	const order = detectOrder([...records], field);
	if (order === 'oldest-first') {
		return {
			subject,
			reading,
			value: order,
			observed: `oldest first by ${field} (${records.length} records)`,
			node: 'the MyPit Trigger reads on from its saved cursor: one request when nothing is new',
			verdict: 'handled',
		};
	}
	if (order === 'newest-first') {
		return {
			subject,
			reading,
			value: order,
			observed: `newest first by ${field} (${records.length} records)`,
			node: 'the MyPit Trigger reads from the top and stops at the first record it saw before',
			verdict: 'handled',
		};
	}
	const stamps = records.map((record) => timestampOf(record, field));
	const why = stamps.some((stamp) => stamp === undefined)
		? `${field} is not a number on every record (see the timestamps row)`
		: stamps.every((stamp) => stamp === stamps[0])
			? `all ${records.length} records have the same ${field}`
			: `${field} goes up and down`;
	return {
		subject,
		reading,
		value: 'unknown',
		observed: `not shown by the timestamps: ${why}`,
		node: 'the MyPit Trigger reads on from its cursor and from the top until the order shows',
		verdict: 'observation',
	};
}
