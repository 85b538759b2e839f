import type { OffDocument } from './offDocument';
import type { Readings } from './readings';

/**
 * Public types of the MyPit sandbox: the records it stores, its options and its control surface.
 * Record shapes follow the MyPit OPEN API document (mypit-open-api.txt) field for field.
 */
import type { InFlightReport } from './load';
import type { ListShape } from './listShape';

export const BADGE_TYPES = ['mobility', 'achievement', 'healthcare', 'finance'] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];

/** API credentials plus the identity they act as. */
export interface Account {
	clientId: string;
	secretKey: string;
	userId: string;
	issuerDid: string;
}

export interface Template {
	_id: string;
	name: string;
	type: BadgeType;
	description: string;
	criteria: string;
	validityPeriod: number;
	imageUrl?: string;
	backgroundColor: string;
	textColor: string;
	price: number;
	isActive: boolean;
	ownerId: string;
	createdAt: number;
	updatedAt: number;
}

export interface Holder {
	_id: string;
	name: string;
	email: string;
	phone: string;
	ownerId: string;
	holderDid: string;
	issuerDid: string;
	holderId: string;
	memo?: string;
	createdAt: number;
}

export interface IssuedBadge {
	_id: string;
	templateId: string;
	recipientId: string;
	issuerId: string;
	issuedAt: number;
	expiresAt: number;
	status: string;
	type: BadgeType;
	badgeData: unknown;
	validityPeriod: number;
}

/** Convex-style page returned by the three list endpoints. */
export interface PageResult<T> {
	page: T[];
	hasMore: boolean;
	cursor: string;
}

export interface SandboxOptions {
	/** 0 = random free port (default 0). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Maximum number of items the server puts in one page (default 1000). */
	pageCap?: number;
	/** Register the demo account (default true). */
	seedDemo?: boolean;
	/** Do not print anything (the library itself never prints; the CLI does). */
	quiet?: boolean;
	/** How answers the API document leaves open are shaped (see readings.ts; default today's). */
	readings?: Partial<Readings>;
	/** Milliseconds added to every API request before it is handled (default 0; reset goes back to it). */
	latencyMs?: number;
}

export type PaginationBehaviour =
	'normal' | 'repeat-cursor' | 'empty-pages' | 'cycle-cursor' | 'scattered-empty-pages';
export const PAGINATION_BEHAVIOURS: readonly PaginationBehaviour[] = [
	'normal',
	'repeat-cursor',
	'empty-pages',
	'cycle-cursor',
	'scattered-empty-pages',
];

export type CursorRule = 'optional' | 'null-required' | 'string-only';
export const CURSOR_RULES: readonly CursorRule[] = ['optional', 'null-required', 'string-only'];

export type FaultKind = 'status' | 'delay' | 'drop' | 'truncate' | 'non-json';
export const FAULT_KINDS: readonly FaultKind[] = [
	'status',
	'delay',
	'drop',
	'truncate',
	'non-json',
];

export interface Fault {
	/** API path such as '/getHolders', or '*' for every API path. */
	path: string;
	kind: FaultKind;
	/** For 'status': 429, 500, 502, 503, 504, ... (default 500). */
	status?: number;
	/** Seconds; adds a Retry-After header to a 'status' fault. */
	retryAfter?: number;
	/** Error text of a 'status' fault (default depends on the status). */
	message?: string;
	/** For 'delay' (default 1000). */
	delayMs?: number;
	/** How many matching requests the fault affects (default 1). */
	times?: number;
	/** Let this many matching requests pass untouched first (default 0). */
	skip?: number;
	/** For 'drop' / 'truncate' / 'status' / 'non-json': perform the real operation first, then misbehave. */
	afterProcessing?: boolean;
}

export interface LoggedRequest {
	seq: number;
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, or the raw text when it is not valid JSON, or undefined when there was no body. */
	body: unknown;
	/** Status sent to the client; 0 when the connection was dropped without a response. */
	status: number;
	/** Epoch milliseconds at which the request arrived. */
	at: number;
	/** Kind of the injected fault that affected this request, if any. */
	fault?: FaultKind;
}

export interface SeedBadgeOptions {
	/** Template to issue from (default: the owner's first template, created if there is none). */
	templateId?: string;
	/** Recipients, cycled through (default: the owner's holders, up to 100 seeded if there are none). */
	recipientIds?: string[];
	/** Days until expiry of badge i (may be negative for already expired badges). */
	expiresInDays?: (i: number) => number;
	/**
	 * Days since badge i was issued (0 or more; never after it expires). Default: today, or for a
	 * badge that has already expired one template validity period before its expiry.
	 */
	issuedDaysAgo?: (i: number) => number;
}

/** What a seeded holder may set; the rest is generated (name, email, … numbered). */
export type SeedHolderDetails = Partial<Omit<Holder, '_id' | 'ownerId' | 'issuerDid'>>;

export interface SandboxConfig {
	pageCap: number;
	paginationBehaviour: PaginationBehaviour;
	cursorRule: CursorRule;
}

export interface SandboxControl {
	createAccount(partial?: Partial<Account>): Account;
	/**
	 * Shuts an account: its requests answer 401 from now on (its records stay). Test fixtures
	 * shut a finished test's account, so an execution that outlived its test stops at its next
	 * request (n8n-core gives a declarative node no cancel signal).
	 */
	closeAccount(clientId: string): void;
	seedTemplates(userId: string, count: number, overrides?: Partial<Template>): Template[];
	/** `details(i)` sets fields of holder i, `createdAt` included (default: generated, created now). */
	seedHolders(userId: string, count: number, details?: (i: number) => SeedHolderDetails): Holder[];
	seedBadges(userId: string, count: number, opts?: SeedBadgeOptions): IssuedBadge[];
	setPageCap(cap: number): void;
	setPaginationBehaviour(b: PaginationBehaviour): void;
	setCursorRule(rule: CursorRule): void;
	/** Order of listed records (see listShape.ts); reset restores it. The last page's cursor is the reading `lastPageCursor`. */
	setListShape(shape: Partial<ListShape>): void;
	getListShape(): ListShape;
	injectFault(fault: Fault): void;
	clearFaults(): void;
	requestLog(): LoggedRequest[];
	clearLog(): void;
	reset(): void;
	/** Current page cap, pagination behaviour and cursor rule (extension, not in the brief's list). */
	getConfig(): SandboxConfig;
	/** Faults still queued, with their remaining times/skip (extension, not in the brief's list). */
	pendingFaults(): Fault[];
	/** Sets readings for the whole sandbox, or for one account's clientId. */
	setReadings(readings: Partial<Readings>, clientId?: string): void;
	/** Readings in force for the sandbox, or for one account. */
	getReadings(clientId?: string): Readings;
	/** Answers outside the API document (offDocument.ts), for the whole sandbox or one account. */
	setOffDocument(switches: Partial<OffDocument>, clientId?: string): void;
	/** Off-document switches in force for the sandbox, or for one account. */
	getOffDocument(clientId?: string): OffDocument;
	/** Most API requests seen in flight at once, overall and per clientId (see load.ts). */
	inFlight(): InFlightReport;
	/** Starts the in-flight maxima again (reset() does too). */
	resetInFlight(): void;
	/** Milliseconds added to every API request; 0 = none. */
	setLatency(ms: number): void;
	getLatency(): number;
}

export interface Sandbox {
	/** Base URL without trailing slash, e.g. http://127.0.0.1:43123 */
	url: string;
	demo: Account;
	control: SandboxControl;
	close(): Promise<void>;
}
