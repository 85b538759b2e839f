/** Shared helpers of the sandbox contract tests: real HTTP calls with Node's global fetch. */
import type { Account, Sandbox } from '../../sandbox';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Response JSON is inspected freely in tests. */
export type Json = any;

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	body: Json;
}

export interface CallOptions {
	account?: Account | null;
	headers?: Record<string, string>;
	/** Raw text sent as the body instead of JSON.stringify(body). */
	raw?: string;
}

function authHeaders(account: Account | null | undefined): Record<string, string> {
	return account ? { clientId: account.clientId, secretKey: account.secretKey } : {};
}

async function toReply(response: Response): Promise<Reply> {
	const text = await response.text();
	let body: Json;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, headers: response.headers, text, body };
}

/** POST an API endpoint as `options.account` (default: the demo account). */
export async function post(
	sb: Sandbox,
	path: string,
	body?: unknown,
	options: CallOptions = {},
): Promise<Reply> {
	const account = options.account === undefined ? sb.demo : options.account;
	const response = await fetch(`${sb.url}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...authHeaders(account), ...options.headers },
		body: options.raw ?? JSON.stringify(body),
	});
	return toReply(response);
}

/** Any method, for GET /hello and wrong-method checks. */
export async function request(
	sb: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Reply> {
	const account = options.account === undefined ? sb.demo : options.account;
	const response = await fetch(`${sb.url}${path}`, {
		method,
		headers: { ...authHeaders(account), ...options.headers },
		body: options.raw,
	});
	return toReply(response);
}

/** The /__sandbox/ control surface over HTTP (no API credentials). */
export async function control(
	sb: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<Reply> {
	const response = await fetch(`${sb.url}/__sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return toReply(response);
}

/** Expects the standard error body `{error, status}` with the same HTTP status. */
export function expectError(reply: Reply, status: number, message?: string | RegExp): void {
	expect({ status: reply.status, bodyStatus: reply.body?.status }).toEqual({
		status,
		bodyStatus: status,
	});
	expect(typeof reply.body.error).toBe('string');
	expect(Object.keys(reply.body).sort()).toEqual(['error', 'status']);
	if (message !== undefined) expect(reply.body.error).toMatch(message);
}

/** A valid /createBadgeTemplate body. */
export function templateBody(
	userId: string,
	overrides: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		userId,
		imageUrl: 'https://example.com/badge.png',
		typeOfBadge: 'achievement',
		name: 'Course Completion',
		validityPeriod: 365,
		description: 'Awarded for completing the course',
		criteria: 'Complete all modules and pass final exam',
		price: 0,
		...overrides,
	};
}

/** A valid /updateBadgeTemplate `data`. */
export function templateData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		name: 'Renamed',
		type: 'finance',
		description: 'New description',
		criteria: 'New criteria',
		validityPeriod: 30,
		backgroundColor: '#000000',
		textColor: '#EEEEEE',
		price: 12.5,
		updatedAt: 1_700_000_000_000,
		...overrides,
	};
}

/** A valid /createHolder body for `account`. */
export function holderBody(
	account: Account,
	data: Record<string, unknown> = {},
	top: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		issuerDid: account.issuerDid,
		issuerId: account.userId,
		data: {
			name: 'John Doe',
			email: 'john@example.com',
			phone: '+1234567890',
			ownerId: account.userId,
			holderDid: 'did:ethr:0x456',
			holderId: 'holder789',
			...data,
		},
		...top,
	};
}

/** Walks a listing to the end with the given page size, returning every page. */
export async function walk(
	sb: Sandbox,
	path: string,
	userId: string,
	numItems: number,
	account?: Account,
): Promise<Json[]> {
	const pages: Json[] = [];
	let cursor: string | null = null;
	for (let guard = 0; guard < 10_000; guard++) {
		const reply = await post(
			sb,
			path,
			{ userId, paginationOpts: { numItems, cursor } },
			{ account },
		);
		expect(reply.status).toBe(200);
		pages.push(reply.body);
		if (!reply.body.hasMore) return pages;
		cursor = reply.body.cursor;
	}
	throw new Error('listing did not end');
}
