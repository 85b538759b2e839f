/**
 * Answers outside the API document: shapes no reading of mypit-open-api.txt allows, for clients
 * that must notice them (`npm run probe` reports each as not handled). Unlike the readings
 * (readings.ts), these are not what a faithful MyPit could answer. They reshape the answer the
 * readings produced, on the way out; the default is the documented shape.
 */
import { ControlInputError } from './faults';

export const OFF_DOCUMENT_CHOICES = {
	/** Lists carry their records under `items` instead of the documented `page`. */
	listPage: ['page', 'items'],
	/** `hasMore` as the text "true" / "false" instead of a boolean. */
	hasMore: ['boolean', 'text'],
	/** Timestamps (createdAt, updatedAt, issuedAt, expiresAt) as ISO 8601 text. */
	timestamps: ['numbers', 'iso'],
} as const;

export type OffDocument = {
	-readonly [K in keyof typeof OFF_DOCUMENT_CHOICES]: (typeof OFF_DOCUMENT_CHOICES)[K][number];
};

export const DOCUMENTED: Readonly<OffDocument> = Object.freeze({
	listPage: 'page',
	hasMore: 'boolean',
	timestamps: 'numbers',
});

/** Checks a partial set of switches; throws a ControlInputError naming the bad key or value. */
export function checkOffDocument(value: unknown): Partial<OffDocument> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ControlInputError(
			'off-document switches must be an object such as {"listPage": "items"}',
		);
	}
	for (const [key, choice] of Object.entries(value)) {
		if (!Object.prototype.hasOwnProperty.call(OFF_DOCUMENT_CHOICES, key)) {
			throw new ControlInputError(
				`Unknown off-document switch "${key}"; known: ${Object.keys(OFF_DOCUMENT_CHOICES).join(', ')}`,
			);
		}
		const choices = OFF_DOCUMENT_CHOICES[key as keyof OffDocument] as readonly string[];
		if (!choices.includes(choice as string)) {
			throw new ControlInputError(
				`Off-document switch "${key}" must be one of ${choices.join(', ')}`,
			);
		}
	}
	return { ...(value as Partial<OffDocument>) };
}

/** Switches for the whole sandbox plus per-account overrides; reset goes back to the document. */
export class OffDocumentRegistry {
	private global: OffDocument = { ...DOCUMENTED };
	private readonly perAccount = new Map<string, Partial<OffDocument>>();

	set(switches: Partial<OffDocument>, clientId?: string): void {
		const checked = checkOffDocument(switches);
		if (clientId === undefined) this.global = { ...this.global, ...checked };
		else this.perAccount.set(clientId, { ...this.perAccount.get(clientId), ...checked });
	}

	get(clientId?: string): OffDocument {
		return { ...this.global, ...(clientId === undefined ? {} : this.perAccount.get(clientId)) };
	}

	reset(): void {
		this.global = { ...DOCUMENTED };
		this.perAccount.clear();
	}
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const TIMESTAMP_FIELDS = ['createdAt', 'updatedAt', 'issuedAt', 'expiresAt'];

/** A record's timestamps as ISO text (numbers given as text under the `numbers` reading too). */
function isoRecord(record: unknown): unknown {
	if (!isObject(record)) return record;
	const out: Json = { ...record };
	for (const field of TIMESTAMP_FIELDS) {
		const value = out[field];
		const ms = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
		if (typeof ms === 'number' && Number.isFinite(ms)) out[field] = new Date(ms).toISOString();
	}
	return out;
}

/** Reshapes an answer (already shaped by the readings) for the switches in force. */
export function offDocumentAnswer(body: unknown, switches: OffDocument): unknown {
	if (
		switches.listPage === DOCUMENTED.listPage &&
		switches.hasMore === DOCUMENTED.hasMore &&
		switches.timestamps === DOCUMENTED.timestamps
	) {
		return body;
	}
	if (!isObject(body)) return body;
	const isList = Array.isArray(body.page) && 'hasMore' in body;
	if (!isList) return switches.timestamps === 'iso' ? isoRecord(body) : body;
	const out: Json = { ...body };
	const page = switches.timestamps === 'iso' ? (body.page as unknown[]).map(isoRecord) : body.page;
	if (switches.listPage === 'items') {
		delete out.page;
		out.items = page;
	} else out.page = page;
	if (switches.hasMore === 'text') out.hasMore = String(body.hasMore);
	return out;
}
