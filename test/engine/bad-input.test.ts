/**
 * The bad-input catalogue: each input is refused before any request with a message that names
 * the field, or passed through unchanged where the API accepts it. The sandbox's request log
 * proves what was (not) sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { bodiesOf, useSandbox } from '../helpers/fixture';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const template = {
	resource: 'template',
	operation: 'create',
	name: 'Course',
	typeOfBadge: 'achievement',
	validityPeriod: 30,
	description: 'About',
	criteria: 'Finish',
	imageUrl: 'https://example.com/b.png',
	price: 0,
};
const holder = {
	resource: 'holder',
	operation: 'create',
	name: 'Ann',
	email: 'ann@example.com',
	phone: '+1 234 567',
	holderDid: 'did:ethr:0xabc',
	externalHolderId: 'ann-1',
};
const issue = {
	resource: 'badge',
	operation: 'issue',
	templateId: byId('tmpl_1'),
	holderId: byId('hold_1'),
};
const update = { resource: 'holder', operation: 'update', holderId: byId('hold_1') };
const list = { resource: 'holder', operation: 'getAll' };
const expr = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;

type Case = [string, INodeParameters, RegExp];

const refused: Case[] = [
	[
		'template: empty name',
		{ ...template, name: expr('') },
		/"Name": expected a non-empty text, got an empty string/,
	],
	[
		'template: whitespace-only name',
		{ ...template, name: expr('   ') },
		/"Name".*got only white space/,
	],
	[
		'template: name of 201 characters',
		{ ...template, name: expr('x'.repeat(201)) },
		/"Name".*at most 200 characters, got 201/,
	],
	['template: object as name', { ...template, name: '={{ { a: 1 } }}' }, /"Name".*got an object/],
	[
		'template: zero validity',
		{ ...template, validityPeriod: 0 },
		/"Validity Period \(Days\)".*whole number from 1/,
	],
	[
		'template: negative validity',
		{ ...template, validityPeriod: -5 },
		/"Validity Period \(Days\)"/,
	],
	[
		'template: fractional validity',
		{ ...template, validityPeriod: 2.5 },
		/"Validity Period \(Days\)".*number 2\.5/,
	],
	[
		'template: validity as words',
		{ ...template, validityPeriod: expr('a year') },
		/"Validity Period \(Days\)".*"a year"/,
	],
	['template: negative price', { ...template, price: -0.01 }, /"Price".*0 or more/],
	['template: price as a list', { ...template, price: '={{ [1] }}' }, /"Price".*list of 1 values/],
	[
		'template: unknown type',
		{ ...template, typeOfBadge: expr('sports') },
		/"Type".*achievement, finance, healthcare, mobility.*"sports"/,
	],
	['template: type in capitals', { ...template, typeOfBadge: expr('Achievement') }, /"Type"/],
	[
		'template: image path, not a URL',
		{ ...template, imageUrl: '/img/b.png' },
		/"Image URL".*http\(s\) URL/,
	],
	[
		'template: javascript: image URL',
		{ ...template, imageUrl: 'javascript:alert(1)' },
		/"Image URL"/,
	],
	[
		'template update: no field',
		{ resource: 'template', operation: 'update', templateId: byId('t'), updateFields: {} },
		/"Update Fields".*at least one/,
	],
	[
		'template update: bad color',
		{
			resource: 'template',
			operation: 'update',
			templateId: byId('t'),
			updateFields: { textColor: 'white' },
		},
		/"Text Color".*hex color/,
	],
	['holder: malformed email', { ...holder, email: 'ann(at)example.com' }, /"Email".*email address/],
	['holder: email with spaces', { ...holder, email: 'ann @example.com' }, /"Email"/],
	['holder: malformed DID', { ...holder, holderDid: 'did:ethr' }, /"Holder DID".*did:ethr:0x123/],
	['holder: DID without scheme', { ...holder, holderDid: '0xabc' }, /"Holder DID"/],
	['holder: phone of letters', { ...holder, phone: 'n/a' }, /"Phone".*phone number/],
	['holder: empty holder user ID', { ...holder, externalHolderId: expr(' ') }, /"Holder User ID"/],
	[
		'holder: issuer DID option malformed',
		{ ...holder, options: { issuerDid: 'issuer-1' } },
		/"Issuer DID".*DID/,
	],
	['holder update: malformed email', { ...update, updateFields: { email: 'nope' } }, /"Email"/],
	[
		'holder get: ID with a path',
		{ resource: 'holder', operation: 'get', holderId: byId('../../hello') },
		/"Holder".*without spaces, quotes, slashes/,
	],
	[
		'holder get: ID with JSON characters',
		{ resource: 'holder', operation: 'get', holderId: byId('a"}, "x": {"') },
		/"Holder"/,
	],
	[
		'holder get: ID with a space',
		{ resource: 'holder', operation: 'get', holderId: byId('hold 1') },
		/"Holder"/,
	],
	[
		'holder delete: object as ID',
		{ resource: 'holder', operation: 'delete', holderId: byId('={{ { id: 1 } }}') },
		/"Holder".*got an object/,
	],
	[
		'issue: empty recipient list',
		{ ...issue, recipientMode: 'list', recipientIds: '={{ [] }}' },
		/"Holder IDs".*at least one/,
	],
	[
		'issue: commas only',
		{ ...issue, recipientMode: 'list', recipientIds: ' , ,' },
		/"Holder IDs".*at least one/,
	],
	[
		'issue: duplicated recipients',
		{ ...issue, recipientMode: 'list', recipientIds: 'h1,h2,h1' },
		/"Holder IDs".*"h1" twice/,
	],
	[
		'issue: string for array (number)',
		{ ...issue, recipientMode: 'list', recipientIds: '={{ 12 }}' },
		/"Holder IDs"/,
	],
	[
		'issue: empty ID inside the list',
		{ ...issue, recipientMode: 'list', recipientIds: '={{ ["h1", ""] }}' },
		/"Holder IDs\[1\]"/,
	],
	[
		'issue: invalid badge data JSON',
		{ ...issue, badgeData: '{"course": }' },
		/"Badge Data".*valid JSON/,
	],
	['issue: badge data is text', { ...issue, badgeData: '"hello"' }, /"Badge Data".*JSON object/],
	[
		'issue: fractional validity override',
		{ ...issue, options: { validityPeriod: 0.5 } },
		/"Validity Period \(Days\)"/,
	],
	['issue: unknown type override', { ...issue, options: { type: 'gold' } }, /"Type"/],
	['issue: batch size 0', { ...issue, options: { batchSize: 0 } }, /"Batch Size"/],
	['list: limit 0', { ...list, limit: 0 }, /"Limit".*1 to/],
	[
		'list: page size 5000',
		{ ...list, returnAll: true, options: { pageSize: 5000 } },
		/"Page Size".*1 to 1000/,
	],
	['any: negative max retries', { ...list, options: { maxRetries: -1 } }, /"Max Retries"/],
	['any: User ID with a slash', { ...list, options: { userId: 'a/b' } }, /"User ID"/],
];

describe('refused before any request, naming the field', () => {
	test.each(refused)('%s', async (_case, parameters, message) => {
		const result = await sandbox.run(parameters);

		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(/No request was sent for this item/);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('passed through unchanged where the API accepts it', () => {
	test.each([
		[
			'unicode and emoji in the name',
			{ name: 'Zertifikat Überprüfung ✓ 合格 🎓' },
			{ name: 'Zertifikat Überprüfung ✓ 合格 🎓' },
		],
		['a name of exactly 200 characters', { name: 'n'.repeat(200) }, { name: 'n'.repeat(200) }],
		[
			'a long description (5,000 characters)',
			{ description: 'd'.repeat(5000) },
			{ description: 'd'.repeat(5000) },
		],
		[
			'quotes and braces in text',
			{ criteria: 'Say "done" {twice}; then </script>' },
			{ criteria: 'Say "done" {twice}; then </script>' },
		],
		['a fractional price', { price: 9.99 }, { price: 9.99 }],
		[
			'numbers as text from a sheet',
			{ validityPeriod: expr('365'), price: expr('12.5') },
			{ validityPeriod: 365, price: 12.5 },
		],
	])('template create with %s', async (_case, change, sent) => {
		const result = await sandbox.run({ ...template, ...change });

		expect(result.error).toBeUndefined();
		const [body] = bodiesOf(sandbox.requests());
		expect(body).toMatchObject(sent);
		expect(body.typeOfBadge).toBe('achievement');
	});

	test('an email with plus addressing and a subdomain', async () => {
		const result = await sandbox.run({ ...holder, email: 'ann+badges@mail.example.co.uk' });

		expect(result.error).toBeUndefined();
		expect((bodiesOf(sandbox.requests())[0].data as { email: string }).email).toBe(
			'ann+badges@mail.example.co.uk',
		);
	});
});
