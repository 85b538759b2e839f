import type { IDataObject } from 'n8n-workflow';

import { MAX_EMPTY_PAGES_IN_A_ROW } from '../../nodes/MyPit/transport/cursorPager';
import { describeError, type Finding } from './findings';
import { askedFor, type ListWalk } from './listWalk';

/** How the pages of one listing follow each other: the sandbox's pagination behaviours by name. */
export function betweenPages(walk: ListWalk): Finding {
	const subject = walk.source.subject;
	const reading = 'from page to page';
	const steps = walk.exchanges
		.filter((e) => e.status !== null && e.status >= 200 && e.status < 300)
		.map((e) => ({ sent: askedFor(e).cursor, answer: (e.answer ?? {}) as IDataObject }));
	const list = (step: (typeof steps)[number]) =>
		Array.isArray(step.answer.page) ? (step.answer.page as unknown[]) : [];
	const more = steps.filter((step) => step.answer.hasMore === true);
	const cursors = more.map((step) => step.answer.cursor);
	const stopped = walk.failure
		? `the node stops the listing: "${describeError(walk.failure)}"`
		: '';

	if (more.some((step) => typeof step.answer.cursor !== 'string' || step.answer.cursor === '')) {
		return {
			subject,
			reading,
			value: 'no-cursor',
			observed: 'hasMore true without a cursor',
			node: stopped || 'stops',
			verdict: 'not-handled',
		};
	}
	let emptyRun = 0;
	let longestEmptyRun = 0;
	for (const step of steps) {
		emptyRun = step.answer.hasMore === true && list(step).length === 0 ? emptyRun + 1 : 0;
		longestEmptyRun = Math.max(longestEmptyRun, emptyRun);
	}
	if (longestEmptyRun >= MAX_EMPTY_PAGES_IN_A_ROW) {
		return {
			subject,
			reading,
			value: 'empty-pages',
			observed: `${longestEmptyRun} empty pages in a row, each with hasMore true and a new cursor`,
			node: stopped || 'stops',
			verdict: 'not-handled',
		};
	}
	const repeated = cursors.findIndex((cursor, index) => cursors.indexOf(cursor) !== index);
	if (repeated !== -1) {
		const same = cursors.every((cursor) => cursor === cursors[0]);
		return {
			subject,
			reading,
			value: same ? 'repeat-cursor' : 'cycle-cursor',
			observed: same
				? "every page hands back the first page's cursor, with hasMore true"
				: 'cursors come round again (a cycle), with hasMore true',
			node: stopped || 'stops',
			verdict: 'not-handled',
		};
	}
	if (steps.every((step) => !Array.isArray(step.answer.page))) {
		return {
			subject,
			reading,
			value: null,
			observed: 'no pages to follow (see the records row)',
			node: '–',
			verdict: 'not-observed',
		};
	}
	if (walk.failure) {
		return {
			subject,
			reading,
			value: null,
			observed: `not seen: the walk stopped (${describeError(walk.failure)})`,
			node: '–',
			verdict: 'failed',
		};
	}
	if (steps.length < 2) {
		return {
			subject,
			reading,
			value: null,
			observed: walk.reachedEnd
				? 'one page held the whole list'
				: 'not seen: the walk ended after one page (see hasMore)',
			node: '–',
			verdict: 'not-observed',
		};
	}
	if (longestEmptyRun > 0) {
		return {
			subject,
			reading,
			value: 'scattered-empty-pages',
			observed: 'empty pages with hasMore true between the real ones; their cursors lead on',
			node: `reads on: only ${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row stop a listing`,
			verdict: 'observation',
		};
	}
	return {
		subject,
		reading,
		value: 'normal',
		observed: `${steps.length} pages, each with a new cursor while hasMore is true`,
		node: 'follows the cursors to the last page',
		verdict: 'handled',
	};
}
