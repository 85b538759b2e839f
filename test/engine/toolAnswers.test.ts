/**
 * Get Many called by an AI agent: answers sized for a model whatever the account's size. The
 * agent stand-in calls the MyPit Tool through n8n-core's own tool wrapper; the answer is what
 * the model receives. Runs on both n8n lines against the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { callMyPitTool } from '../../tooling/engine/toolCall';
import { bodiesOf, useSandbox } from '../helpers/fixture';
import { createOrUpdateHolderTool, fromAI } from '../helpers/toolParameters';

const sandbox = useSandbox();
const findHolders = {
	resource: 'holder',
	operation: 'getAll',
	returnAll: true,
	filters: {
		email: fromAI('email', 'The whole email address, or empty'),
		name: fromAI('name', 'Part of the name, or empty'),
	},
};
const pagesAsked = () =>
	bodiesOf(sandbox.requests()).map((body) => (body.paginationOpts as IDataObject).numItems);
/** The answer as the model gets it, and its size in bytes of JSON. */
async function ask(parameters: IDataObject, args: IDataObject) {
	const result = await callMyPitTool(sandbox.credentials, parameters as never, args);
	expect(result.error).toBeUndefined();
	const [answer] = result.response as IDataObject[];
	expect(result.response).toHaveLength(1);
	return { answer, bytes: Buffer.byteLength(JSON.stringify(result.response)) };
}

/** The 20 kB goal of a lookup of one holder (issue 25), far below any model's context. */
const LOOKUP_BYTES_GOAL = 20_000;

describe('Get Many as an AI tool: a bounded answer, whatever the account', () => {
	test.each([[5_000], [100_000]])(
		'finding one holder by email among %i holders: one record, a small answer, pages of 1,000',
		async (count) => {
			const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, count);
			const wanted = holders[count - 10];
			const { answer, bytes } = await ask(findHolders, {
				email: wanted.email.toUpperCase(),
				name: '',
			});
			expect(answer.holders).toEqual([
				expect.objectContaining({ _id: wanted._id, email: wanted.email }),
			]);
			expect(answer).toMatchObject({ returned: 1, moreMatching: 0, moreMatchingIsExact: true });
			expect(answer.note).toBe('All matching holders are listed (1).');
			expect(bytes).toBeLessThanOrEqual(LOOKUP_BYTES_GOAL);
			expect(pagesAsked()).toEqual(Array(count / 1000).fill(1000));
		},
		60_000,
	);

	test('no filter and Return All on 5,000 holders: 10 holders, "at least 90 more", one page read', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5000);
		const { answer, bytes } = await ask(
			{ resource: 'holder', operation: 'getAll', returnAll: true },
			{},
		);
		expect((answer.holders as IDataObject[]).map((holder) => holder.name)).toEqual(
			Array.from({ length: 10 }, (_, index) => `Seed Holder ${index + 1}`),
		);
		expect(answer).toMatchObject({ returned: 10, moreMatching: 90, moreMatchingIsExact: false });
		expect(answer.note).toMatch(
			/^At least 90 more holders match but are not listed\. This tool takes no search arguments; its workflow can add Filters read from the model \(\$fromAI\): email/,
		);
		expect(bytes).toBeLessThan(5_000);
		expect(pagesAsked()).toEqual([100]);
	});

	test('many matches: Max Records in Tool Answer bounds the answer, which names the arguments that narrow it', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5000);
		const { answer } = await ask(
			{ ...findHolders, toolAnswerLimit: 3 },
			{ email: '', name: 'seed holder 1' },
		);
		expect((answer.holders as IDataObject[]).map((holder) => holder.name)).toEqual([
			'Seed Holder 1',
			'Seed Holder 10',
			'Seed Holder 11',
		]);
		// The first page of 1,000 holds 112 matches (1, 10–19, 100–199, 1000): 3 listed, 109 counted.
		expect(answer).toMatchObject({ returned: 3, moreMatching: 109, moreMatchingIsExact: false });
		expect(answer.note).toBe(
			"At least 109 more holders match but are not listed. Narrow the search with this tool's arguments: email: email (the whole address, case ignored); name: name (part of the name, case ignored).",
		);
		expect(pagesAsked()).toEqual([1000]);
	});

	test('the exact count of the rest when the page that filled the answer was the last', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 1500);
		const { answer } = await ask(
			{ ...findHolders, toolAnswerLimit: 20 },
			{ email: '', name: 'Seed Holder 14' },
		);
		// 14 and 140–149 on the first page, 1400–1499 on the second and last: 111 matches, 20 listed.
		expect(answer).toMatchObject({ returned: 20, moreMatching: 91, moreMatchingIsExact: true });
		expect(answer.note).toMatch(/^91 more holders match but are not listed\. Narrow the search/);
		expect(pagesAsked()).toEqual([1000, 1000]);
	});

	test('an answer that fills up on the last record of a page says more may match', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 150);
		const { answer } = await ask(
			{ resource: 'holder', operation: 'getAll', returnAll: true, options: { pageSize: 10 } },
			{},
		);
		expect(answer).toMatchObject({ returned: 10, moreMatching: 0, moreMatchingIsExact: false });
		expect(answer.note).toMatch(
			/^More holders may match: the list was not read past the last of these\. /,
		);
		expect(pagesAsked()).toEqual([10]);
	});

	test('no match says so and how to search again', async () => {
		sandbox.sandbox.control.seedHolders(sandbox.account.userId, 20);
		const { answer } = await ask(findHolders, { email: 'nobody@example.com', name: '' });
		expect(answer).toMatchObject({
			holders: [],
			returned: 0,
			moreMatching: 0,
			moreMatchingIsExact: true,
		});
		expect(answer.note).toMatch(
			/^No holders match\. Try other values with this tool's arguments: email/,
		);
	});

	test('a bad email from the model is an error naming the filter, and nothing is sent', async () => {
		const result = await callMyPitTool(sandbox.credentials, findHolders as never, {
			email: 'jane@',
			name: '',
		});
		expect(result.error).toMatch(/Invalid "Filters: Email": expected an email address/);
		expect(sandbox.requests()).toEqual([]);
	});

	test('Create or Update on 5,000 holders answers the one holder it wrote', async () => {
		const holders = sandbox.sandbox.control.seedHolders(sandbox.account.userId, 5000);
		const { answer, bytes } = await ask(createOrUpdateHolderTool, {
			name: 'Renamed Holder',
			email: holders[4000].email,
			phone: holders[4000].phone,
			did: holders[4000].holderDid,
			userId: holders[4000].holderId,
		});
		expect(answer).toMatchObject({ _id: holders[4000]._id, action: 'updated' });
		expect(bytes).toBeLessThan(1_000);
	});
});
