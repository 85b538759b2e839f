/** Badge template endpoints: create, list, get, update, delete. */
import { paginate } from '../pagination';
import { createTemplateBody, listBodyFor, templateRefBody, updateTemplateBodyFor } from '../schemas';
import { parseBody } from '../validate';
import { loadOwned, ok, requireSelf, type Route } from './common';

export const templateRoutes: Record<string, Route> = {
	'/createBadgeTemplate': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(createTemplateBody, body);
			requireSelf(account, 'userId', b.userId);
			const template = state.store.createTemplate(b.userId, {
				name: b.name,
				type: b.typeOfBadge,
				description: b.description,
				criteria: b.criteria,
				validityPeriod: b.validityPeriod,
				imageUrl: b.imageUrl,
				price: b.price,
			});
			return ok(template);
		},
	},

	'/getAllBadgeTemplatesByOwnerId': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(listBodyFor(state.config.cursorRule), body);
			requireSelf(account, 'userId', b.userId);
			return ok(paginate(state.store.templates, 't', b.userId, b.paginationOpts, state.pagination()));
		},
	},

	'/getASingleBadgeTemplate': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(templateRefBody, body);
			requireSelf(account, 'userId', b.userId);
			const entry = loadOwned(state.store.templates, b.templateId, b.userId, 'template');
			return ok({ ...entry.doc });
		},
	},

	'/updateBadgeTemplate': {
		method: 'POST',
		handle({ account, body, state }) {
			const sparse = state.readings.get(account.clientId).records === 'sparse';
			const b = parseBody(updateTemplateBodyFor(sparse), body);
			requireSelf(account, 'userId', b.userId);
			const entry = loadOwned(state.store.templates, b.templateId, b.userId, 'template');
			state.store.updateTemplate(entry.doc._id, b.data);
			return ok({ _id: entry.doc._id });
		},
	},

	'/deleteBadgeTemplate': {
		method: 'POST',
		handle({ account, body, state }) {
			const b = parseBody(templateRefBody, body);
			requireSelf(account, 'userId', b.userId);
			const entry = loadOwned(state.store.templates, b.templateId, b.userId, 'template');
			state.store.templates.remove(entry.doc._id);
			return ok({ _id: entry.doc._id });
		},
	},
};
