import { isNetworkError, RestError } from '../../tooling/n8n/rest';

describe('isNetworkError (retried reads of the n8n test server)', () => {
	it("recognises Node fetch's socket failures", () => {
		const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
		expect(isNetworkError(new TypeError('fetch failed', { cause: reset }))).toBe(true);
		expect(isNetworkError(new TypeError('terminated'))).toBe(true);
		const closed = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
		expect(isNetworkError(new Error('wrapped', { cause: closed }))).toBe(true);
	});

	it('leaves HTTP answers and other errors alone', () => {
		expect(isNetworkError(new RestError('GET /x -> HTTP 500', 500, ''))).toBe(false);
		expect(isNetworkError(new TypeError('x is not a function'))).toBe(false);
		expect(isNetworkError(undefined)).toBe(false);
	});
});
