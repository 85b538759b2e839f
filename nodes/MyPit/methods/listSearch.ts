import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { requireSafeBaseUrl } from '../shared/baseUrl';
import { resolveUserIdForSearch } from '../shared/identity';
import { CREDENTIAL_TYPE } from '../transport/client';
import { describeFailure, toMyPitApiError } from '../transport/errors';
import { ENDPOINTS, type Endpoint } from '../transport/endpoints';

const SEARCH_PAGE_SIZE = 100;

interface ListPage {
	page?: IDataObject[];
	hasMore?: boolean;
	cursor?: string;
}

/**
 * One API page per call; the editor asks for the next with the returned token. The API has no
 * search, so the filter matches names and IDs within each page.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	endpoint: Endpoint,
	describe: (record: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const userId = await resolveUserIdForSearch(context);
	const paginationOpts: IDataObject = { numItems: SEARCH_PAGE_SIZE };
	if (paginationToken) paginationOpts.cursor = paginationToken;
	const response = (await context.helpers.httpRequestWithAuthentication
		.call(context, CREDENTIAL_TYPE, {
			method: endpoint.method,
			baseURL: requireSafeBaseUrl(credentials.baseUrl),
			url: endpoint.path,
			body: { userId, paginationOpts },
			json: true,
		})
		.catch((error: unknown) => {
			throw toMyPitApiError(context.getNode(), describeFailure(error), {
				endpoint: `${endpoint.method} ${endpoint.path}`,
				itemIndex: 0,
				read: true,
				attempts: 1,
			});
		})) as ListPage;
	const needle = filter?.trim().toLowerCase();
	const results = (response.page ?? [])
		.map((record) => ({ name: describe(record), value: String(record._id) }))
		.filter((entry) => !needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle));
	return { results, paginationToken: response.hasMore ? response.cursor : undefined };
}

export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		ENDPOINTS.listTemplates,
		(template) => `${template.name} (${template.type})`,
		filter,
		paginationToken,
	);
}

export async function searchHolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		ENDPOINTS.listHolders,
		(holder) => `${holder.name} <${holder.email}>`,
		filter,
		paginationToken,
	);
}
