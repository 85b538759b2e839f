/**
 * The MyPit OPEN API endpoints this node uses: one entry per endpoint, shared by the routing in
 * the descriptions and by the helper requests (lookups before update and issue, list search).
 * `read` endpoints change nothing, so a failed read may be sent again; a write may not, since
 * the server may have acted on it before the failure.
 */
export const ENDPOINTS = {
	hello: { method: 'GET', path: '/hello', read: true },
	createTemplate: { method: 'POST', path: '/createBadgeTemplate', read: false },
	listTemplates: { method: 'POST', path: '/getAllBadgeTemplatesByOwnerId', read: true },
	getTemplate: { method: 'POST', path: '/getASingleBadgeTemplate', read: true },
	updateTemplate: { method: 'POST', path: '/updateBadgeTemplate', read: false },
	deleteTemplate: { method: 'POST', path: '/deleteBadgeTemplate', read: false },
	createHolder: { method: 'POST', path: '/createHolder', read: false },
	updateHolder: { method: 'POST', path: '/updateHolder', read: false },
	deleteHolder: { method: 'POST', path: '/deleteHolder', read: false },
	getHolder: { method: 'POST', path: '/getHolderById', read: true },
	listHolders: { method: 'POST', path: '/getHolders', read: true },
	issueBadge: { method: 'POST', path: '/issueBadge', read: false },
	listIssuedBadges: { method: 'POST', path: '/getIssuedBadges', read: true },
} as const;

type EndpointName = keyof typeof ENDPOINTS;
export type Endpoint = (typeof ENDPOINTS)[EndpointName];

export const BADGE_TYPES = ['achievement', 'finance', 'healthcare', 'mobility'] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];
