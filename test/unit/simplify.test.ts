import { simplifyRecord } from '../../nodes/MyPit/operations/simplify';

const CREATED = Date.UTC(2025, 0, 15, 8); // 2025-01-15T08:00:00.000Z
const UPDATED = Date.UTC(2026, 1, 20, 17, 45); // 2026-02-20T17:45:00.000Z

describe('simplifyRecord: the fields a workflow usually needs', () => {
	test('a template keeps its main fields and dates in order, with readable dates, and drops the rest', () => {
		const template = {
			_id: 't1',
			name: 'Course',
			type: 'achievement',
			description: 'About',
			criteria: 'Finish',
			validityPeriod: 30,
			price: 0,
			imageUrl: 'https://example.com/b.png',
			isActive: true,
			ownerId: 'u1',
			_creationTime: 1,
			textColor: '#fff',
			createdAt: CREATED,
			updatedAt: UPDATED,
		};

		const simple = simplifyRecord('template', template);
		expect(simple).toEqual({
			_id: 't1',
			name: 'Course',
			type: 'achievement',
			description: 'About',
			criteria: 'Finish',
			validityPeriod: 30,
			price: 0,
			imageUrl: 'https://example.com/b.png',
			isActive: true,
			createdAt: CREATED,
			createdAtIso: '2025-01-15T08:00:00.000Z',
			updatedAt: UPDATED,
			updatedAtIso: '2026-02-20T17:45:00.000Z',
		});
		expect(Object.keys(simple).slice(-4)).toEqual([
			'createdAt',
			'createdAtIso',
			'updatedAt',
			'updatedAtIso',
		]);
	});

	test('a holder and a badge', () => {
		const holder = {
			_id: 'h1',
			name: 'Ann',
			email: 'a@x.io',
			phone: '1',
			holderDid: 'did:a:b',
			holderId: 'ann',
			memo: 'm',
			issuerId: 'u',
			createdAt: CREATED,
		};
		const badge = {
			_id: 'b1',
			templateId: 't1',
			recipientId: 'h1',
			type: 'finance',
			status: 'active',
			issuedAt: CREATED,
			expiresAt: UPDATED,
			data: {},
		};

		expect(simplifyRecord('holder', holder)).toEqual({
			_id: 'h1',
			name: 'Ann',
			email: 'a@x.io',
			phone: '1',
			holderDid: 'did:a:b',
			holderId: 'ann',
			memo: 'm',
			createdAt: CREATED,
			createdAtIso: '2025-01-15T08:00:00.000Z',
		});
		expect(Object.keys(simplifyRecord('holder', holder))).not.toContain('issuerId');
		expect(simplifyRecord('badge', badge)).toEqual({
			_id: 'b1',
			templateId: 't1',
			recipientId: 'h1',
			type: 'finance',
			status: 'active',
			issuedAt: CREATED,
			issuedAtIso: '2025-01-15T08:00:00.000Z',
			expiresAt: UPDATED,
			expiresAtIso: '2026-02-20T17:45:00.000Z',
		});
	});

	test('dates sent as numeric text keep their text and get the same ISO field', () => {
		expect(
			simplifyRecord('badge', { _id: 'b1', issuedAt: String(CREATED), expiresAt: 'n/a' }),
		).toEqual({
			_id: 'b1',
			issuedAt: String(CREATED),
			issuedAtIso: '2025-01-15T08:00:00.000Z',
			expiresAt: 'n/a',
		});
	});

	test('absent fields stay absent; present falsy values are kept', () => {
		const simple = simplifyRecord('template', {
			_id: 't1',
			price: 0,
			isActive: false,
			description: '',
		});

		expect(simple).toEqual({ _id: 't1', price: 0, isActive: false, description: '' });
		expect(Object.keys(simple)).toEqual(['_id', 'description', 'price', 'isActive']);
	});
});
