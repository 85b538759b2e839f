import { ENDPOINTS, documentedAnswer } from '../../nodes/MyPit/transport/endpoints';

describe('documentedAnswer', () => {
	test.each([
		'createTemplate',
		'updateTemplate',
		'deleteTemplate',
		'createHolder',
		'updateHolder',
	] as const)('%s: a bare ID answer becomes {_id}', (name) => {
		expect(documentedAnswer(ENDPOINTS[name], 'k57abc_12-x')).toEqual({ _id: 'k57abc_12-x' });
	});

	test('an ID of 200 characters is an ID; 201 characters, spaces or markup are left for the JSON check', () => {
		const endpoint = ENDPOINTS.createHolder;
		expect(documentedAnswer(endpoint, 'a'.repeat(200))).toEqual({ _id: 'a'.repeat(200) });
		for (const text of [
			'a'.repeat(201),
			'',
			'not an id',
			'<html>',
			'{x}',
			'"quoted"',
			"it's",
			'tab\there',
		])
			expect(documentedAnswer(endpoint, text)).toBe(text);
	});

	test('reads and other writes keep a text answer as it is', () => {
		for (const name of ['getHolder', 'getTemplate', 'listHolders', 'issueBadge', 'hello'] as const)
			expect(documentedAnswer(ENDPOINTS[name], 'k57abc')).toBe('k57abc');
	});

	test('deleteHolder: true, null or an empty answer is a success, false is not', () => {
		const endpoint = ENDPOINTS.deleteHolder;
		expect(documentedAnswer(endpoint, true)).toEqual({ success: true });
		expect(documentedAnswer(endpoint, null)).toEqual({ success: true });
		expect(documentedAnswer(endpoint, '')).toEqual({ success: true });
		expect(documentedAnswer(endpoint, false)).toEqual({ success: false });
		// deleteHolder is not one of the writes whose answer is an ID.
		expect(documentedAnswer(endpoint, 'k57abc')).toBe('k57abc');
	});

	test('other answers and other endpoints are returned unchanged', () => {
		const answer = { success: true, _id: 'x' };
		expect(documentedAnswer(ENDPOINTS.deleteHolder, answer)).toBe(answer);
		expect(documentedAnswer(ENDPOINTS.deleteHolder, 0)).toBe(0);
		expect(documentedAnswer(ENDPOINTS.deleteTemplate, true)).toBe(true);
		expect(documentedAnswer(ENDPOINTS.deleteTemplate, null)).toBeNull();
		expect(documentedAnswer(ENDPOINTS.createHolder, 42)).toBe(42);
	});
});
