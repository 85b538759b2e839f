/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	InputError,
	describeValue,
	optionalText,
	requireBadgeType,
	requireColor,
	requireDid,
	requireEmail,
	requireId,
	requireIdList,
	requireJsonObject,
	requireNonNegativeNumber,
	requirePositiveInteger,
	requireText,
	requireUrl,
	toInputNodeError,
} from '../../nodes/MyPit/shared/validation';

/** The error a check throws, so its field, expectation and rendering can be compared exactly. */
function refusal(check: () => unknown): InputError {
	try {
		check();
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('the input was accepted');
}

describe('InputError and its node error', () => {
	test('the message names the field, what is expected and what came', () => {
		const error = new InputError('Name', 'a non-empty text', 'nothing');

		expect(error.message).toBe('Invalid "Name": expected a non-empty text, got nothing');
		expect(error.name).toBe('InputError');
		expect([error.field, error.expected, error.received]).toEqual([
			'Name',
			'a non-empty text',
			'nothing',
		]);
	});

	test('the node error keeps the message, the item and says no request was sent', () => {
		const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit' } as INode;
		const error = toInputNodeError(
			node,
			new InputError('Email', 'an email address', 'the text "x"'),
			3,
		);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Invalid "Email": expected an email address, got the text "x"');
		expect(error.description).toBe(
			'Fix the "Email" parameter (or the expression that fills it): it must be an email address. No request was sent for this item.',
		);
		expect(error.context.itemIndex).toBe(3);
	});
});

describe('describeValue', () => {
	test.each([
		[undefined, 'nothing'],
		[null, 'null'],
		['', 'an empty string'],
		['  \t', 'only white space'],
		['Ann', 'the text "Ann"'],
		['x'.repeat(40), `the text "${'x'.repeat(40)}"`],
		['y'.repeat(41), `the text "${'y'.repeat(40)}…"`],
		[[1, 2], 'a list of 2 values'],
		[{ a: 1 }, 'an object'],
		[2.5, 'number 2.5'],
		[true, 'boolean true'],
	])('%p is shown as %s', (value, shown) => {
		expect(describeValue(value)).toBe(shown);
	});
});

describe('text', () => {
	test('trims, and accepts finite numbers as text', () => {
		expect(requireText('  Ann  ', 'Name')).toBe('Ann');
		expect(requireText(42, 'Name')).toBe('42');
	});

	test.each([
		[undefined, 'nothing'],
		['', 'an empty string'],
		['   ', 'only white space'],
		[Number.NaN, 'number NaN'],
		[{}, 'an object'],
	])('refuses %p', (value, received) => {
		expect(refusal(() => requireText(value, 'Name'))).toMatchObject({
			field: 'Name',
			expected: 'a non-empty text',
			received,
		});
	});

	test('the length limit counts the text as given, and the limit itself is allowed', () => {
		expect(requireText('abc', 'Name', 3)).toBe('abc');
		expect(refusal(() => requireText('abcd', 'Name', 3))).toMatchObject({
			expected: 'a text of at most 3 characters',
			received: '4 characters',
		});
		expect(requireText('x'.repeat(10_000), 'Name')).toHaveLength(10_000);
		expect(() => requireText('x'.repeat(10_001), 'Name')).toThrow(/at most 10000 characters/);
	});

	test('optional text: absent values give undefined, others are checked', () => {
		expect(optionalText(undefined, 'Memo')).toBeUndefined();
		expect(optionalText(null, 'Memo')).toBeUndefined();
		expect(optionalText('', 'Memo')).toBeUndefined();
		expect(optionalText(' m ', 'Memo')).toBe('m');
		expect(() => optionalText('   ', 'Memo')).toThrow(/"Memo": expected a non-empty text/);
		expect(() => optionalText('abc', 'Memo', 2)).toThrow(/at most 2 characters/);
	});
});

describe('IDs', () => {
	test('an ID is sent as written, trimmed', () => {
		expect(requireId(' hold_1 ', 'Holder')).toBe('hold_1');
		expect(requireId('k17abc-DEF.9', 'Holder')).toBe('k17abc-DEF.9');
	});

	test.each(['hold 1', 'a"b', 'a\\b', 'a/b', '../hello', 'a\u0000b', 'a\nb'])(
		'refuses %p',
		(id) => {
			expect(refusal(() => requireId(id, 'Holder'))).toMatchObject({
				field: 'Holder',
				expected: 'an ID without spaces, quotes, slashes or control characters',
			});
		},
	);

	test('at most 200 characters', () => {
		expect(requireId('i'.repeat(200), 'Holder')).toHaveLength(200);
		expect(() => requireId('i'.repeat(201), 'Holder')).toThrow(/at most 200 characters/);
	});
});

describe('email', () => {
	test.each(['ann@example.com', 'ann+badges@mail.example.co.uk', ' ann@example.com '])(
		'accepts %p',
		(email) => {
			expect(requireEmail(email, 'Email')).toBe(email.trim());
		},
	);

	// `Ann <ann@example.com>` is the survivor of the mutation audit: an unanchored pattern finds
	// an address inside it. The API would store the whole text as the holder's email.
	test.each([
		'Ann <ann@example.com>',
		'ann@example.com, bob@example.com',
		'mailto:ann@example.com x',
		'ann@example.com trailing',
		'ann(at)example.com',
		'ann @example.com',
		'ann@example',
		'@example.com',
		'ann@.com',
		'ann@@example.com',
	])('refuses %p', (email) => {
		expect(refusal(() => requireEmail(email, 'Email'))).toMatchObject({
			field: 'Email',
			expected: 'an email address such as name@example.com',
		});
	});

	test('at most 254 characters', () => {
		const local = 'a'.repeat(242);
		expect(requireEmail(`${local}@example.com`, 'Email')).toHaveLength(254);
		expect(() => requireEmail(`${local}a@example.com`, 'Email')).toThrow(/at most 254 characters/);
	});
});

describe('DID', () => {
	test.each(['did:ethr:0xabc', 'did:mypit:demo-issuer', 'did:key:z6Mk'])('accepts %p', (did) => {
		expect(requireDid(did, 'Holder DID')).toBe(did);
	});

	test.each([
		'did:ethr',
		'did:ethr:',
		'0xabc',
		'x did:ethr:0xabc',
		'did:Ethr:0xabc',
		'did:ethr:0x a',
		'did::0xabc',
	])('refuses %p', (did) => {
		expect(refusal(() => requireDid(did, 'Holder DID'))).toMatchObject({
			field: 'Holder DID',
			expected: 'a DID such as did:ethr:0x123…',
		});
	});

	test('at most 500 characters', () => {
		expect(requireDid(`did:key:${'z'.repeat(492)}`, 'DID')).toHaveLength(500);
		expect(() => requireDid(`did:key:${'z'.repeat(493)}`, 'DID')).toThrow(/at most 500 characters/);
	});
});

describe('numbers', () => {
	test.each([
		[1, 1],
		['7', 7],
		[' 12 ', 12],
		[1000, 1000],
	])('positive integer: %p is %p', (value, number) => {
		expect(requirePositiveInteger(value, 'Limit', 1000)).toBe(number);
	});

	test.each([
		0,
		-1,
		2.5,
		'2.5',
		1001,
		'1e3',
		'ten',
		'',
		Number.NaN,
		Infinity,
		null,
		undefined,
		[1],
		'0x10',
	])('positive integer refuses %p', (value) => {
		expect(refusal(() => requirePositiveInteger(value, 'Limit', 1000))).toMatchObject({
			field: 'Limit',
			expected: 'a whole number from 1 to 1000',
			received: describeValue(value),
		});
	});

	test('positive integer without a maximum allows any safe integer', () => {
		expect(requirePositiveInteger(Number.MAX_SAFE_INTEGER, 'N')).toBe(Number.MAX_SAFE_INTEGER);
		expect(() => requirePositiveInteger(0, 'N')).toThrow(
			`a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`,
		);
	});

	test.each([
		[0, 0],
		[0.5, 0.5],
		['12.5', 12.5],
		['-0', -0],
		[3600, 3600],
	])('non-negative number: %p is %p', (value, number) => {
		expect(requireNonNegativeNumber(value, 'Price')).toBe(number);
	});

	// Prices typed in a sheet keep both decimals.
	test('non-negative number: text with two decimals keeps them', () => {
		expect(requireNonNegativeNumber('9.99', 'Price')).toBe(9.99);
	});

	test.each([-0.01, '-1', 'free', '', Infinity, Number.NaN, null, [0], '1.', '.5'])(
		'non-negative number refuses %p',
		(value) => {
			expect(refusal(() => requireNonNegativeNumber(value, 'Price'))).toMatchObject({
				field: 'Price',
				expected: 'a number of 0 or more',
			});
		},
	);
});

describe('badge type, color, URL', () => {
	test.each(['achievement', 'finance', 'healthcare', 'mobility'])('badge type %p', (type) => {
		expect(requireBadgeType(type, 'Type')).toBe(type);
	});

	test.each(['Achievement', 'sports', '', 1, undefined])('badge type refuses %p', (type) => {
		expect(refusal(() => requireBadgeType(type, 'Type'))).toMatchObject({
			field: 'Type',
			expected: 'one of achievement, finance, healthcare, mobility',
			received: describeValue(type),
		});
	});

	test.each(['#fff', '#1E3A8A', '#abcdef', ' #ABC '])('color %p', (color) => {
		expect(requireColor(color, 'Text Color')).toBe(color.trim());
	});

	test.each(['white', '#ff', '#ffff', '#gggggg', 'x#fff', '#fffx', '#1234567'])(
		'color refuses %p',
		(color) => {
			expect(() => requireColor(color, 'Text Color')).toThrow(/"Text Color"/);
		},
	);

	test('a color names the expected form', () => {
		expect(refusal(() => requireColor('#12345', 'Text Color')).expected).toBe(
			'a hex color such as #1E3A8A',
		);
	});

	test.each(['https://example.com/b.png', 'http://localhost:8080/x', ' https://a.b '])(
		'URL %p',
		(url) => {
			expect(requireUrl(url, 'Image URL')).toBe(url.trim());
		},
	);

	test.each([
		'/img/b.png',
		'javascript:alert(1)',
		'ftp://example.com/b.png',
		'example.com',
		'data:image/png;base64,AA',
	])('URL refuses %p', (url) => {
		expect(refusal(() => requireUrl(url, 'Image URL'))).toMatchObject({
			field: 'Image URL',
			expected: 'an http(s) URL such as https://example.com/badge.png',
			received: describeValue(url),
		});
	});

	test('a URL may be 2048 characters long', () => {
		const url = `https://example.com/${'p'.repeat(2028)}`;
		expect(requireUrl(url, 'Image URL')).toBe(url);
		expect(() => requireUrl(`${url}p`, 'Image URL')).toThrow(/at most 2048 characters/);
	});
});

describe('JSON object', () => {
	test('objects pass as they are; JSON text is parsed; blank and null give {}', () => {
		const data = { course: 'A1' };
		expect(requireJsonObject(data, 'Badge Data')).toBe(data);
		expect(requireJsonObject('{"course": "A1"}', 'Badge Data')).toEqual({ course: 'A1' });
		expect(requireJsonObject('', 'Badge Data')).toEqual({});
		expect(requireJsonObject('  ', 'Badge Data')).toEqual({});
		expect(requireJsonObject('null', 'Badge Data')).toEqual({});
		expect(requireJsonObject(undefined, 'Badge Data')).toEqual({});
		expect(requireJsonObject(null, 'Badge Data')).toEqual({});
	});

	test('invalid JSON says so with the parser message', () => {
		const error = refusal(() => requireJsonObject('{"course": }', 'Badge Data'));

		expect(error.field).toBe('Badge Data');
		expect(error.expected).toBe('valid JSON describing an object, such as {"course": "A1"}');
		expect(error.received).toMatch(/^invalid JSON \(.+\)$/);
	});

	test.each([
		['"hello"', 'the text "hello"'],
		['[1]', 'a list of 1 values'],
		['3', 'number 3'],
		[[], 'a list of 0 values'],
		[7, 'number 7'],
	])('refuses %p: not an object', (value, received) => {
		expect(refusal(() => requireJsonObject(value, 'Badge Data'))).toMatchObject({
			expected: 'a JSON object, such as {"course": "A1"}',
			received,
		});
	});
});

describe('holder ID list', () => {
	test('a list, a comma-separated text, or records with _id', () => {
		expect(requireIdList(['h1', 'h2'], 'Holder IDs')).toEqual(['h1', 'h2']);
		expect(requireIdList(' h1 , h2,,h3 ', 'Holder IDs')).toEqual(['h1', 'h2', 'h3']);
		expect(requireIdList([{ _id: 'h1' }, 'h2'], 'Holder IDs')).toEqual(['h1', 'h2']);
		expect(requireIdList('h1', 'Holder IDs')).toEqual(['h1']);
	});

	test.each([
		[12, 'holder IDs: a list, or text with IDs separated by commas', 'number 12'],
		[undefined, 'holder IDs: a list, or text with IDs separated by commas', 'nothing'],
		[[], 'at least one holder ID', 'a list of 0 values'],
		[' , ,', 'at least one holder ID', 'the text " , ,"'],
		['h1,h2,h1', 'each holder ID once', '"h1" twice'],
	])('refuses %p', (value, expected, received) => {
		expect(refusal(() => requireIdList(value, 'Holder IDs'))).toMatchObject({
			field: 'Holder IDs',
			expected,
			received,
		});
	});

	test('a bad entry is named by its position', () => {
		expect(refusal(() => requireIdList(['h1', ''], 'Holder IDs')).field).toBe('Holder IDs[1]');
		expect(refusal(() => requireIdList(['h1', { _id: 'a b' }], 'Holder IDs')).field).toBe(
			'Holder IDs[1]',
		);
		expect(refusal(() => requireIdList([null], 'Holder IDs')).field).toBe('Holder IDs[0]');
	});
});
