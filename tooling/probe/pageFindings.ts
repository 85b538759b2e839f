import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, PageGuard } from '../../nodes/MyPit/transport/cursorPager';
import type { Finding } from './findings';
import { answeredPages, askedFor, type ListWalk } from './listWalk';
import { betweenPages } from './pageSequence';

/**
 * What one list's pages showed: where the records are, `hasMore`, how pages follow each other,
 * how large they are and what the last page carries as its cursor.
 */
export function pageFindings(walk: ListWalk): Finding[] {
	const pages = answeredPages(walk.exchanges) as IDataObject[];
	const subject = walk.source.subject;
	if (pages.length === 0) return [];
	return [
		recordsKey(subject, pages),
		hasMoreFinding(subject, pages, walk.reachedEnd),
		betweenPages(walk),
		pageSize(walk),
		lastPageCursor(walk),
	];
}

function recordsKey(subject: string, pages: IDataObject[]): Finding {
	const reading = 'records of a page';
	// The node's own page reader decides; read as a last page, its only complaint is the records.
	const problemOf = (page: IDataObject) =>
		new PageGuard().read({ ...page, hasMore: false }).problem;
	const refused = pages.find((page) => problemOf(page) !== undefined);
	if (refused) {
		return {
			subject,
			reading,
			value: 'no-page',
			observed: `no "page" list; the answer's keys: ${Object.keys(refused).join(', ') || 'none'}`,
			node: `Get Many and the MyPit Trigger stop: MyPit ${problemOf(refused) ?? ''}`,
			verdict: 'not-handled',
		};
	}
	return {
		subject,
		reading,
		value: 'page',
		observed: 'a "page" list, as documented',
		node: 'reads it',
		verdict: 'handled',
	};
}

function hasMoreFinding(subject: string, pages: IDataObject[], reachedEnd: boolean): Finding {
	const reading = 'hasMore';
	const odd = pages.find((page) => page.hasMore !== undefined && typeof page.hasMore !== 'boolean');
	if (odd) {
		return {
			subject,
			reading,
			value: typeof odd.hasMore === 'string' ? 'text' : typeof odd.hasMore,
			observed: `not a boolean: ${JSON.stringify(odd.hasMore)}`,
			node: 'only the boolean true reads on: Get Many ends after this page and leaves the rest out without an error',
			verdict: 'not-handled',
		};
	}
	const last = pages[pages.length - 1];
	if (!reachedEnd) {
		return {
			subject,
			reading,
			value: 'boolean',
			observed: 'true while more follow (the last page was not reached)',
			node: 'reads on while it is true',
			verdict: 'handled',
		};
	}
	const onLast =
		last.hasMore === undefined
			? 'absent on the last page'
			: `${String(last.hasMore)} on the last page`;
	const more = pages.length > 1 ? 'true while more follow, ' : '';
	return {
		subject,
		reading,
		value: last.hasMore === undefined ? 'absent-at-end' : 'boolean',
		observed: `${more}${onLast}`,
		node: 'reads on while it is true; anything else ends the list',
		verdict: last.hasMore === undefined ? 'observation' : 'handled',
	};
}

/** A page shorter than asked while more follow: the server's own page limit. */
function pageSize(walk: ListWalk): Finding {
	const subject = walk.source.subject;
	const reading = 'records per page';
	if (walk.failure) {
		return {
			subject,
			reading,
			value: null,
			observed: 'not clear: the walk was stopped',
			node: '–',
			verdict: 'not-observed',
		};
	}
	const answered = walk.exchanges.filter(
		(e) => e.status !== null && e.status >= 200 && e.status < 300,
	);
	const shapes = answered.map((e) => {
		const answer = (e.answer ?? {}) as IDataObject;
		return {
			asked: askedFor(e).numItems ?? 0,
			got: Array.isArray(answer.page) ? answer.page.length : 0,
			more: answer.hasMore === true,
		};
	});
	const short = shapes.filter((shape) => shape.more && shape.got > 0 && shape.got < shape.asked);
	if (short.length > 0) {
		const cap = Math.max(...short.map((shape) => shape.got));
		return {
			subject,
			reading,
			value: `cap-${cap}`,
			observed: `at most ${cap} a page: asked for ${short[0].asked}, got ${short[0].got} with more to come`,
			node: 'reads on while hasMore is true, whatever the page size',
			verdict: 'observation',
		};
	}
	const full = shapes.filter((shape) => shape.more && shape.got === shape.asked);
	if (full.length === 0) {
		return {
			subject,
			reading,
			value: null,
			observed: 'no page was followed by more',
			node: '–',
			verdict: 'not-observed',
		};
	}
	return {
		subject,
		reading,
		value: 'as-asked',
		observed: `as many as asked (up to ${Math.max(...full.map((shape) => shape.asked))} seen)`,
		node: `asks for what is missing, up to ${MAX_PAGE_SIZE.toLocaleString('en')} a page`,
		verdict: 'handled',
	};
}

function lastPageCursor(walk: ListWalk): Finding {
	const subject = walk.source.subject;
	const reading = "last page's cursor";
	if (!walk.lastPage) {
		return {
			subject,
			reading,
			value: null,
			observed: 'the last page was not reached',
			node: '–',
			verdict: 'not-observed',
		};
	}
	const page = walk.lastPage as IDataObject;
	const resumes =
		'Get Many ends on hasMore; the MyPit Trigger keeps this cursor and reads on from it at the next poll';
	const fromStart =
		'Get Many ends on hasMore; the MyPit Trigger reads the list from the start at every poll';
	if (!('cursor' in page)) {
		return {
			subject,
			reading,
			value: 'absent',
			observed: 'no cursor key',
			node: fromStart,
			verdict: 'handled',
		};
	}
	if (page.cursor === null) {
		return {
			subject,
			reading,
			value: 'null',
			observed: 'cursor: null',
			node: fromStart,
			verdict: 'handled',
		};
	}
	if (typeof page.cursor === 'string' && page.cursor !== '') {
		return {
			subject,
			reading,
			value: 'string',
			observed: 'a cursor string',
			node: resumes,
			verdict: 'handled',
		};
	}
	return {
		subject,
		reading,
		value: page.cursor === '' ? 'empty-string' : typeof page.cursor,
		observed: `cursor: ${JSON.stringify(page.cursor)}`,
		node: `${fromStart} (read as no cursor)`,
		verdict: 'observation',
	};
}
