/**
 * The MyPit OPEN API endpoints this node uses: one entry per endpoint, shared by the routing in
 * the descriptions and by the helper requests (lookups before update and issue, list search).
 * `read` endpoints change nothing, so a failed read may be sent again; a write may not, since
 * the server may have acted on it before the failure. `answer` is the shape the document gives
 * the answer (documentedAnswer brings the bare forms a backend may send to it):
 * - `record`: one record; `page`: `{page, hasMore, cursor}`; `issue`: the issue outcome;
 *   `hello`: the greeting;
 * - `id`: `{_id}` or the record, which a Convex-style backend may send as the bare ID string;
 * - `success`: `{success}`, which a backend may send as a bare `true` or nothing (`null`).
 */
interface EndpointSpec {
	method: 'GET' | 'POST';
	path: string;
	read: boolean;
	answer: 'hello' | 'record' | 'page' | 'issue' | 'id' | 'success';
}

export const ENDPOINTS = {
	hello: { method: 'GET', path: '/hello', read: true, answer: 'hello' },
	createTemplate: { method: 'POST', path: '/createBadgeTemplate', read: false, answer: 'id' },
	listTemplates: {
		method: 'POST',
		path: '/getAllBadgeTemplatesByOwnerId',
		read: true,
		answer: 'page',
	},
	getTemplate: { method: 'POST', path: '/getASingleBadgeTemplate', read: true, answer: 'record' },
	updateTemplate: { method: 'POST', path: '/updateBadgeTemplate', read: false, answer: 'id' },
	deleteTemplate: { method: 'POST', path: '/deleteBadgeTemplate', read: false, answer: 'id' },
	createHolder: { method: 'POST', path: '/createHolder', read: false, answer: 'id' },
	updateHolder: { method: 'POST', path: '/updateHolder', read: false, answer: 'id' },
	deleteHolder: { method: 'POST', path: '/deleteHolder', read: false, answer: 'success' },
	getHolder: { method: 'POST', path: '/getHolderById', read: true, answer: 'record' },
	listHolders: { method: 'POST', path: '/getHolders', read: true, answer: 'page' },
	issueBadge: { method: 'POST', path: '/issueBadge', read: false, answer: 'issue' },
	listIssuedBadges: { method: 'POST', path: '/getIssuedBadges', read: true, answer: 'page' },
} as const satisfies Record<string, EndpointSpec>;

export type Endpoint = (typeof ENDPOINTS)[keyof typeof ENDPOINTS];

/** An ID as a backend writes one: no spaces or markup, so an HTML page is never taken for one. */
const BARE_ID = /^[^\s<>{}"']{1,200}$/;

/** A bare answer (see `answer` above) in its documented shape; anything else as it is. */
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

export const BADGE_TYPES = ['achievement', 'finance', 'healthcare', 'mobility'] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];
