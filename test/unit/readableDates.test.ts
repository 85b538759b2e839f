import {
	DATE_FIELDS,
	datesInSeconds,
	epochMsOf,
	latestMsOf,
	updatedAtFor,
	isoFieldOf,
	isoFromEpochMs,
	withReadableDates,
} from '../../nodes/MyPit/operations/readableDates';

const MARCH_3 = Date.UTC(2026, 2, 3, 9, 30); // 1772530200000

describe('isoFromEpochMs: the ISO text of a MyPit timestamp', () => {
	test('a number of milliseconds since 1970', () => {
		expect(isoFromEpochMs(MARCH_3)).toBe('2026-03-03T09:30:00.000Z');
		expect(isoFromEpochMs(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(isoFromEpochMs(1e11)).toBe('1973-03-03T09:46:40.000Z');
		expect(isoFromEpochMs(-1e11)).toBe('1966-10-31T14:13:20.000Z');
		expect(isoFromEpochMs(MARCH_3 + 1.9)).toBe('2026-03-03T09:30:00.001Z');
	});

	test('a number below 10^11 is seconds since 1970 (the document says only `number`)', () => {
		expect(isoFromEpochMs(MARCH_3 / 1000)).toBe('2026-03-03T09:30:00.000Z');
		expect(isoFromEpochMs(-1)).toBe('1969-12-31T23:59:59.000Z');
		expect(isoFromEpochMs(1.9)).toBe('1970-01-01T00:00:01.900Z');
		expect(isoFromEpochMs(99_999_999_999)).toBe('5138-11-16T09:46:39.000Z');
		expect(isoFromEpochMs(-99_999_999_999)).toBe('-001199-02-15T14:13:21.000Z');
	});

	test('the same number sent as text (a backend that sends numbers as strings)', () => {
		expect(isoFromEpochMs(String(MARCH_3))).toBe('2026-03-03T09:30:00.000Z');
		expect(isoFromEpochMs('-1')).toBe('1969-12-31T23:59:59.000Z');
		expect(isoFromEpochMs(String(MARCH_3 / 1000))).toBe('2026-03-03T09:30:00.000Z');
		expect(isoFromEpochMs('1772530200000.25')).toBe('2026-03-03T09:30:00.000Z');
	});

	test('the edges of a JavaScript date are dates; beyond them nothing', () => {
		expect(isoFromEpochMs(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
		expect(isoFromEpochMs(-8.64e15)).toBe('-271821-04-20T00:00:00.000Z');
		expect(isoFromEpochMs(8.64e15 + 1)).toBeUndefined();
		expect(isoFromEpochMs(-8.64e15 - 1)).toBeUndefined();
		expect(isoFromEpochMs('8640000000000001')).toBeUndefined();
	});

	test.each([
		['null', null],
		['undefined', undefined],
		['empty text', ''],
		['text that is not a number', 'soon'],
		['an ISO date', '2026-03-03T09:30:00.000Z'],
		['a number with spaces', ' 1772530200000'],
		['a number with a trailing space', '1772530200000 '],
		['text with a number inside', 'x1772530200000'],
		['a number in exponent notation', '1.7e12'],
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['a boolean', true],
		['an object', { at: MARCH_3 }],
		['a list holding a number', [MARCH_3]],
	])('%s is not a date', (_name, value) => {
		expect(isoFromEpochMs(value)).toBeUndefined();
	});
});

describe('epochMsOf: the milliseconds of a MyPit timestamp', () => {
	test('a number as it is, numeric text as its number, anything else undefined', () => {
		expect(epochMsOf(MARCH_3)).toBe(MARCH_3);
		expect(epochMsOf(String(MARCH_3))).toBe(MARCH_3);
		expect(epochMsOf('12.5')).toBe(12_500);
		expect(epochMsOf(MARCH_3 / 1000)).toBe(MARCH_3);
		expect(epochMsOf(1e11)).toBe(1e11);
		expect(epochMsOf(-1e11)).toBe(-1e11);
		expect(epochMsOf(99_999_999_999)).toBe(99_999_999_999_000);
		expect(epochMsOf(-8.64e15)).toBe(-8.64e15);
		expect(epochMsOf(8.64e15 + 1)).toBeUndefined();
		expect(epochMsOf('')).toBeUndefined();
		expect(epochMsOf(null)).toBeUndefined();
		expect(epochMsOf(Number.NaN)).toBeUndefined();
	});
});

describe('datesInSeconds: the unit of a record, from its first date that is a number', () => {
	test.each([
		[{ createdAt: MARCH_3 / 1000 }, true],
		[{ createdAt: String(MARCH_3 / 1000) }, true],
		[{ createdAt: 'soon', issuedAt: MARCH_3 / 1000 }, true],
		[{ expiresAt: -5 }, true],
		[{ createdAt: MARCH_3, updatedAt: MARCH_3 / 1000 }, false],
		[{ createdAt: 0, updatedAt: MARCH_3 }, false],
		[{ createdAt: '', updatedAt: MARCH_3 }, false],
		[{ createdAt: null, updatedAt: 'soon' }, false],
		[{ name: 'No dates', validityPeriod: 30 }, false],
	])('%j: %p', (record, seconds) => {
		expect(datesInSeconds(record)).toBe(seconds);
	});
});

describe('latestMsOf: the latest instant a timestamp may stand for', () => {
	test('milliseconds stand for themselves; whole seconds for the end of their second', () => {
		expect(latestMsOf(MARCH_3)).toBe(MARCH_3);
		expect(latestMsOf(1e11)).toBe(1e11);
		expect(latestMsOf(MARCH_3 / 1000)).toBe(MARCH_3 + 999);
		expect(latestMsOf(String(MARCH_3 / 1000))).toBe(MARCH_3 + 999);
		expect(latestMsOf(-1)).toBe(-1);
		expect(latestMsOf('soon')).toBeUndefined();
		expect(latestMsOf(null)).toBeUndefined();
	});
});

describe('updatedAtFor: the updatedAt an update sends', () => {
	test('now: whole seconds for a record in seconds, milliseconds otherwise', () => {
		expect(updatedAtFor({ createdAt: MARCH_3 / 1000 - 60 }, MARCH_3 + 999)).toBe(MARCH_3 / 1000);
		expect(updatedAtFor({ createdAt: MARCH_3 - 60 }, MARCH_3 + 999)).toBe(MARCH_3 + 999);
		expect(updatedAtFor({}, MARCH_3 + 999)).toBe(MARCH_3 + 999);
	});

	test("always after the record's createdAt and updatedAt, in its unit", () => {
		// Made within this second: the update still moves past it.
		expect(updatedAtFor({ createdAt: MARCH_3 / 1000 }, MARCH_3 + 999)).toBe(MARCH_3 / 1000 + 1);
		expect(
			updatedAtFor({ createdAt: MARCH_3 / 1000, updatedAt: MARCH_3 / 1000 + 1 }, MARCH_3),
		).toBe(MARCH_3 / 1000 + 2);
		expect(updatedAtFor({ createdAt: String(MARCH_3 + 5) }, MARCH_3)).toBe(MARCH_3 + 6);
		// A date in the other unit (written by an older version) is not followed.
		expect(updatedAtFor({ createdAt: MARCH_3 / 1000, updatedAt: MARCH_3 * 2 }, MARCH_3)).toBe(
			MARCH_3 / 1000 + 1,
		);
		expect(updatedAtFor({ createdAt: MARCH_3 * 2, updatedAt: 'soon' }, MARCH_3)).toBe(
			MARCH_3 * 2 + 1,
		);
	});
});

describe('withReadableDates: ISO text beside each epoch field', () => {
	test('the date fields MyPit records carry, named <field>Iso', () => {
		expect(DATE_FIELDS).toEqual(['createdAt', 'updatedAt', 'issuedAt', 'expiresAt']);
		expect(isoFieldOf('expiresAt')).toBe('expiresAtIso');
	});

	test('each ISO field comes right after its epoch field; everything else is untouched', () => {
		const badge = {
			_id: 'b1',
			issuedAt: MARCH_3,
			expiresAt: String(MARCH_3 + 86_400_000),
			status: 'active',
		};
		const readable = withReadableDates(badge);
		expect(readable).toEqual({
			_id: 'b1',
			issuedAt: MARCH_3,
			issuedAtIso: '2026-03-03T09:30:00.000Z',
			expiresAt: String(MARCH_3 + 86_400_000),
			expiresAtIso: '2026-03-04T09:30:00.000Z',
			status: 'active',
		});
		expect(Object.keys(readable)).toEqual([
			'_id',
			'issuedAt',
			'issuedAtIso',
			'expiresAt',
			'expiresAtIso',
			'status',
		]);
		expect(badge).toEqual({
			_id: 'b1',
			issuedAt: MARCH_3,
			expiresAt: String(MARCH_3 + 86_400_000),
			status: 'active',
		});
	});

	test('createdAt and updatedAt too; other number fields are not dates', () => {
		expect(
			withReadableDates({ createdAt: 0, updatedAt: MARCH_3, validityPeriod: 365, price: 5 }),
		).toEqual({
			createdAt: 0,
			createdAtIso: '1970-01-01T00:00:00.000Z',
			updatedAt: MARCH_3,
			updatedAtIso: '2026-03-03T09:30:00.000Z',
			validityPeriod: 365,
			price: 5,
		});
	});

	test('a date that is not a valid epoch gets no ISO field; nested records are left alone', () => {
		const record = {
			issuedAt: null,
			expiresAt: 'never',
			badgeData: { expiresAt: MARCH_3 },
		};
		expect(withReadableDates(record)).toStrictEqual(record);
		expect(Object.keys(withReadableDates(record))).toEqual(['issuedAt', 'expiresAt', 'badgeData']);
	});

	test('an ISO field MyPit sends itself is kept as MyPit sent it', () => {
		const record = { expiresAt: MARCH_3, expiresAtIso: 'from MyPit', issuedAtIso: 'also' };
		expect(withReadableDates(record)).toEqual(record);
		expect(Object.keys(withReadableDates(record))).toEqual([
			'expiresAt',
			'expiresAtIso',
			'issuedAtIso',
		]);
	});
});
