/** Badge issuance and the issued-badge listing. */
import { paginate } from '../pagination';
import { listBodyFor, issueBadgeBody } from '../schemas';
import { DAY_MS } from '../store';
import { parseBody } from '../validate';
import { loadOwned, ok, requireSelf, type Route } from './common';

const HOLDER_NOT_FOUND = 'Holder not found';
const HOLDER_OF_ANOTHER_OWNER = 'Insufficient permissions: this holder belongs to another owner';

interface IssueBadgeResponse {
	issuedBadges: string[];
	status: 'success' | 'partial' | 'failed';
	details: { successful: string[]; failed: { recipientId: string; error: string }[] };
}

export const badgeRoutes: Record<string, Route> = {
	'/issueBadge': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(issueBadgeBody, body);
			requireSelf(account, 'userId', b.userId);
			const template = loadOwned(state.store.templates, b.templateId, b.userId, 'template').doc;

			const issuedAt = Date.now();
			const expiresAt = issuedAt + b.validityPeriod * DAY_MS;
			const result: IssueBadgeResponse = {
				issuedBadges: [],
				status: 'failed',
				details: { successful: [], failed: [] },
			};
			for (const recipientId of b.recipientIds) {
				const holder = state.store.holders.get(recipientId);
				if (!holder) {
					result.details.failed.push({ recipientId, error: HOLDER_NOT_FOUND });
					continue;
				}
				if (holder.owner !== b.userId) {
					result.details.failed.push({ recipientId, error: HOLDER_OF_ANOTHER_OWNER });
					continue;
				}
				const badge = state.store.addBadge(b.userId, {
					templateId: template._id,
					recipientId,
					type: b.type,
					badgeData: b.badgeData,
					validityPeriod: b.validityPeriod,
					issuedAt,
					expiresAt,
				});
				result.issuedBadges.push(badge._id);
				result.details.successful.push(recipientId);
			}
			const failed = result.details.failed.length;
			result.status =
				failed === 0 ? 'success' : result.issuedBadges.length === 0 ? 'failed' : 'partial';
			return ok(result);
		},
	},

	'/getIssuedBadges': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(listBodyFor(state.config.cursorRule), body);
			requireSelf(account, 'userId', b.userId);
			return ok(paginate(state.store.badges, 'b', b.userId, b.paginationOpts, state.pagination()));
		},
	},
};
