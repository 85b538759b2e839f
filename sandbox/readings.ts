/**
 * Readings of the API document: where mypit-open-api.txt leaves an answer's shape open, the
 * sandbox can give each shape on request, for the whole sandbox (start option, CLI flag,
 * /__sandbox/config) or for one account. The routes build one canonical answer; `present`
 * reshapes it on the way out, so the data kept is the same whatever the reading.
 */
import { ControlInputError } from './faults';

export const READING_CHOICES = {
	/** What `details.successful` of an issueBadge answer lists. */
	issueSuccessful: ['recipient-ids', 'badge-ids'],
	/** `issuedBadges` as ID strings, full badge records (with recipientId) or `{_id}` objects. */
	issuedBadges: ['ids', 'objects', 'id-objects'],
	/** When an issueBadge answer carries `details`. */
	issueDetails: ['always', 'unless-success', 'never'],
	/** The cursor of a list's last page (`hasMore: false`): resumes after its last record, null, or no key. */
	lastPageCursor: ['string', 'null', 'absent'],
	/** Create/update/delete of templates and holders: as today, `{_id}` only, or a bare ID string (Convex). */
	writeAnswer: ['record', 'id-object', 'id-string'],
	/** deleteHolder: `{success: true}`, a bare `true`, or `null`. */
	deleteHolderAnswer: ['success', 'true', 'null'],
	/** Records without the fields the document marks optional or a backend may leave out. */
	records: ['full', 'sparse'],
	/** Numbers of records as JSON numbers or as strings (`validityPeriod: "30"`). */
	numbers: ['numbers', 'strings'],
	/** Timestamps in milliseconds or in seconds since 1970: the document only says `number`. */
	timestamps: ['milliseconds', 'seconds'],
	/**
	 * updateBadgeTemplate's `data.updatedAt`: stored as sent, or ignored while the other fields
	 * are applied (the template keeps the updatedAt it had).
	 */
	templateUpdatedAt: ['as-sent', 'kept'],
} as const;

export type Readings = {
	-readonly [K in keyof typeof READING_CHOICES]: (typeof READING_CHOICES)[K][number];
};

export const DEFAULT_READINGS: Readonly<Readings> = Object.freeze({
	issueSuccessful: 'recipient-ids',
	issuedBadges: 'ids',
	issueDetails: 'always',
	lastPageCursor: 'string',
	writeAnswer: 'record',
	deleteHolderAnswer: 'success',
	records: 'full',
	numbers: 'numbers',
	timestamps: 'milliseconds',
	templateUpdatedAt: 'as-sent',
});

/** Checks a partial set of readings; throws a ControlInputError naming the bad key or value. */
export function checkReadings(value: unknown): Partial<Readings> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ControlInputError(
			'readings must be an object such as {"issueSuccessful": "badge-ids"}',
		);
	}
	for (const [key, choice] of Object.entries(value)) {
		if (!Object.prototype.hasOwnProperty.call(READING_CHOICES, key)) {
			throw new ControlInputError(
				`Unknown reading "${key}"; known: ${Object.keys(READING_CHOICES).join(', ')}`,
			);
		}
		const choices = READING_CHOICES[key as keyof Readings] as readonly string[];
		if (!choices.includes(choice as string)) {
			throw new ControlInputError(`Reading "${key}" must be one of ${choices.join(', ')}`);
		}
	}
	return { ...(value as Partial<Readings>) };
}

/** Readings for the whole sandbox plus per-account overrides. */
export class ReadingsRegistry {
	private global: Readings;
	private readonly perAccount = new Map<string, Partial<Readings>>();

	constructor(private readonly initial: Partial<Readings> = {}) {
		this.global = { ...DEFAULT_READINGS, ...checkReadings(initial) };
	}

	set(readings: Partial<Readings>, clientId?: string): void {
		const checked = checkReadings(readings);
		if (clientId === undefined) this.global = { ...this.global, ...checked };
		else this.perAccount.set(clientId, { ...this.perAccount.get(clientId), ...checked });
	}

	get(clientId?: string): Readings {
		return { ...this.global, ...(clientId === undefined ? {} : this.perAccount.get(clientId)) };
	}

