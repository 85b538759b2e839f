import type { IDataObject } from 'n8n-workflow';

import type { Endpoint } from '../../nodes/MyPit/transport/endpoints';
import { readList } from '../../nodes/MyPitTrigger/pollSetup';
import { PROBE_NODE } from './client';
import type { ProbeContext } from './context';
import { MAX_LARGE_PAGES } from './listWalk';

/**
 * Looks a record up in its list (the trigger's `readList`, large pages, stopping when found):
 * a create whose answer named no ID, or that failed after it may have happened.
 */
export async function findRecord(
	ctx: ProbeContext,
	endpoint: Endpoint,
	matches: (record: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
	let pages = 0;
	let found: IDataObject | undefined;
	const reader = { node: PROBE_NODE, client: ctx.client, userId: ctx.account.userId };
	await readList(reader, endpoint, undefined, (page) => {
		found ??= page.find(matches);
		return found === undefined && ++pages < MAX_LARGE_PAGES;
	}).then((read) => {
		found ??= read.records.find(matches);
	});
	return found;
}
