/**
 * The same job as an n8n workflow, done with the MyPit node or, as a capable user would without
 * it, with n8n's HTTP Request node (its pagination rebuilding the whole `paginationOpts` object,
 * then Split Out). Every workflow starts with a Manual Trigger; input items come from an Edit
 * Fields node holding a list, split into one item per entry.
 */
import {
	BADGE_TYPE,
	BENCH_ISSUER_DID,
	PAGE_SIZE,
	VALIDITY_DAYS,
	type HolderRow,
	type Job,
} from './jobs';

type WorkflowNode = Record<string, unknown> & {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
};

export interface BenchCredential {
	id: string;
	name: string;
}

/** A chain of nodes, each feeding the next. */
function chain(name: string, nodes: Array<Omit<WorkflowNode, 'id' | 'position'>>) {
	const placed = nodes.map(
		(node, index) => ({ ...node, id: `n${index}`, position: [index * 220, 0] }) as WorkflowNode,
	);
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < placed.length - 1; index++) {
		connections[placed[index].name] = {
			main: [[{ node: placed[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { name, nodes: placed, connections, settings: { executionOrder: 'v1' }, active: false };
}

const trigger = {
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

/** Edit Fields (raw JSON) holding the list, then Split Out: one input item per entry. */
function inputItems(values: string[]) {
	return [
		{
			name: 'List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ ids: values }), options: {} },
		},
		{
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'ids', options: {} },
		},
	];
}

/** Edit Fields (raw JSON) holding the rows, then Split Out: one input item per row, its fields as JSON. */
function rowItems(rows: HolderRow[]) {
	return [
		{
			name: 'Rows',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} },
		},
		{
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'rows', options: {} },
		},
	];
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Aggregate: every item's `ids` into one item's `ids` list. */
const aggregateIds = {
	name: 'Aggregate',
	type: 'n8n-nodes-base.aggregate',
	typeVersion: 1,
	parameters: {
		fieldsToAggregate: { fieldToAggregate: [{ fieldToAggregate: 'ids' }] },
		options: {},
	},
};

export function myPitWorkflow(job: Job, credential: BenchCredential) {
	const node = (parameters: Record<string, unknown>) => ({
		name: 'MyPit',
		type: 'n8n-nodes-mypit.myPit',
		typeVersion: 1,
		parameters,
		credentials: { myPitApi: credential },
	});
	// Type and validity given, as the raw loop knows them: no template lookup.
	const issueOptions = { type: BADGE_TYPE, validityPeriod: VALIDITY_DAYS };
	switch (job.kind) {
		case 'list':
			return chain('bench mypit list', [
				trigger,
				node({
					resource: 'holder',
					operation: 'getAll',
					returnAll: job.limit === undefined,
					...(job.limit === undefined ? {} : { limit: job.limit }),
					simplify: false,
					options: { pageSize: PAGE_SIZE },
				}),
			]);
		case 'issue-bulk':
			if (job.aggregated) {
				return chain('bench mypit issue list', [
					trigger,
					...inputItems(job.holderIds),
					aggregateIds,
					node({
						resource: 'badge',
						operation: 'issue',
						templateId: byId(job.templateId),
						recipientMode: 'list',
						recipientIds: '={{ $json.ids }}',
						options: { ...issueOptions, batchSize: job.batchSize },
					}),
				]);
			}
			return chain('bench mypit issue bulk', [
				trigger,
				...inputItems(job.holderIds),
				node({
					resource: 'badge',
					operation: 'issue',
					templateId: byId(job.templateId),
					recipientMode: 'allItems',
					holderIdField: 'ids',
					options: { ...issueOptions, batchSize: job.batchSize },
				}),
			]);
		case 'issue-single':
			return chain('bench mypit issue per item', [
				trigger,
				...inputItems(job.holderIds),
				node({
					resource: 'badge',
					operation: 'issue',
					templateId: byId(job.templateId),
					recipientMode: 'single',
					holderId: byId('={{ $json.ids }}'),
					options: issueOptions,
				}),
			]);
		case 'get-template':
			return chain('bench mypit get template per item', [
				trigger,
				...inputItems(Array.from({ length: job.items }, () => job.templateId)),
				node({
					resource: 'template',
					operation: 'get',
					templateId: byId('={{ $json.ids }}'),
					simplify: false,
				}),
			]);
		case 'create-holders':
			// Each field mapped as a user maps a form's fields; Max Concurrent Requests at its default.
			return chain('bench mypit create holders', [
				trigger,
				...rowItems(job.rows),
				node({
					resource: 'holder',
					operation: 'create',
					name: '={{ $json.name }}',
					email: '={{ $json.email }}',
					phone: '={{ $json.phone }}',
					holderDid: '={{ $json.did }}',
					externalHolderId: '={{ $json.userId }}',
				}),
			]);
	}
}

export function httpRequestWorkflow(
	job: Job,
	credential: BenchCredential,
	sandboxUrl: string,
	userId: string,
) {
	const request = (path: string, jsonBody: string, extraOptions: Record<string, unknown> = {}) => ({
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}${path}`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'myPitApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: extraOptions,
		},
		credentials: { myPitApi: credential },
	});
	const splitOut = (field: string, name = 'Split Out') => ({
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: field, options: {} },
	});
	const user = JSON.stringify(userId);
	switch (job.kind) {
		case 'list': {
			const numItems = job.limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, job.limit);
			const pages = job.limit === undefined ? undefined : Math.ceil(job.limit / PAGE_SIZE);
			const pagination = {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: {
						parameters: [
							{
								type: 'body',
								name: 'paginationOpts',
								value: `={{ { numItems: ${numItems}, cursor: $response.body.cursor } }}`,
							},
						],
					},
					paginationCompleteWhen: 'other',
					completeExpression: '={{ !$response.body.hasMore }}',
					...(pages === undefined ? {} : { limitPagesFetched: true, maxRequests: pages }),
					requestInterval: 0,
				},
			};
			const nodes: Array<Omit<WorkflowNode, 'id' | 'position'>> = [
				trigger,
				request(
					'/getHolders',
					`={{ { userId: ${user}, paginationOpts: { numItems: ${numItems} } } }}`,
					{ pagination },
				),
				splitOut('page'),
			];
			if (job.limit !== undefined) {
				nodes.push({
					name: 'Limit',
					type: 'n8n-nodes-base.limit',
					typeVersion: 1,
					parameters: { maxItems: job.limit },
				});
			}
			return chain('bench http list', nodes);
		}
		case 'issue-bulk': {
			const issueBody = `={{ { userId: ${user}, validityPeriod: ${VALIDITY_DAYS}, templateId: ${JSON.stringify(job.templateId)}, badgeData: {}, recipientIds: $json.recipientIds, type: ${JSON.stringify(BADGE_TYPE)} } }}`;
			return chain('bench http issue bulk', [
				trigger,
				...inputItems(job.holderIds),
				aggregateIds,
				{
					name: 'Batches',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					parameters: {
						mode: 'manual',
						assignments: {
							assignments: [
								{
									id: 'b',
									name: 'batches',
									value: `={{ $json.ids.chunk(${job.batchSize}).map((ids) => ({ recipientIds: ids })) }}`,
									type: 'array',
								},
							],
						},
						options: {},
					},
				},
				splitOut('batches', 'Split Batches'),
				request('/issueBadge', issueBody),
				splitOut('issuedBadges'),
			]);
		}
		case 'issue-single': {
			const issueBody = `={{ { userId: ${user}, validityPeriod: ${VALIDITY_DAYS}, templateId: ${JSON.stringify(job.templateId)}, badgeData: {}, recipientIds: [$json.ids], type: ${JSON.stringify(BADGE_TYPE)} } }}`;
			return chain('bench http issue per item', [
				trigger,
				...inputItems(job.holderIds),
				request('/issueBadge', issueBody),
			]);
		}
		case 'get-template':
			return chain('bench http get template per item', [
				trigger,
				...inputItems(Array.from({ length: job.items }, () => job.templateId)),
				request('/getASingleBadgeTemplate', `={{ { userId: ${user}, templateId: $json.ids } }}`),
			]);
		case 'create-holders':
			// The same bodies in one JSON body expression, the HTTP Request node's default options.
			return chain('bench http create holders', [
				trigger,
				...rowItems(job.rows),
				request('/createHolder', createHolderExpression(userId)),
			]);
	}
}

/** The createHolder body of the input row, as one n8n expression (what a user would write). */
export function createHolderExpression(userId: string): string {
	const user = JSON.stringify(userId);
	return `={{ { issuerDid: ${JSON.stringify(BENCH_ISSUER_DID)}, issuerId: ${user}, data: { name: $json.name, email: $json.email, phone: $json.phone, ownerId: ${user}, holderDid: $json.did, holderId: $json.userId } } }}`;
}

/** The node whose output items are the job's result. */
export function resultNode(workflow: { nodes: Array<{ name: string }> }): string {
	return workflow.nodes[workflow.nodes.length - 1].name;
}
