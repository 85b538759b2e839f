import type { IDataObject } from 'n8n-workflow';

import type { MyPitClient } from '../../nodes/MyPit/transport/client';
import type { ListOrder } from '../../nodes/MyPitTrigger/triggerState';
import { rejectsCursor } from '../../nodes/MyPit/transport/cursorPager';
import { readList } from '../../nodes/MyPitTrigger/pollSetup';
import { PROBE_NODE } from './client';
import { describeError, failedStep, type Finding } from './findings';
import type { ListSource } from './listSources';

export interface ResumeCheck {
	source: ListSource;
	/** IDs the walk read. */
	seen: ReadonlySet<string>;
	/** IDs created since the walk (--write); empty: right after the walk. */
	created: ReadonlySet<string>;
	order: ListOrder;
}

/** Right after the walk, and again after --write added a record (two rows of the table). */
const readingOf = (check: ResumeCheck) =>
	check.created.size === 0
		? "reading on from the last page's cursor"
		: 'reading on from that cursor after --write added a record';

/** One read from a saved cursor, as the MyPit Trigger's idle poll makes it (its own `readList`). */
export type ReadOn = { records: IDataObject[] } | { error: unknown };

export async function readOn(
	client: MyPitClient,
	source: ListSource,
	userId: string,
	cursor: string,
): Promise<ReadOn> {
	const reader = { node: PROBE_NODE, client, userId };
	return await readList(reader, source.endpoint, cursor, () => false).then(
		(read) => ({ records: read.records }),
		(error: unknown) => ({ error }),
	);
}

/**
 * What the idle poll found: right after the walk nothing should come; after --write created
 * records, exactly those, unless the list is newest first.
 */
export function resumeFinding(check: ResumeCheck, read: ReadOn): Finding {
	const subject = check.source.subject;
	const base = { subject, reading: readingOf(check) };
	if ('error' in read) {
		if (rejectsCursor(read.error)) {
			return {
				...base,
				value: 'refused',
				observed: `the cursor is refused later: ${describeError(read.error)}`,
				node: 'the MyPit Trigger drops it and reads the whole list at every poll',
				verdict: 'observation',
			};
		}
		return failedStep(subject, base.reading, read.error);
	}
	const ids = read.records.map((record) => String(record._id));
	const old = ids.filter((id) => check.seen.has(id));
	const fresh = ids.filter((id) => !check.seen.has(id));
	if (old.length > 0) {
		return {
			...base,
			value: 'restarts',
			observed: `returns ${old.length} record(s) read before it`,
			node: 'the MyPit Trigger takes every record after its saved cursor as new: these would fire again',
			verdict: 'not-handled',
		};
	}
	if (check.created.size === 0) {
		return {
			...base,
			value: fresh.length === 0 ? 'resumes' : 'resumes-with-others',
			observed:
				fresh.length === 0
					? 'an empty last page: nothing after the last record (--write shows where new records land)'
					: `${fresh.length} record(s) the walk had not seen (created meanwhile?)`,
			node: 'an idle poll of the MyPit Trigger costs one request',
			verdict: fresh.length === 0 ? 'handled' : 'observation',
		};
	}
	const missing = [...check.created].filter((id) => !fresh.includes(id));
	if (missing.length === 0) {
		return {
			...base,
			value: 'resumes',
			observed: `exactly the ${fresh.length} record(s) created since`,
			node: 'the MyPit Trigger finds new records with one request per poll',
			verdict: fresh.length === check.created.size ? 'handled' : 'observation',
		};
	}
	if (fresh.length === 0 && check.order !== 'oldest-first') {
		return {
			...base,
			value: 'nothing-new',
			observed: `nothing: the record(s) created since are not after it${check.order === 'newest-first' ? ' (the list is newest first)' : ''}`,
			node:
				check.order === 'newest-first'
					? 'the MyPit Trigger reads a newest-first list from the top, not from this cursor'
					: 'the MyPit Trigger, the order not yet known, also reads the top and finds them there by their timestamps',
			verdict: 'observation',
		};
	}
	return {
		...base,
		value: 'misses-new',
		observed: `${missing.length} record(s) created since are not after it`,
		node: 'the MyPit Trigger reads only after its cursor in an oldest-first list: it would miss them',
		verdict: 'not-handled',
	};
}
