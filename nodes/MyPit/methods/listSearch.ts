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
 * A list search method: one API page per call (the editor asks for the next with the returned
 * token). MyPit has no search, so the filter matches names and IDs within the page.
 */
const searchMethod = (endpoint: Endpoint, describe: (record: IDataObject) => string) =>
	async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const userId = resolveUserIdForSearch(this, credentials);
		const baseURL = requireSafeBaseUrl(credentials.baseUrl);
		const page = await readPages(
			async (paginationOpts) =>
				await this.helpers.httpRequestWithAuthentication
					.call(this, CREDENTIAL_TYPE, {
						method: endpoint.method,
						baseURL,
						url: endpoint.path,
						body: { userId, paginationOpts },
						json: true,
					})
					.catch((error: unknown) => {
						throw toMyPitApiError(this.getNode(), describeFailure(error), {
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
					new NodeOperationError(this.getNode(), `MyPit's ${endpoint.path} ${problem}`),
			},
		);
		const needle = filter?.trim().toLowerCase();
		const results = page.records
			.map((record) => ({ name: describe(record), value: String(record._id) }))
			.filter((entry) => !needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle));
		return { results, paginationToken: page.nextCursor };
	};

export const searchTemplates = searchMethod(
	ENDPOINTS.listTemplates,
	(template) => `${template.name} (${template.type})`,
);

export const searchHolders = searchMethod(
	ENDPOINTS.listHolders,
	(holder) => `${holder.name} <${holder.email}>`,
);
