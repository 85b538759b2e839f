import { simplifyRecord } from '../../nodes/MyPit/operations/simplify';

describe('simplifyRecord: the fields a workflow usually needs', () => {
	test('a template keeps its main fields in order and drops the rest', () => {
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
		};

		expect(simplifyRecord('template', template)).toEqual({
			_id: 't1',
			name: 'Course',
			type: 'achievement',
			description: 'About',
			criteria: 'Finish',
			validityPeriod: 30,
			price: 0,
			imageUrl: 'https://example.com/b.png',
			isActive: true,
		});
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
		};
		const badge = {
			_id: 'b1',
			templateId: 't1',
			recipientId: 'h1',
			type: 'finance',
			status: 'active',
			issuedAt: 1,
			expiresAt: 2,
			data: {},
		};

		expect(simplifyRecord('holder', holder)).toEqual({ ...holder, issuerId: undefined });
		expect(Object.keys(simplifyRecord('holder', holder))).not.toContain('issuerId');
		expect(simplifyRecord('badge', badge)).toEqual({
			_id: 'b1',
			templateId: 't1',
			recipientId: 'h1',
			type: 'finance',
			status: 'active',
			issuedAt: 1,
			expiresAt: 2,
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
