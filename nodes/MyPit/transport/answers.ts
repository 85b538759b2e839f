import type { Endpoint } from './endpoints';

/** Writes whose documented answer is `{_id}`; a Convex-style backend may answer the bare ID. */
const ID_ANSWER_PATHS: readonly string[] = [
	'/createBadgeTemplate',
	'/updateBadgeTemplate',
	'/deleteBadgeTemplate',
	'/createHolder',
	'/updateHolder',
];

/** An ID as a backend writes one: no spaces or markup, so an HTML page is never taken for one. */
const BARE_ID = /^[^\s<>{}"']{1,200}$/;

/**
 * Brings the bare answers the document allows to its documented object shape: a bare ID string
 * becomes `{_id}`, and deleteHolder's `true` or empty (`null`) answer becomes `{success: true}`.
 * Anything else is returned unchanged for the JSON check.
 */
export function documentedAnswer(endpoint: Endpoint, answer: unknown): unknown {
	if (
		ID_ANSWER_PATHS.includes(endpoint.path) &&
		typeof answer === 'string' &&
		BARE_ID.test(answer)
	) {
		return { _id: answer };
	}
	if (
		endpoint.path === '/deleteHolder' &&
		(answer === true || answer === false || answer === null || answer === '')
	) {
		return { success: answer !== false };
	}
	return answer;
}
