/**
 * The MyPit node called by an AI agent as a tool. n8n-core's own tool invocation
 * (createNodeAsTool, makeHandleToolInvocation) runs the node type's `execute`, which for a
 * declarative node is RoutingNode, never the custom operations: the routing path must give the
 * same requests, answers and errors as a workflow run. Runs on both n8n lines.
 */
import type { IDataObject } from 'n8n-workflow';
import { RoutingNode } from 'n8n-core';

import { callMyPitTool, callMyPitTools } from '../../tooling/engine/toolCall';
import { bodiesOf, useSandbox } from '../helpers/fixture';
import { createOrUpdateHolderTool, fromAI } from '../helpers/toolParameters';

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const paths = () => sandbox.requests().map((request) => request.path);
let routed: jest.SpyInstance;
beforeEach(() => {
	routed = jest.spyOn(RoutingNode.prototype, 'runNode');
});
afterEach(() => routed.mockRestore());

/** One tool call: n8n runs RoutingNode exactly once for it. */
async function call(parameters: IDataObject, args: IDataObject) {
	const before = routed.mock.calls.length;
	const result = await callMyPitTool(sandbox.credentials, parameters as never, args);
	expect(routed.mock.calls.length).toBe(before + 1);
	return result;
}

describe('MyPit as an AI agent tool: every call runs through RoutingNode', () => {
	test('Holder → Get answers the holder the agent asked for', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 2);
		const result = await call(
			{ resource: 'holder', operation: 'get', holderId: byId(fromAI('holderId', 'The holder ID')) },
			{ holderId: holder._id },
		);
		expect(result.error).toBeUndefined();
		expect(result.response).toEqual([
			expect.objectContaining({ _id: holder._id, email: holder.email }),
		]);
		expect(paths()).toEqual(['/getHolderById']);
	});

	test('Holder → Create sends the fields the agent filled in, nested under data as the API wants', async () => {
		const result = await call(
			{
				resource: 'holder',
				operation: 'create',
				name: fromAI('name', 'Full name'),
				email: fromAI('email', 'Email address'),
				phone: fromAI('phone', 'Phone number'),
				holderDid: fromAI('did', 'Holder DID'),
				externalHolderId: fromAI('userId', 'Holder user ID'),
			},
			{
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				phone: '+44 20 7946 0000',
				did: 'did:ethr:0xada',
				userId: 'ada',
			},
		);
		expect(result.error).toBeUndefined();
		expect(bodiesOf(sandbox.requests())).toEqual([
			{
				issuerDid: sandbox.account.issuerDid,
				issuerId: sandbox.account.userId,
				data: {
					name: 'Ada Lovelace',
					email: 'ada@example.com',
					phone: '+44 20 7946 0000',
					ownerId: sandbox.account.userId,
					holderDid: 'did:ethr:0xada',
					holderId: 'ada',
				},
			},
		]);
		expect(result.response).toEqual([expect.objectContaining({ _id: expect.any(String) })]);
	});

	test('Holder → Update reads the holder and sends the current name and phone with the new email', async () => {
		const [holder] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
		const result = await call(
			{
				resource: 'holder',
				operation: 'update',
				holderId: byId(fromAI('holderId', 'The holder ID')),
				updateFields: { email: fromAI('email', 'The new email') },
			},
			{ holderId: holder._id, email: 'new@example.com' },
		);
		expect(result.error).toBeUndefined();
		expect(paths()).toEqual(['/getHolderById', '/updateHolder']);
		expect(bodiesOf(sandbox.requests())[1]).toEqual({
			holderID: holder._id,
			issuerId: sandbox.account.userId,
			data: { name: holder.name, email: 'new@example.com', phone: holder.phone },
		});
	});

	test('Template → Get Many with the limit the agent chose answers that many and counts the rest', async () => {
		sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 5);
		const result = await call(
			{ resource: 'template', operation: 'getAll', limit: fromAI('limit', 'How many', 'number') },
			{ limit: 3 },
		);
		const [answer] = result.response as IDataObject[];
		expect((answer.templates as IDataObject[]).length).toBe(3);
		expect(answer).toMatchObject({ returned: 3, moreMatching: 2, moreMatchingIsExact: true });
		// One page of the default size: enough to say exactly how many more there are.
		expect(bodiesOf(sandbox.requests())).toEqual([
			{ userId: sandbox.account.userId, paginationOpts: { numItems: 100 } },
		]);
	});

	test('Badge → Issue to a list of holder IDs the agent gives: one request, one answer per holder', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 2);
		const result = await call(
			{
				resource: 'badge',
				operation: 'issue',
				templateId: byId(fromAI('templateId', 'The badge template ID')),
				recipientMode: 'list',
				recipientIds: fromAI('holderIds', 'Holder IDs, comma separated'),
			},
			{ templateId: template._id, holderIds: holders.map((holder) => holder._id).join(', ') },
		);
		expect(paths()).toEqual(['/getASingleBadgeTemplate', '/issueBadge']);
		expect(bodiesOf(sandbox.requests())[1].recipientIds).toEqual(
			holders.map((holder) => holder._id),
		);
		expect(
			(result.response as IDataObject[]).map((answer) => [answer.recipientId, answer.issued]),
		).toEqual(holders.map((holder) => [holder._id, true]));
	});

	test('two MyPit tools with different credentials in one agent execution: each call goes out as its own account', async () => {
		const other = sandbox.sandbox.control.createAccount();
		const otherCredentials = { ...sandbox.credentials, ...other };
		const [mine] = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1);
		const [theirs] = sandbox.sandbox.control.seedHolders(other.userId, 1);
		const get = {
			resource: 'holder',
			operation: 'get',
			holderId: byId(fromAI('holderId', 'The holder ID')),
		};
		const before = routed.mock.calls.length;

		const results = await callMyPitTools(
			[
				{ name: 'Account A', parameters: get, credentials: sandbox.credentials },
				{ name: 'Account B', parameters: get, credentials: otherCredentials },
			],
			[
				{ tool: 'Account A', args: { holderId: mine._id } },
				{ tool: 'Account B', args: { holderId: theirs._id } },
				{ tool: 'Account A', args: { holderId: mine._id } },
			],
		);

		expect(results.map((result) => result.error)).toEqual([undefined, undefined, undefined]);
		expect(results.map((result) => (result.response as IDataObject[])[0]._id)).toEqual([
			mine._id,
			theirs._id,
			mine._id,
		]);
		const log = sandbox.sandbox.control.requestLog();
		expect(
			log.map((request) => [request.headers.clientid, (request.body as IDataObject).userId]),
		).toEqual([
			[sandbox.account.clientId, sandbox.account.userId],
			[other.clientId, other.userId],
			[sandbox.account.clientId, sandbox.account.userId],
		]);
		expect(routed.mock.calls.length).toBe(before + 3);
		sandbox.sandbox.control.closeAccount(other.clientId);
	});

	test('Create or Update called twice in one agent execution reads the holders afresh for each call', async () => {
		const person = {
			name: 'Katherine Johnson',
			email: 'katherine@example.com',
			phone: '+1 555 0102',
			did: 'did:ethr:0xkj',
			userId: 'katherine',
		};
		const tool = [
			{ name: 'Holders', parameters: createOrUpdateHolderTool, credentials: sandbox.credentials },
		];
		const results = await callMyPitTools(tool, [
			{ tool: 'Holders', args: person },
			{ tool: 'Holders', args: { ...person, phone: '+1 555 0199' } },
		]);
		expect(results.map((result) => (result.response as IDataObject[])[0].action)).toEqual([
			'created',
			'updated',
		]);
		expect(paths()).toEqual(['/getHolders', '/createHolder', '/getHolders', '/updateHolder']);
	});

	test('bulk mode as a tool is refused with a clear message: a tool call has no input items', async () => {
		const [template] = sandbox.sandbox.control.seedTemplates(sandbox.account.userId, 1);
		const result = await call(
			{
				resource: 'badge',
				operation: 'issue',
				templateId: byId(fromAI('templateId', 'The badge template ID')),
				recipientMode: 'allItems',
			},
			{ templateId: template._id },
		);
		expect(result.error).toContain('Invalid "Recipients"');
		expect(result.error).toContain('when the node is an AI tool');
		expect(sandbox.requests()).toEqual([]);
	});

	test('Holder → Create or Update called twice with the same person creates one holder', async () => {
		const person = {
			name: 'Grace Hopper',
			email: 'grace@example.com',
			phone: '+1 555 0101',
			did: 'did:ethr:0xgrace',
			userId: 'grace',
		};
		const first = await call(createOrUpdateHolderTool, person);
		const second = await call(createOrUpdateHolderTool, {
			...person,
			email: ' GRACE@example.com ',
		});
		expect(
			[first.response, second.response].map((answer) => (answer as IDataObject[])[0].action),
		).toEqual(['created', 'unchanged']);
		expect(paths()).toEqual(['/getHolders', '/createHolder', '/getHolders']);
	});

	test('a bad input from the agent is an error naming the field, and nothing is sent', async () => {
		const result = await call(
			{
				resource: 'holder',
				operation: 'create',
				name: 'Jane',
				email: fromAI('email', 'Email address'),
				phone: '+1 555 0100',
				holderDid: 'did:ethr:0xja',
				externalHolderId: 'jane',
			},
			{ email: 'not-an-email' },
		);
		expect(result.error).toContain('Invalid "Email"');
		expect(sandbox.requests()).toEqual([]);
	});

	test("MyPit's own error message and status reach the agent", async () => {
		const result = await call(
			{ resource: 'holder', operation: 'get', holderId: byId(fromAI('holderId', 'The holder ID')) },
			{ holderId: 'no_such_holder' },
		);
		expect(result.error).toMatch(/not found/i);
		expect(result.error).toContain('HTTP 404');
		expect(result.error).not.toContain(sandbox.account.secretKey);
	});
});
