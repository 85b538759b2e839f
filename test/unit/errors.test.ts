import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	describeErrorResponse,
	describeFailure,
	toMyPitApiError,
	type FailureContext,
	type HttpFailure,
} from '../../nodes/MyPit/transport/errors';

const node = {
	id: 'mypit',
	name: 'MyPit',
	type: 'n8n-nodes-mypit.myPit',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;

describe('describeFailure: what a thrown request error says', () => {
	test('n8n 2.x: status, body and Retry-After from the cause', () => {
		const error = {
			message: 'Request failed with status code 429',
			cause: {
				message: 'Request failed with status code 429',
				code: 'ERR_BAD_REQUEST',
				response: { status: 429, data: { error: 'Slow down' }, headers: { 'retry-after': 7 } },
			},
		};

		expect(describeFailure(error)).toEqual({
			status: 429,
			body: { error: 'Slow down' },
			code: 'ERR_BAD_REQUEST',
			retryAfter: '7',
			message: 'Request failed with status code 429',
		});
	});

	test('an axios-like error with the response on itself', () => {
		const error = {
			message: 'boom',
			code: 'X',
			response: { status: 500, data: 'oops', headers: {} },
		};

		expect(describeFailure(error)).toEqual({
			status: 500,
			body: 'oops',
			code: 'X',
			retryAfter: undefined,
			message: 'boom',
		});
	});

	test('n8n 1.x: only httpCode and context.data survive', () => {
		expect(
			describeFailure({
				httpCode: '404',
				message: 'Not found',
				context: { data: { error: 'Holder not found' } },
			}),
		).toEqual({
			status: 404,
			body: { error: 'Holder not found' },
			code: undefined,
			retryAfter: undefined,
			message: 'Not found',
		});
	});

	test('n8n 1.x: a network code travels as httpCode', () => {
		expect(describeFailure({ httpCode: 'ECONNRESET', message: 'socket hang up' })).toMatchObject({
			status: undefined,
			code: 'ECONNRESET',
			message: 'socket hang up',
		});
		expect(describeFailure({ httpCode: null, message: 'x' })).toMatchObject({
			status: undefined,
			code: undefined,
		});
	});

	test("the cause's code and message win over the outer ones", () => {
		expect(
			describeFailure({
				code: 'OUTER',
				message: 'outer',
				cause: { code: 'ECONNREFUSED', message: 'inner' },
			}),
		).toMatchObject({
			code: 'ECONNREFUSED',
			message: 'inner',
		});
	});

	test('a response status wins over httpCode', () => {
		expect(describeFailure({ httpCode: '500', response: { status: 503 } }).status).toBe(503);
	});

	test('an httpCode that is not three digits is a code, not a status', () => {
		expect(describeFailure({ httpCode: '5000' })).toMatchObject({
			status: undefined,
			code: '5000',
		});
		expect(describeFailure({ httpCode: 'x404' })).toMatchObject({
			status: undefined,
			code: 'x404',
		});
	});

	test.each([200, 204, 299])(
		'a failure with status %i is a cut-off answer: a network fault',
		(status) => {
			expect(
				describeFailure({ message: 'Unexpected end of JSON input', response: { status } }),
			).toEqual({
				code: 'ERR_BAD_RESPONSE',
				message: 'Unexpected end of JSON input',
			});
			expect(
				describeFailure({ message: 'x', cause: { code: 'EPIPE', response: { status } } }),
			).toEqual({ code: 'EPIPE', message: 'x' });
		},
	);

	test.each([199, 300, 404])('status %i is kept as an HTTP failure', (status) => {
		expect(describeFailure({ response: { status } }).status).toBe(status);
	});

	test('an error without anything readable', () => {
		expect(describeFailure(new Error('weird'))).toEqual({
			status: undefined,
			body: undefined,
			code: undefined,
			retryAfter: undefined,
			message: 'weird',
		});
	});
});

describe('describeErrorResponse: a full response outside 2xx', () => {
	test('status, body and Retry-After', () => {
		expect(
			describeErrorResponse({
				statusCode: 429,
				headers: { 'retry-after': '3600' },
				body: { error: 'Later' },
			}),
		).toEqual({
			status: 429,
			body: { error: 'Later' },
			retryAfter: '3600',
		});
	});

	test('without headers or Retry-After', () => {
		expect(describeErrorResponse({ statusCode: 500, body: '' } as never)).toEqual({
			status: 500,
			body: '',
			retryAfter: undefined,
		});
		expect(describeErrorResponse({ statusCode: 400, headers: {}, body: null })).toEqual({
			status: 400,
			body: null,
			retryAfter: undefined,
		});
	});
});

describe('toMyPitApiError', () => {
	const readContext: FailureContext = {
		endpoint: 'POST /getHolders',
		itemIndex: 2,
		read: true,
		attempts: 1,
	};
	const writeContext: FailureContext = {
		endpoint: 'POST /createHolder',
		itemIndex: 0,
		read: false,
		attempts: 1,
	};
	const convert = (failure: HttpFailure, context: FailureContext = readContext) =>
		toMyPitApiError(node, failure, context);

	test("keeps the API's own message and status, with a hint", () => {
		const error = convert({ status: 404, body: { error: 'Holder not found', status: 404 } });

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Holder not found');
		expect(error.httpCode).toBe('404');
		expect(error.description).toBe(
			'POST /getHolders answered HTTP 404. The record does not exist, or the Base URL is wrong.',
		);
		expect(error.context.itemIndex).toBe(2);
	});

	test.each([
		[400, 'MyPit rejected the request as invalid.'],
		[401, 'Check the Client ID and Secret Key in the MyPit credential.'],
		[
			403,
			'The credential’s account may not access this record: check the User ID and the record’s owner.',
		],
		[429, 'MyPit is rate limiting: space the requests out or lower the batch size.'],
	])('HTTP %i hint', (status, hint) => {
		expect(convert({ status, body: { error: 'E' } }).description).toBe(
			`POST /getHolders answered HTTP ${status}. ${hint}`,
		);
	});

	test('the message: `error`, else `message`, from an object or JSON text; else the status', () => {
		expect(convert({ status: 400, body: { message: 'From message' } }).message).toBe(
			'From message',
		);
		expect(
			convert({ status: 400, body: { error: 'From error', message: 'Not this' } }).message,
		).toBe('From error');
		expect(convert({ status: 400, body: { error: '', message: 'Fallback' } }).message).toBe(
			'Fallback',
		);
		expect(convert({ status: 400, body: { error: 3 } }).message).toBe('MyPit answered HTTP 400');
		expect(convert({ status: 400, body: '{"error":"As text"}' }).message).toBe('As text');
		expect(convert({ status: 502, body: '<html>Bad gateway</html>' }).message).toBe(
			'MyPit answered HTTP 502',
		);
		expect(convert({ status: 502, body: null }).message).toBe('MyPit answered HTTP 502');
		expect(convert({ status: 502, body: '"text"' }).message).toBe('MyPit answered HTTP 502');
	});

	test.each([
		['ECONNABORTED', 'MyPit did not answer within the timeout (ECONNABORTED)'],
		['ETIMEDOUT', 'MyPit did not answer within the timeout (ETIMEDOUT)'],
		['ECONNREFUSED', 'MyPit refused the connection: check the Base URL (ECONNREFUSED)'],
		['ECONNRESET', 'The connection to MyPit was dropped (ECONNRESET)'],
		['EPIPE', 'The connection to MyPit was dropped (EPIPE)'],
		['ERR_BAD_RESPONSE', "MyPit's answer was cut off or unreadable (ERR_BAD_RESPONSE)"],
		['ENOTFOUND', 'The Base URL host was not found (ENOTFOUND)'],
		['EAI_AGAIN', 'The Base URL host could not be resolved (EAI_AGAIN)'],
		['EWHATEVER', 'MyPit could not be reached (EWHATEVER)'],
	])('network code %s: a message n8n does not swap for its own', (code, message) => {
		const error = convert({ code, message: 'low-level' });

		expect(error.message).toBe(message);
		expect(error.httpCode).toBeNull();
		expect(error.description).toBe('POST /getHolders failed.');
	});

	test('a redirect (3xx, never followed) says where it pointed and what to set', () => {
		const error = convert({ status: 307, location: 'https://elsewhere.example/getHolders' });

		expect(error.message).toBe('MyPit answered HTTP 307');
		expect(error.httpCode).toBe('307');
		expect(error.description).toBe(
			"POST /getHolders answered HTTP 307. MyPit redirected the request to https://elsewhere.example/getHolders. Requests with the MyPit credential do not follow redirects, so the Secret Key goes to the Base URL's host only: set the credential's Base URL to the address MyPit redirects to.",
		);
		expect(convert({ status: 301 }).description).toContain(
			'POST /getHolders answered HTTP 301. MyPit redirected the request. Requests',
		);
		expect(convert({ status: 300 }).description).toContain('MyPit redirected the request.');
		expect(convert({ status: 400 }).description).not.toContain('redirect');
		expect(convert({ code: 'ECONNRESET' }).description).not.toContain('redirect');
	});

	test("a redirect's Location is read from a full response and from a thrown error", () => {
		const headers = { location: 'https://elsewhere.example/x', 'retry-after': '3' };
		expect(describeErrorResponse({ statusCode: 302, body: '', headers })).toMatchObject({
			status: 302,
			location: 'https://elsewhere.example/x',
			retryAfter: '3',
		});
		expect(
			describeFailure({ cause: { response: { status: 308, data: '', headers } } }),
		).toMatchObject({ status: 308, location: 'https://elsewhere.example/x' });
	});

	test('a failure with neither code nor status shows its message, or says unknown', () => {
		expect(convert({ message: 'socket hang up' }).message).toBe(
			'MyPit could not be reached (socket hang up)',
		);
		expect(convert({}).message).toBe('MyPit could not be reached (unknown error)');
	});

	test('counts the attempts when there was more than one', () => {
		expect(convert({ status: 503, body: {} }, { ...readContext, attempts: 4 }).description).toBe(
			'POST /getHolders answered HTTP 503 after 4 attempts.',
		);
		expect(convert({ code: 'ECONNRESET' }, { ...readContext, attempts: 2 }).description).toBe(
			'POST /getHolders failed after 2 attempts.',
		);
	});

	const mayHaveHappened =
		/The request may have been carried out before it failed, so it was not sent again: check the result \(Get or Get Many\) before running it again\.$/;

	test.each([
		[{ status: 500 }],
		[{ status: 503 }],
		[{ status: 408 }],
		[{ code: 'ECONNRESET' }],
		[{ code: 'ETIMEDOUT' }],
		[{}],
	])('a write that failed with %p may have happened: the user is told to check', (failure) => {
		expect(convert(failure, writeContext).description).toMatch(mayHaveHappened);
		expect(convert(failure, readContext).description).not.toMatch(/carried out/);
	});

	test.each([
		[{ status: 400 }],
		[{ status: 404 }],
		[{ status: 429 }],
		[{ status: 499 }],
		[{ code: 'ECONNREFUSED' }],
		[{ code: 'EAI_AGAIN' }],
	])('a write refused with %p did not happen: no such warning', (failure) => {
		expect(convert(failure, writeContext).description).not.toMatch(/carried out/);
	});
});
