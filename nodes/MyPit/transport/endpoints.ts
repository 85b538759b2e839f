/**
 * The MyPit OPEN API endpoints this node uses: one entry per endpoint, shared by the routing in
 * the descriptions and by the helper requests (lookups before update and issue, list search).
 */
export const ENDPOINTS = {
	hello: { method: 'GET', path: '/hello' },
	createTemplate: { method: 'POST', path: '/createBadgeTemplate' },
	listTemplates: { method: 'POST', path: '/getAllBadgeTemplatesByOwnerId' },
	getTemplate: { method: 'POST', path: '/getASingleBadgeTemplate' },
	updateTemplate: { method: 'POST', path: '/updateBadgeTemplate' },
	deleteTemplate: { method: 'POST', path: '/deleteBadgeTemplate' },
	createHolder: { method: 'POST', path: '/createHolder' },
	updateHolder: { method: 'POST', path: '/updateHolder' },
	deleteHolder: { method: 'POST', path: '/deleteHolder' },
	getHolder: { method: 'POST', path: '/getHolderById' },
	listHolders: { method: 'POST', path: '/getHolders' },
	issueBadge: { method: 'POST', path: '/issueBadge' },
	listIssuedBadges: { method: 'POST', path: '/getIssuedBadges' },
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
export type Endpoint = (typeof ENDPOINTS)[EndpointName];

export const BADGE_TYPES = ['achievement', 'finance', 'healthcare', 'mobility'] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];
