/**
 * The API route table and its dispatcher: route lookup (404/405), authentication (400/401),
 * JSON body (400), then the endpoint handler. Every failure becomes `{error, status}`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { authenticate } from '../auth';
import { ApiError } from '../errors';
import { offDocumentAnswer } from '../offDocument';
import { present } from '../readings';
import type { SandboxState } from '../state';
import { badgeRoutes } from './badges';
import type { Route, RouteResult } from './common';
import { helloRoutes } from './hello';
import { holderRoutes } from './holders';
import { templateRoutes } from './templates';

const ROUTES: Readonly<Record<string, Route>> = Object.freeze({
	...helloRoutes,
	...templateRoutes,
	...holderRoutes,
	...badgeRoutes,
});

/** What the server made of the request body. */
export type ParsedBody =
	{ kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; raw: string };

interface ApiRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: ParsedBody;
}

interface ApiResult extends RouteResult {
	headers?: Record<string, string>;
}

export function handleApi(request: ApiRequest, state: SandboxState): ApiResult {
	try {
		if (!Object.prototype.hasOwnProperty.call(ROUTES, request.path)) {
			throw new ApiError(404, `Route not found: ${request.method} ${request.path}`);
		}
		const route = ROUTES[request.path];
		if (request.method !== route.method) {
			const error = new ApiError(
				405,
				`Method ${request.method} not allowed on ${request.path}; use ${route.method}`,
			);
			return { ...errorResult(error), headers: { Allow: route.method } };
		}
		const account = authenticate(request.headers, state.store);
		let body: unknown;
		if (route.method === 'POST') {
			if (request.body.kind !== 'json') throw new ApiError(400, 'Invalid JSON body');
			body = request.body.value;
		}
		const result = route.handle({ account, body, state });
		if (result.status !== 200) return result;
		const readings = state.readings.get(account.clientId);
		const presented = present(
			request.path,
			result.body,
			readings,
			(id) => state.store.badges.get(id)?.doc,
		);
		return {
			...result,
			body: offDocumentAnswer(presented, state.offDocument.get(account.clientId)),
		};
	} catch (error) {
		if (error instanceof ApiError) return errorResult(error);
		const message = error instanceof Error ? error.message : String(error);
		return errorResult(new ApiError(500, `Internal server error: ${message}`));
	}
}

function errorResult(error: ApiError): ApiResult {
	return { status: error.status, body: error.toBody() };
}