	reset(): void {
		this.global = { ...DEFAULT_READINGS, ...this.initial };
		this.perAccount.clear();
	}
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const SPARSE_DROPS = ['imageUrl', 'backgroundColor', 'textColor', 'isActive', 'memo'];
const TIMESTAMP_FIELDS = ['createdAt', 'updatedAt', 'issuedAt', 'expiresAt'];
const NUMERIC_FIELDS = ['validityPeriod', 'price', ...TIMESTAMP_FIELDS];
const WRITE_PATHS = [
	'/createBadgeTemplate',
	'/updateBadgeTemplate',
	'/deleteBadgeTemplate',
	'/createHolder',
	'/updateHolder',
];
const LIST_PATHS = ['/getAllBadgeTemplatesByOwnerId', '/getHolders', '/getIssuedBadges'];

/** Whether records are answered as stored (then they are not copied: lists stay cheap). */
const recordsAsStored = (readings: Readings) =>
	readings.records === 'full' &&
	readings.numbers === 'numbers' &&
	readings.timestamps === 'milliseconds';

/** A timestamp a client sent, as the sandbox keeps it (milliseconds) under the reading in force. */
export function storedTimestamp(value: number, readings: Readings): number {
	return readings.timestamps === 'seconds' ? value * 1000 : value;
}

function presentRecord(record: unknown, readings: Readings): unknown {
	if (!isObject(record) || recordsAsStored(readings)) return record;
	const out: Json = { ...record };
	if (readings.records === 'sparse') for (const field of SPARSE_DROPS) delete out[field];
	if (readings.timestamps === 'seconds') {
		for (const field of TIMESTAMP_FIELDS)
			if (typeof out[field] === 'number') out[field] = Math.floor(out[field] / 1000);
	}
	if (readings.numbers === 'strings') {
		for (const field of NUMERIC_FIELDS)
			if (typeof out[field] === 'number') out[field] = String(out[field]);
	}
	return out;
}

interface CanonicalIssueAnswer {
	issuedBadges: string[];
	status: string;
	details: { successful: string[]; failed: unknown[] };
}

function presentIssueAnswer(
	answer: CanonicalIssueAnswer,
	readings: Readings,
	badgeById: (id: string) => unknown,
): Json {
	const { issuedBadges, status, details } = answer;
	const badges =
		readings.issuedBadges === 'ids'
			? issuedBadges
			: issuedBadges.map((id) =>
					readings.issuedBadges === 'objects'
						? presentRecord(badgeById(id), readings)
						: { _id: id },
				);
	const out: Json = { issuedBadges: badges, status };
	const withDetails =
		readings.issueDetails === 'always' ||
		(readings.issueDetails === 'unless-success' && status !== 'success');
	if (withDetails) {
		out.details = {
			successful: readings.issueSuccessful === 'badge-ids' ? [...issuedBadges] : details.successful,
			failed: details.failed,
		};
	}
	return out;
}

/** Reshapes a successful API answer for the readings in force. */
export function present(
	path: string,
	body: unknown,
	readings: Readings,
	badgeById: (id: string) => unknown,
): unknown {
	if (path === '/issueBadge' && isObject(body))
		return presentIssueAnswer(body as unknown as CanonicalIssueAnswer, readings, badgeById);
	if (path === '/deleteHolder') {
		if (readings.deleteHolderAnswer === 'true') return true;
		return readings.deleteHolderAnswer === 'null' ? null : body;
	}
	if (WRITE_PATHS.includes(path) && isObject(body)) {
		if (readings.writeAnswer === 'id-string') return body._id;
		if (readings.writeAnswer === 'id-object') return { _id: body._id };
	}
	if (LIST_PATHS.includes(path) && isObject(body) && Array.isArray(body.page)) {
		const out: Json = recordsAsStored(readings)
			? { ...body }
			: { ...body, page: body.page.map((record) => presentRecord(record, readings)) };
		if (body.hasMore === false && readings.lastPageCursor !== 'string') {
			if (readings.lastPageCursor === 'null') out.cursor = null;
			else delete out.cursor;
		}
		return out;
	}
	return presentRecord(body, readings);
}
