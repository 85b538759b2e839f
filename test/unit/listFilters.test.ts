import { readListFilter } from '../../nodes/MyPit/descriptions/listFilters';

const holder = { name: 'Ada Lovelace', email: 'Ada@Example.com', holderId: 'ada' };

describe('readListFilter: the Filters of Get Many as one record test', () => {
	test('no filter, or only blank ones (an optional $fromAI argument left out): no test at all', () => {
		expect(readListFilter('holder', {})).toBeUndefined();
		expect(readListFilter('holder', undefined)).toBeUndefined();
		expect(readListFilter('holder', { email: '  ', name: '' })).toBeUndefined();
	});

	test('a blank filter beside a set one filters nothing', () => {
		const test = readListFilter('holder', { email: '', name: 'LOVE' });
		expect(test?.(holder)).toBe(true);
		expect(test?.({ ...holder, name: 'Alan Turing' })).toBe(false);
	});

	test('a filter the resource does not have is refused, naming the ones it has', () => {
		expect(() => readListFilter('holder', { phone: '+1' })).toThrow(
			'Invalid "Filters": expected one of email, holderId, name, got "phone"',
		);
	});

	test('Active accepts true and false as text (expressions), and nothing else', () => {
		expect(readListFilter('template', { active: 'false' })?.({ isActive: false })).toBe(true);
		expect(readListFilter('template', { active: ' TRUE ' })?.({ isActive: false })).toBe(false);
		expect(() => readListFilter('template', { active: 'yes' })).toThrow(
			'Invalid "Filters: Active": expected true or false, got the text "yes"',
		);
	});
});
