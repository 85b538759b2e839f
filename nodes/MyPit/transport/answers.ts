import type { Endpoint } from './endpoints';

/** An ID as a backend writes one: no spaces or markup, so an HTML page is never taken for one. */
const BARE_ID = /^[^\s<>{}"']{1,200}$/;

/**
 * Brings the bare answers the document allows to the endpoint's documented shape (`answer` in
 * ENDPOINTS): a bare ID string becomes `{_id}`, a bare `true` or empty (`null`) answer `{success: true}`.
 * Anything else is returned unchanged for the JSON check.
 */
export function documentedAnswer(endpoint: Endpoint, answer: unknown): unknown {
	if (endpoint.answer === 'id' && typeof answer === 'string' && BARE_ID.test(answer)) {
		return { _id: answer };
	}
	if (
		endpoint.answer === 'success' &&
		(answer === true || answer === false || answer === null || answer === '')
	) {
		return { success: answer !== false };
	}
	return answer;
}
