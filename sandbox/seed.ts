/**
 * Bulk generators behind the control surface's seed operations. Cheap per record (no crypto),
 * so 100,000 holders take well under a second.
 */
import { ControlInputError } from './faults';
import { DAY_MS, type Store } from './store';
import {
	BADGE_TYPES,
	type Holder,
	type IssuedBadge,
	type SeedBadgeOptions,
	type Template,
} from './types';

const MAX_SEED = 1_000_000;

function checkSeed(userId: unknown, count: unknown): void {
	if (typeof userId !== 'string' || userId.trim() === '')
		throw new ControlInputError('userId must be a non-empty string');
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_SEED) {
		throw new ControlInputError(`count must be an integer between 0 and ${MAX_SEED}`);
	}
}

/** `overrides` apply to every template except `_id` and `ownerId`. */
export function seedTemplates(
	store: Store,
	userId: string,
	count: number,
	overrides: Partial<Template> = {},
): Template[] {
	checkSeed(userId, count);
	const rest: Partial<Template> = { ...overrides };
	delete rest._id;
	delete rest.ownerId;
	const out: Template[] = [];
	const now = Date.now();
	for (let i = 0; i < count; i++) {
		const n = store.templates.ownedBy(userId).length + 1;
		const template = store.createTemplate(
			userId,
			{
				name: `Seed template ${n}`,
				type: BADGE_TYPES[i % BADGE_TYPES.length],
				description: `Seeded badge template number ${n}`,
				criteria: 'Seeded by the MyPit sandbox',
				validityPeriod: 365,
				imageUrl: `https://example.com/badges/${n}.png`,
				price: 0,
			},
			now,
		);
		if (Object.keys(rest).length > 0) store.updateTemplate(template._id, rest);
		out.push({ ...template, ...rest });
	}
	return out;
}

export function seedHolders(store: Store, userId: string, count: number): Holder[] {
	checkSeed(userId, count);
	const issuerDid = store.issuerDidOf(userId);
	const out: Holder[] = new Array(count);
	const base = store.holders.ownedBy(userId).length;
	const now = Date.now();
	for (let i = 0; i < count; i++) {
		const n = base + i + 1;
		out[i] = store.createHolder(
			userId,
			{
				name: `Seed Holder ${n}`,
				email: `holder${n}@example.com`,
				phone: `+1555${String(n).padStart(7, '0')}`,
				holderDid: `did:mypit:holder-${userId}-${n}`,
				issuerDid,
				holderId: `ext-holder-${n}`,
			},
			now,
		);
	}
	return out;
}

/**
 * Issues `count` badges as `userId` from `opts.templateId` (default: the owner's first template,
 * one is seeded if there is none) to `opts.recipientIds` cycled (default: the owner's holders,
 * up to 100 are seeded if there are none). `expiresInDays(i)` sets validityPeriod and expiresAt
 * of badge i; a badge whose expiry is not in the future gets status "expired".
 */
export function seedBadges(
	store: Store,
	userId: string,
	count: number,
	opts: SeedBadgeOptions = {},
): IssuedBadge[] {
	checkSeed(userId, count);
	let template: Template | undefined;
	if (opts.templateId !== undefined) {
		const entry = store.templates.get(opts.templateId);
		if (!entry || entry.owner !== userId)
			throw new ControlInputError(`template ${opts.templateId} is not a template of ${userId}`);
		template = entry.doc;
	} else {
		template = store.templates.ownedBy(userId)[0]?.doc ?? seedTemplates(store, userId, 1)[0];
	}

	let recipients: string[];
	if (opts.recipientIds !== undefined) {
		if (!Array.isArray(opts.recipientIds) || opts.recipientIds.length === 0) {
			throw new ControlInputError('recipientIds must be a non-empty array');
		}
		for (const id of opts.recipientIds) {
			const entry = typeof id === 'string' ? store.holders.get(id) : undefined;
			if (!entry || entry.owner !== userId)
				throw new ControlInputError(`recipient ${String(id)} is not a holder of ${userId}`);
		}
		recipients = opts.recipientIds;
	} else {
		recipients = store.holders.ownedBy(userId).map((entry) => entry.doc._id);
		if (recipients.length === 0 && count > 0) {
			recipients = seedHolders(store, userId, Math.min(count, 100)).map((holder) => holder._id);
		}
	}

	const out: IssuedBadge[] = new Array(count);
	const issuedAt = Date.now();
	for (let i = 0; i < count; i++) {
		const days = opts.expiresInDays ? opts.expiresInDays(i) : template.validityPeriod;
		if (typeof days !== 'number' || !Number.isFinite(days))
			throw new ControlInputError('expiresInDays must return a number');
		out[i] = store.addBadge(userId, {
			templateId: template._id,
			recipientId: recipients[i % recipients.length],
			type: template.type,
			badgeData: { seeded: true, index: i },
			validityPeriod: days,
			issuedAt,
			expiresAt: issuedAt + days * DAY_MS,
		});
	}
	return out;
}
