import type { MyPitClient } from '../../nodes/MyPit/transport/client';
import { toMyPitApiError } from '../../nodes/MyPit/transport/errors';
import { rejectsCursor } from '../../nodes/MyPit/transport/cursorPager';
import { PROBE_NODE } from './client';
import { describeError, type Finding } from './findings';
import { askedFor, type ListWalk } from './listWalk';
import type { Exchange, RequestLog } from './requestLog';

type Outcome = 'accepted' | 'refused' | 'failed';

/**
 * Whether the first page wants `paginationOpts.cursor` absent or null (`cursor?: string` in the
 * document, `cursor: null` in its example). The walk already sent the node's way (absent, then
 * null after a 400 about the cursor); one more request tries null when the walk did not.
 */
export async function firstCursorFinding(
	client: MyPitClient,
	log: RequestLog,
	walk: ListWalk,
	userId: string,
): Promise<Finding> {
	const reading = "first page's cursor";
	const base = { subject: walk.source.subject, reading };
	const absent = outcomeOf(
		walk.exchanges.filter((e) => !askedFor(e).sent && askedFor(e).cursor === undefined),
	);
	let nullOutcome = outcomeOf(
		walk.exchanges.filter((e) => askedFor(e).sent && askedFor(e).cursor === null),
	);
	let nullError = '';
	if (nullOutcome === undefined) {
		log.step = `${walk.source.subject}: first page with cursor null`;
		nullOutcome = await client
			.request(walk.source.endpoint, { userId, paginationOpts: { numItems: 1, cursor: null } })
			.then(
				(): Outcome => 'accepted',
				(error: unknown): Outcome => {
					nullError = describeError(error);
					return rejectsCursor(error) ? 'refused' : 'failed';
				},
			);
	}
	if (absent === 'accepted' && nullOutcome === 'accepted') {
		return {
			...base,
			value: 'optional',
			observed: 'absent or null: both accepted',
			node: 'omits it, as the document types it (cursor?: string)',
			verdict: 'handled',
		};
	}
	if (absent === 'accepted' && nullOutcome === 'refused') {
		return {
			...base,
			value: 'string-only',
			observed: `absent accepted; null refused (${nullError})`,
			node: 'omits it, so null is never sent',
			verdict: 'handled',
		};
	}
	if (absent === 'refused' && nullOutcome === 'accepted') {
		return {
			...base,
			value: 'null-required',
			observed: 'null required: absent refused with a 400 about the cursor',
			node: 'omits it, gets the 400, and asks once more with cursor: null (one extra request per listing)',
			verdict: 'observation',
		};
	}
	const seen = `absent ${absent ?? 'not answered'}, null ${nullOutcome}${nullError ? ` (${nullError})` : ''}`;
	if (absent === 'failed' || nullOutcome === 'failed') {
		return { ...base, value: null, observed: `not clear: ${seen}`, node: '–', verdict: 'failed' };
	}
	return {
		...base,
		value: 'neither',
		observed: `neither works: ${seen}`,
		node: 'cannot read the first page: Get Many and the MyPit Trigger fail',
		verdict: 'not-handled',
	};
}

/** How MyPit answered one way of sending the cursor (the last attempt counts, after retries). */
function outcomeOf(exchanges: Exchange[]): Outcome | undefined {
	const last = exchanges[exchanges.length - 1];
	if (!last) return undefined;
	if (last.status !== null && last.status >= 200 && last.status < 300) return 'accepted';
	// The error the node made of this answer, read by the node's own test for a cursor refusal.
	const error = toMyPitApiError(
		PROBE_NODE,
		{ status: last.status ?? undefined, body: last.answer, code: last.error },
		{ endpoint: last.path, itemIndex: 0, read: true, attempts: 1 },
	);
	return rejectsCursor(error) ? 'refused' : 'failed';
}
