/**
 * In-memory data of the sandbox: accounts, badge templates, holders and issued badges.
 * Plain data operations only; permission checks live in the routes.
 */
import { OwnedCollection } from './collection';
import { newId } from './ids';
import type { Account, BadgeType, Holder, IssuedBadge, Template } from './types';

export const DAY_MS = 86_400_000;
const DEFAULT_BACKGROUND_COLOR = '#1E3A8A';
const DEFAULT_TEXT_COLOR = '#FFFFFF';

interface NewTemplate {
	name: string;
	type: BadgeType;
	description: string;
	criteria: string;
	validityPeriod: number;
	imageUrl?: string;
	backgroundColor?: string;
	textColor?: string;
	price: number;
}

type TemplateChanges = Partial<Omit<Template, '_id' | 'ownerId' | 'createdAt'>>;

interface NewHolder {
	name: string;
	email: string;
	phone: string;
	holderDid: string;
	issuerDid: string;
	holderId: string;
	memo?: string;
}

interface NewBadge {
	templateId: string;
	recipientId: string;
	type: BadgeType;
	badgeData: unknown;
	validityPeriod: number;
	issuedAt: number;
	expiresAt: number;
}

export class Store {
	readonly accounts = new Map<string, Account>();
	readonly templates = new OwnedCollection<Template>();
	readonly holders = new OwnedCollection<Holder>();
	readonly badges = new OwnedCollection<IssuedBadge>();
	private seq = 0;

	/** Store-wide creation counter; every record gets the next value. */
	nextSeq(): number {
		this.seq += 1;
		return this.seq;
	}

	addAccount(account: Account): Account {
		if (this.accounts.has(account.clientId)) {
			throw new Error(`An account with clientId "${account.clientId}" already exists`);
		}
		this.accounts.set(account.clientId, { ...account });
		return { ...account };
	}

	findAccount(clientId: string): Account | undefined {
		return this.accounts.get(clientId);
	}

	/** An issuer DID for an owner: the one of an account with that userId, else a derived one. */
	issuerDidOf(userId: string): string {
		for (const account of this.accounts.values()) {
			if (account.userId === userId) return account.issuerDid;
		}
		return `did:mypit:${userId}`;
	}

	createTemplate(ownerId: string, input: NewTemplate, now = Date.now()): Template {
		const seq = this.nextSeq();
		const template: Template = {
			_id: newId('tmpl', seq),
			name: input.name,
			type: input.type,
			description: input.description,
			criteria: input.criteria,
			validityPeriod: input.validityPeriod,
			...(input.imageUrl === undefined ? {} : { imageUrl: input.imageUrl }),
			backgroundColor: input.backgroundColor ?? DEFAULT_BACKGROUND_COLOR,
			textColor: input.textColor ?? DEFAULT_TEXT_COLOR,
			price: input.price,
			isActive: true,
			ownerId,
			createdAt: now,
			updatedAt: now,
		};
		this.templates.insert(ownerId, seq, template);
		return { ...template };
	}

	updateTemplate(id: string, changes: TemplateChanges): void {
		const entry = this.templates.get(id);
		if (!entry) throw new Error(`No template ${id}`);
		Object.assign(entry.doc, changes);
	}

	createHolder(ownerId: string, input: NewHolder, now = Date.now()): Holder {
		const seq = this.nextSeq();
		const holder: Holder = {
			_id: newId('hold', seq),
			name: input.name,
			email: input.email,
			phone: input.phone,
			ownerId,
			holderDid: input.holderDid,
			issuerDid: input.issuerDid,
			holderId: input.holderId,
			...(input.memo === undefined ? {} : { memo: input.memo }),
			createdAt: now,
		};
		this.holders.insert(ownerId, seq, holder);
		return { ...holder };
	}

	updateHolder(id: string, changes: Pick<Holder, 'name' | 'email' | 'phone'>): void {
		const entry = this.holders.get(id);
		if (!entry) throw new Error(`No holder ${id}`);
		Object.assign(entry.doc, changes);
	}

	addBadge(issuerId: string, input: NewBadge): IssuedBadge {
		const seq = this.nextSeq();
		const badge: IssuedBadge = {
			_id: newId('badge', seq),
			templateId: input.templateId,
			recipientId: input.recipientId,
			issuerId,
			issuedAt: input.issuedAt,
			expiresAt: input.expiresAt,
			// Expired once its expiry has passed (a seeded badge may be issued in the past).
			status: input.expiresAt <= Math.max(input.issuedAt, Date.now()) ? 'expired' : 'active',
			type: input.type,
			badgeData: input.badgeData,
			validityPeriod: input.validityPeriod,
		};
		this.badges.insert(issuerId, seq, badge);
		return { ...badge };
	}

	/** Drops every record and account (the sequence keeps growing so old cursors stay harmless). */
	clear(): void {
		this.accounts.clear();
		this.templates.clear();
		this.holders.clear();
		this.badges.clear();
	}
}
