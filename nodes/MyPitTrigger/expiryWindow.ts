import type { IDataObject } from 'n8n-workflow';

import { latestMsOf } from '../MyPit/operations/readableDates';
import { readFirstPage, readList } from './listReader';
import { timestampOf } from './listOrder';
import type { PollOutcome } from './newRecords';
import type { PollSetup } from './pollSetup';
import type { ExpirySource } from './triggerEvents';
import type { ExpiryPosition } from './triggerState';

export const DAY_MS = 86_400_000;

interface ExpiryWindow {
	/** This poll's time. */
	now: number;
	/** Badge Expiring: now + N days; Badge Expired: now. */
	aheadMs: number;
	/** Keep badges matching the node's filters. */
	matches: (badge: IDataObject) => boolean;
}

/**
 * Fires each badge once, in the first poll whose window holds its `expiresAt`, with no list of
 * fired IDs: a badge fires at poll k when
 *   lower < expiresAt <= now + ahead   (lower: now for Expiring, none for Expired)
 *   issuedAt <= now                    (a badge issued during the read waits for the next poll;
 *                                       issuedAt in whole seconds counts as the end of its second)
 *   and expiresAt > the furthest window end of earlier polls, or issuedAt > the previous poll.
 * A badge that fired at poll j has expiresAt <= windowEnd(j) and issuedAt <= polledAt(j), so no
 * later poll fires it again; a badge not yet fired is due at the first poll that covers it.
 */
export async function pollExpiry(
	setup: PollSetup,
	source: ExpirySource,
	window: ExpiryWindow,
	saved: ExpiryPosition | undefined,
	includeExisting: boolean,
): Promise<PollOutcome<ExpiryPosition>> {
	const { now, aheadMs } = window;
	const end = now + aheadMs;
	const position: ExpiryPosition = {
		kind: 'expiry',
		polledAt: now,
		windowEnd: Math.max(end, saved?.windowEnd ?? end),
	};
	// First activation: from now on, unless existing badges already in the window are wanted.
	if (!saved && !includeExisting) {
		// One request proves the credential and the list work, as n8n's activation poll expects.
		const first = await readFirstPage(setup.node, setup.client, source.endpoint, setup.userId);
		return { records: [], position, requests: first.requests };
	}
	const previous = saved ?? {
		polledAt: Number.NEGATIVE_INFINITY,
		windowEnd: Number.NEGATIVE_INFINITY,
	};
	const read = await readList(setup.node, setup.client, source.endpoint, setup.userId, undefined);
	const due = read.records.filter((badge) => {
		const expiresAt = timestampOf(badge, 'expiresAt');
		// Issued at most this late: a badge dated in whole seconds fires at the first poll after
		// the end of its second, which surely read it.
		const issuedAt = latestMsOf(badge.issuedAt) ?? Number.NEGATIVE_INFINITY;
		if (expiresAt === undefined || expiresAt > end || issuedAt > now) return false;
		if (source.ahead && expiresAt <= now) return false;
		if (!(expiresAt > previous.windowEnd || issuedAt > previous.polledAt)) return false;
		return window.matches(badge);
	});
	due.sort((a, b) => (timestampOf(a, 'expiresAt') ?? 0) - (timestampOf(b, 'expiresAt') ?? 0));
	return { records: due, position, requests: read.requests };
}
