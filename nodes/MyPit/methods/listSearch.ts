import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireSafeBaseUrl } from '../shared/baseUrl';
import { resolveUserIdForSearch } from '../shared/identity';
import { CREDENTIAL_TYPE } from '../transport/client';
import { readPages } from '../transport/cursorPager';
import { describeFailure, toMyPitApiError } from '../transport/errors';
import { ENDPOINTS, type Endpoint } from '../transport/endpoints';

const SEARCH_PAGE_SIZE = 100;

/**
 * One API page per call, through the pager; the editor asks for the next with the returned
 * token. The API has no search, so the filter matches names and IDs within each page.
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
	const baseURL = requireSafeBaseUrl(credentials.baseUrl);
	const page = await readPages(
		async (paginationOpts) =>
			await context.helpers.httpRequestWithAuthentication
				.call(context, CREDENTIAL_TYPE, {
					method: endpoint.method,
					baseURL,
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
				}),
		{
			pageSize: SEARCH_PAGE_SIZE,
			startCursor: paginationToken || undefined,
			maxPages: 1,
			problem: (problem) =>
				new NodeOperationError(context.getNode(), `MyPit's ${endpoint.path} ${problem}`),
		},
	);
	const needle = filter?.trim().toLowerCase();
	const results = page.records
		.map((record) => ({ name: describe(record), value: String(record._id) }))
		.filter((entry) => !needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle));
	return { results, paginationToken: page.nextCursor };
}

/** A list search method of the node: `this` is the editor's load-options context. */
const searchMethod = (endpoint: Endpoint, describe: (record: IDataObject) => string) =>
	async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchList(this, endpoint, describe, filter, paginationToken);
	};

export const searchTemplates = searchMethod(
	ENDPOINTS.listTemplates,
	(template) => `${template.name} (${template.type})`,
);

export const searchHolders = searchMethod(
	ENDPOINTS.listHolders,
	(holder) => `${holder.name} <${holder.email}>`,
);
