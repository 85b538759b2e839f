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
	type SeedHolderDetails,
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

/** `details(i)` sets fields of holder i, `createdAt` among them; the rest is numbered. */
export function seedHolders(
	store: Store,
	userId: string,
	count: number,
	details?: (i: number) => SeedHolderDetails,
): Holder[] {
	checkSeed(userId, count);
	const issuerDid = store.issuerDidOf(userId);
	const out: Holder[] = new Array(count);
	const base = store.holders.ownedBy(userId).length;
	const now = Date.now();
	for (let i = 0; i < count; i++) {
		const n = base + i + 1;
		const { createdAt = now, ...fields } = details?.(i) ?? {};
		if (typeof createdAt !== 'number' || !Number.isFinite(createdAt) || createdAt > now)
			throw new ControlInputError('a seeded holder is created at a time up to now');
		out[i] = store.createHolder(
			userId,
			{
				name: `Seed Holder ${n}`,
				email: `holder${n}@example.com`,
				phone: `+1555${String(n).padStart(7, '0')}`,
				holderDid: `did:mypit:holder-${userId}-${n}`,
				issuerDid,
				holderId: `ext-holder-${n}`,
				...fields,
			},
			createdAt,
		);
	}
	return out;
}

/**
 * Issues `count` badges as `userId` from `opts.templateId` (default: the owner's first template,
 * one is seeded if there is none) to `opts.recipientIds` cycled (default: the owner's holders,
 * up to 100 are seeded if there are none). `expiresInDays(i)` sets expiresAt of badge i and
 * `issuedDaysAgo(i)` its issuedAt (see `issueDaysAgo`); validityPeriod is the days between them.
 * A badge whose expiry is not in the future gets status "expired".
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
	const now = Date.now();
	for (let i = 0; i < count; i++) {
		const days = opts.expiresInDays ? opts.expiresInDays(i) : template.validityPeriod;
		if (typeof days !== 'number' || !Number.isFinite(days))
			throw new ControlInputError('expiresInDays must return a number');
		const ago = issueDaysAgo(days, template.validityPeriod, opts.issuedDaysAgo?.(i));
		out[i] = store.addBadge(userId, {
			templateId: template._id,
			recipientId: recipients[i % recipients.length],
			type: template.type,
			badgeData: { seeded: true, index: i },
			validityPeriod: ago + days,
			issuedAt: now - ago * DAY_MS,
			expiresAt: now + days * DAY_MS,
		});
	}
	return out;
}

/**
 * How many days ago a seeded badge that expires in `expiresInDays` was issued: as asked, else
 * today, or for a badge that has already expired one validity period of its template before its
 * expiry. A badge is never issued in the future, nor after it expires.
 */
function issueDaysAgo(expiresInDays: number, validityPeriod: number, asked?: number): number {
	if (asked === undefined)
		return expiresInDays < 0 ? Math.max(0, validityPeriod) - expiresInDays : 0;
	if (typeof asked !== 'number' || !Number.isFinite(asked) || asked < 0)
		throw new ControlInputError('issuedDaysAgo must return a number of days, 0 or more');
	if (asked + expiresInDays < 0)
		throw new ControlInputError(
			`a badge cannot expire before it is issued (issued ${asked} days ago, expired ${-expiresInDays} days ago)`,
		);
	return asked;
}
