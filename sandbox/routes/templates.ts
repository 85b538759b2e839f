/** Badge template endpoints: create, list, get, update, delete. */
import { storedTimestamp } from '../readings';
import { createTemplateBody, templateRefBody, updateTemplateBodyFor } from '../schemas';
import type { SandboxState } from '../state';
import { parseBody } from '../validate';
import { ok, requireSelf, type Route } from './common';
import { listRoute, recordRoute, type RecordRef } from './ownedRecords';

const templates = (state: SandboxState) => state.store.templates;
/** Every template endpoint names the caller `userId` and the template `templateId`. */
const ref = <B extends { userId: string; templateId: string }>(
	schema: RecordRef<B>['schema'],
): RecordRef<B> => ({ schema, owner: 'userId', id: 'templateId' });

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

	'/getAllBadgeTemplatesByOwnerId': listRoute(templates, 't'),

	'/getASingleBadgeTemplate': recordRoute('template', templates, ref(templateRefBody), (entry) => ({
		...entry.doc,
	})),

	'/updateBadgeTemplate': recordRoute(
		'template',
		templates,
		// Under the "sparse" reading a template may lack its colours, so an update may omit them.
		ref((state, clientId) =>
			updateTemplateBodyFor(state.readings.get(clientId).records === 'sparse'),
		),
		(entry, b, state, clientId) => {
			const readings = state.readings.get(clientId);
			const updatedAt =
				readings.templateUpdatedAt === 'kept'
					? entry.doc.updatedAt
					: storedTimestamp(b.data.updatedAt, readings);
			state.store.updateTemplate(entry.doc._id, { ...b.data, updatedAt });
			return { _id: entry.doc._id };
		},
	),

	'/deleteBadgeTemplate': recordRoute(
		'template',
		templates,
		ref(templateRefBody),
		(entry, _b, state) => {
			state.store.templates.remove(entry.doc._id);
			return { _id: entry.doc._id };
		},
	),
};
