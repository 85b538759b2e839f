import { NodeApiError, type INode } from 'n8n-workflow';

import {
	overallStatus,
	recipientOutcomes,
	unsentOutcomes,
	withStatus,
	type RecipientOutcome,
} from '../../nodes/MyPit/operations/issueOutcomes';

const batch = ['h1', 'h2', 'h3', 'h4'];
const UNKNOWN = expect.stringContaining('does not say whether this recipient got a badge');
const issued = (recipientId: string, badgeId: string | null, batchStatus: string | null) => ({
	recipientId,
	issued: true,
	badgeId,
	outcome: 'issued',
	batchStatus,
});
const notIssued = (recipientId: string, error: string, batchStatus: string | null) => ({
	recipientId,
	issued: false,
	badgeId: null,
	outcome: 'not issued',
	batchStatus,
	error,
});
const unknown = (recipientId: string, batchStatus: string | null, apiAnswer: unknown) => ({
	recipientId,
	issued: null,
	badgeId: null,
	outcome: 'unknown',
	batchStatus,
	error: UNKNOWN,
	apiAnswer,
});
const failedH4 = [{ recipientId: 'h4', error: 'Holder not found' }];

describe('recipientOutcomes: partial answers, every reading of the document', () => {
	test('successful = recipient IDs, issuedBadges = IDs: badges pair by position', () => {
		const answer = {
			issuedBadges: ['b1', 'b2', 'b3'],
			status: 'partial',
			details: { successful: ['h1', 'h2', 'h3'], failed: failedH4 },
		};
		expect(recipientOutcomes(batch, answer)).toEqual([
			issued('h1', 'b1', 'partial'),
			issued('h2', 'b2', 'partial'),
			issued('h3', 'b3', 'partial'),
			notIssued('h4', 'Holder not found', 'partial'),
		]);
	});

	test('successful = recipient IDs in another order than the request: pairs follow successful', () => {
		const answer = {
			issuedBadges: ['b3', 'b1'],
			status: 'partial',
			details: {
				successful: ['h3', 'h1'],
				failed: [
					{ recipientId: 'h2', error: 'x' },
					{ recipientId: 'h4', error: 'y' },
				],
			},
		};
		expect(recipientOutcomes(batch, answer)).toEqual([
			issued('h1', 'b1', 'partial'),
			notIssued('h2', 'x', 'partial'),
			issued('h3', 'b3', 'partial'),
			notIssued('h4', 'y', 'partial'),
		]);
	});

	test('successful = badge IDs (the reported bug): the API status is kept, the rest are issued in request order', () => {
		const answer = {
			issuedBadges: ['b1', 'b2', 'b3'],
			status: 'partial',
			details: { successful: ['b1', 'b2', 'b3'], failed: failedH4 },
		};
		expect(recipientOutcomes(batch, answer)).toEqual([
			issued('h1', 'b1', 'partial'),
			issued('h2', 'b2', 'partial'),
			issued('h3', 'b3', 'partial'),
			notIssued('h4', 'Holder not found', 'partial'),
		]);
	});

	test('successful = badge IDs with the failed recipient first: order skips it', () => {
		const answer = {
			issuedBadges: ['b2', 'b3'],
			status: 'partial',
			details: { successful: ['b2', 'b3'], failed: [{ recipientId: 'h1', error: 'gone' }] },
		};
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual([
			notIssued('h1', 'gone', 'partial'),
			issued('h2', 'b2', 'partial'),
			issued('h3', 'b3', 'partial'),
		]);
	});

	test('issuedBadges = objects naming recipients pair by recipientId, whatever the order', () => {
		const answer = {
			issuedBadges: [
				{ _id: 'b3', recipientId: 'h3' },
				{ _id: 'b1', recipientId: 'h1' },
				{ _id: 'b2', recipientId: 'h2' },
			],
			status: 'partial',
			details: { successful: ['b3', 'b1', 'b2'], failed: failedH4 },
		};
		expect(recipientOutcomes(batch, answer)).toEqual([
			issued('h1', 'b1', 'partial'),
			issued('h2', 'b2', 'partial'),
			issued('h3', 'b3', 'partial'),
			notIssued('h4', 'Holder not found', 'partial'),
		]);
	});

	test('issuedBadges = objects with only _id read like ID strings', () => {
		const answer = {
			issuedBadges: [{ _id: 'b1' }, { _id: 'b2' }, { _id: 'b3' }],
			status: 'partial',
			details: { successful: ['h1', 'h2', 'h3'], failed: failedH4 },
		};
		expect(recipientOutcomes(batch, answer).map((outcome) => outcome.badgeId)).toEqual([
			'b1',
			'b2',
			'b3',
			null,
		]);
	});

	test('objects naming recipients plus successful = recipient IDs: nothing is paired twice', () => {
		const answer = {
			issuedBadges: [
				{ _id: 'b2', recipientId: 'h2' },
				{ _id: 'b1', recipientId: 'h1' },
			],
			status: 'partial',
			details: {
				successful: ['h1', 'h2'],
				failed: [
					{ recipientId: 'h3', error: 'e3' },
					{ recipientId: 'h4', error: 'e4' },
				],
			},
		};
		expect(
			recipientOutcomes(batch, answer).map((outcome) => [
				outcome.recipientId,
				outcome.badgeId,
				outcome.issued,
			]),
		).toEqual([
			['h1', 'b1', true],
			['h2', 'b2', true],
			['h3', null, false],
			['h4', null, false],
		]);
	});

	test('successful = recipient IDs but fewer badges than recipients: issued, badge IDs not guessed', () => {
		const answer = {
			issuedBadges: ['b1'],
			status: 'partial',
			details: { successful: ['h1', 'h2'], failed: [{ recipientId: 'h3', error: 'e' }] },
		};
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual([
			issued('h1', null, 'partial'),
			issued('h2', null, 'partial'),
			notIssued('h3', 'e', 'partial'),
		]);
	});

	test('successful names recipients only when every entry is one of the batch: one stranger makes it a badge list', () => {
		const answer = {
			issuedBadges: ['b1', 'b2'],
			status: 'partial',
			details: { successful: ['h1', 'someone-else'] },
		};
		expect(recipientOutcomes(['h1', 'h2'], answer)).toEqual([
			issued('h1', 'b1', 'partial'),
			issued('h2', 'b2', 'partial'),
		]);
	});

	test('successful objects whose recipientId is not text are read by their _id', () => {
		const answer = { status: 'partial', details: { successful: [{ _id: 'h1', recipientId: 7 }] } };
		expect(recipientOutcomes(['h1', 'h2'], answer)).toEqual([
			issued('h1', null, 'partial'),
			unknown('h2', 'partial', answer),
		]);
	});

	test('a recipient named nowhere in a partial answer is unknown, with the answer attached', () => {
		const answer = {
			issuedBadges: ['b1'],
			status: 'partial',
			details: { successful: ['h1'], failed: [{ recipientId: 'h2', error: 'e' }] },
		};
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual([
			issued('h1', 'b1', 'partial'),
			notIssued('h2', 'e', 'partial'),
			unknown('h3', 'partial', answer),
		]);
	});

	test('successful = badge IDs, badge count differs from the unnamed recipients: unknown, never "not issued"', () => {
		const answer = {
			issuedBadges: ['b1', 'b2'],
			status: 'partial',
			details: { successful: ['b1', 'b2'], failed: failedH4 },
		};
		expect(recipientOutcomes(batch, answer)).toEqual([
			unknown('h1', 'partial', answer),
			unknown('h2', 'partial', answer),
			unknown('h3', 'partial', answer),
			notIssued('h4', 'Holder not found', 'partial'),
		]);
	});

	test('successful = badge IDs and no issuedBadges: the successful list stands for the badges', () => {
		const answer = {
			status: 'partial',
			details: { successful: ['b1', 'b2', 'b3'], failed: failedH4 },
		};
		expect(recipientOutcomes(batch, answer).map((outcome) => outcome.badgeId)).toEqual([
			'b1',
			'b2',
			'b3',
			null,
		]);
	});

	test('successful given as objects: {recipientId} names recipients, {_id} names badges', () => {
		const byRecipient = {
			issuedBadges: ['b1'],
			status: 'partial',
			details: { successful: [{ recipientId: 'h1' }], failed: [{ recipientId: 'h2', error: 'e' }] },
		};
		expect(recipientOutcomes(['h1', 'h2'], byRecipient)).toEqual([
			issued('h1', 'b1', 'partial'),
			notIssued('h2', 'e', 'partial'),
		]);
		const byBadge = {
			status: 'partial',
			details: { successful: [{ _id: 'b2' }], failed: [{ recipientId: 'h1', error: 'e' }] },
		};
		expect(recipientOutcomes(['h1', 'h2'], byBadge)).toEqual([
			notIssued('h1', 'e', 'partial'),
			issued('h2', 'b2', 'partial'),
		]);
	});

	test('successful = recipient IDs leaves the others unknown even when the badge count would fit them', () => {
		const answer = {
			issuedBadges: ['x', 'y'],
			status: 'partial',
			details: { successful: ['h1'], failed: [] },
		};
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual([
			issued('h1', null, 'partial'),
			unknown('h2', 'partial', answer),
			unknown('h3', 'partial', answer),
		]);
	});

	test('a badge object whose _id is not a string gives no badge ID', () => {
		const answer = { issuedBadges: [{ _id: 5, recipientId: 'h1' }], status: 'success' };
		expect(recipientOutcomes(['h1'], answer)).toEqual([issued('h1', null, 'success')]);
	});

	test('failed entries given as bare recipient IDs, or without an error text', () => {
		const answer = {
			issuedBadges: ['b1', 'b2'],
			status: 'partial',
			details: {
				successful: ['h1', 'h2'],
				failed: ['h3', { recipientId: 'h4' }, { error: 'no id' }, null, 7],
			},
		};
		expect(recipientOutcomes(batch, answer).slice(2)).toEqual([
			notIssued('h3', 'Not issued', 'partial'),
			notIssued('h4', 'Not issued', 'partial'),
		]);
	});
});

describe('recipientOutcomes: success', () => {
	const reads = {
		'recipient IDs, details': {
			issuedBadges: ['b1', 'b2', 'b3', 'b4'],
			status: 'success',
			details: { successful: batch, failed: [] },
		},
		'badge IDs, details': {
			issuedBadges: ['b1', 'b2', 'b3', 'b4'],
			status: 'success',
			details: { successful: ['b1', 'b2', 'b3', 'b4'], failed: [] },
		},
		'no details': { issuedBadges: ['b1', 'b2', 'b3', 'b4'], status: 'success' },
		'objects, no details': {
			issuedBadges: ['b1', 'b2', 'b3', 'b4'].map((_id) => ({ _id })),
			status: 'success',
		},
		'no status, one badge each': { issuedBadges: ['b1', 'b2', 'b3', 'b4'] },
	};
	test.each(Object.entries(reads))(
		'%s: every recipient issued, badges in request order',
		(_name, answer) => {
			expect(recipientOutcomes(batch, answer)).toEqual(
				batch.map((id, index) =>
					issued(id, `b${index + 1}`, 'status' in answer ? 'success' : null),
				),
			);
		},
	);

	test('success without badge IDs: issued, badge IDs null', () => {
		expect(recipientOutcomes(['h1', 'h2'], { status: 'success' })).toEqual([
			issued('h1', null, 'success'),
			issued('h2', null, 'success'),
		]);
	});

	// A badge paired with a recipient named in successful is not handed to another recipient.
	test('success with successful naming some recipients: their badges are not given twice', () => {
		const answer = { issuedBadges: ['b1'], status: 'success', details: { successful: ['h1'] } };
		expect(recipientOutcomes(['h1', 'h2'], answer)).toEqual([
			issued('h1', 'b1', 'success'),
			issued('h2', null, 'success'),
		]);
	});

	// 3 recipients issued, 2 badges: b1 may be h1's, so nobody's badge ID is guessed.
	test('success with successful naming some recipients and too few badges: badge IDs not guessed', () => {
		const answer = {
			issuedBadges: ['b1', 'b2'],
			status: 'success',
			details: { successful: ['h1'] },
		};
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual([
			issued('h1', null, 'success'),
			issued('h2', null, 'success'),
			issued('h3', null, 'success'),
		]);
	});

	test('success with a badge naming its recipient: the unnamed badges pair with the rest', () => {
		const answer = {
			issuedBadges: [{ _id: 'b1', recipientId: 'h1' }, 'b2', 'b3'],
			status: 'success',
			details: { successful: ['h1'] },
		};
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual([
			issued('h1', 'b1', 'success'),
			issued('h2', 'b2', 'success'),
			issued('h3', 'b3', 'success'),
		]);
	});

	test('success with fewer badges than recipients: issued, badge IDs not guessed', () => {
		expect(
			recipientOutcomes(['h1', 'h2'], { status: 'success', issuedBadges: ['b1'] }).map(
				(outcome) => outcome.badgeId,
			),
		).toEqual([null, null]);
	});
});

describe('recipientOutcomes: failed and unreadable answers', () => {
	test('status failed with details: the API errors are kept', () => {
		const answer = {
			issuedBadges: [],
			status: 'failed',
			details: {
				successful: [],
				failed: batch.map((recipientId) => ({ recipientId, error: `no ${recipientId}` })),
			},
		};
		expect(recipientOutcomes(batch, answer)).toEqual(
			batch.map((id) => notIssued(id, `no ${id}`, 'failed')),
		);
	});

	test('status failed without details: not issued, the status is the reason', () => {
		expect(recipientOutcomes(['h1'], { issuedBadges: [], status: 'failed' })).toEqual([
			notIssued('h1', 'MyPit answered status "failed" for this batch', 'failed'),
		]);
	});

	test('status failed with a badge naming its recipient: that one issued, the others unknown', () => {
		const answer = { issuedBadges: [{ _id: 'b1', recipientId: 'h1' }], status: 'failed' };
		expect(recipientOutcomes(['h1', 'h2'], answer)).toEqual([
			issued('h1', 'b1', 'failed'),
			unknown('h2', 'failed', answer),
		]);
	});

	test('status failed that still lists a badge: not claimed as not issued', () => {
		const answer = { issuedBadges: ['b1'], status: 'failed' };
		expect(recipientOutcomes(['h1', 'h2'], answer).map((outcome) => outcome.outcome)).toEqual([
			'unknown',
			'unknown',
		]);
	});

	test('partial without details and with bare IDs: nobody can be told apart', () => {
		const answer = { issuedBadges: ['b1', 'b2'], status: 'partial' };
		expect(recipientOutcomes(['h1', 'h2', 'h3'], answer)).toEqual(
			['h1', 'h2', 'h3'].map((id) => unknown(id, 'partial', answer)),
		);
	});

	test('partial without details, objects naming recipients: those are issued, the others unknown', () => {
		const answer = { issuedBadges: [{ _id: 'b2', recipientId: 'h2' }], status: 'partial' };
		expect(recipientOutcomes(['h1', 'h2'], answer)).toEqual([
			unknown('h1', 'partial', answer),
			issued('h2', 'b2', 'partial'),
		]);
	});

	test('a badge object naming a recipient outside the batch is not paired by name', () => {
		const answer = { issuedBadges: [{ _id: 'b1', recipientId: 'elsewhere' }], status: 'success' };
		expect(recipientOutcomes(['h1'], answer)).toEqual([issued('h1', 'b1', 'success')]);
	});

	test.each([
		['an empty object', {}, {}],
		['null', null, {}],
		['a bare string', 'done', {}],
		[
			'an unknown status',
			{ status: 'done', issuedBadges: 'b1' },
			{ status: 'done', issuedBadges: 'b1' },
		],
		[
			'junk badges',
			{ status: 'partial', issuedBadges: [null, 5] },
			{ status: 'partial', issuedBadges: [null, 5] },
		],
		[
			'junk details',
			{ status: 'partial', details: { successful: 'h1', failed: 'h2' } },
			{ status: 'partial', details: { successful: 'h1', failed: 'h2' } },
		],
	])('%s: unknown, never a failure', (_name, answer, attached) => {
		const outcomes = recipientOutcomes(['h1', 'h2', 'h3'], answer as never);
		expect(outcomes.map((outcome) => [outcome.issued, outcome.outcome, outcome.badgeId])).toEqual([
			[null, 'unknown', null],
			[null, 'unknown', null],
			[null, 'unknown', null],
		]);
		expect(outcomes[0].apiAnswer).toEqual(attached);
	});
});

describe('unsentOutcomes', () => {
	const node = {
		name: 'MyPit',
		type: 'n8n-nodes-mypit.myPit',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		id: '1',
	} as INode;
	const apiError = (httpCode: string) =>
		new NodeApiError(node, { message: 'boom' }, { message: 'Boom', httpCode });

	test('a 4xx refused the batch: its recipients are not issued, later ones not sent', () => {
		expect(unsentOutcomes(['h1', 'h2', 'h3'], 2, apiError('400'))).toEqual([
			notIssued('h1', 'Batch refused: Boom', null),
			notIssued('h2', 'Batch refused: Boom', null),
			notIssued('h3', 'Not sent: an earlier batch failed', null),
		]);
	});

	test.each(['500', '408', '503'])('a %s may have been processed: unknown', (code) => {
		const [first, second] = unsentOutcomes(['h1', 'h2'], 1, apiError(code));
		expect(first).toEqual({
			recipientId: 'h1',
			issued: null,
			badgeId: null,
			outcome: 'unknown',
			batchStatus: null,
			error:
				'Batch failed, outcome unknown: Boom. Check with Badge > Get Many before issuing again.',
		});
		expect(second.outcome).toBe('not issued');
	});

	test('a network error (no HTTP code) is unknown', () => {
		expect(unsentOutcomes(['h1'], 1, new Error('socket hang up'))[0]).toMatchObject({
			issued: null,
			outcome: 'unknown',
		});
	});
});

describe('overallStatus and withStatus', () => {
	const outcome = (
		outcome: RecipientOutcome['outcome'],
		batchStatus: RecipientOutcome['batchStatus'],
	): RecipientOutcome => ({
		recipientId: 'h',
		issued: outcome === 'issued' ? true : outcome === 'not issued' ? false : null,
		badgeId: null,
		outcome,
		batchStatus,
	});
	const byTwo = (_outcome: RecipientOutcome, index: number) => Math.floor(index / 2);

	test('one batch: the API status, even where the outcomes would say otherwise', () => {
		expect(overallStatus([outcome('issued', 'partial'), outcome('issued', 'partial')], byTwo)).toBe(
			'partial',
		);
		expect(
			overallStatus([outcome('unknown', 'success'), outcome('unknown', 'success')], byTwo),
		).toBe('success');
		expect(overallStatus([outcome('not issued', 'failed')], byTwo)).toBe('failed');
	});

	test('several batches: success or failed only when every batch says so', () => {
		const ok = [outcome('issued', 'success'), outcome('issued', 'success')];
		const bad = [outcome('not issued', 'failed'), outcome('not issued', 'failed')];
		expect(overallStatus([...ok, ...ok], byTwo)).toBe('success');
		expect(overallStatus([...bad, ...bad], byTwo)).toBe('failed');
		expect(overallStatus([...ok, ...bad], byTwo)).toBe('partial');
	});

	test('a batch without an API status counts by its outcomes', () => {
		expect(overallStatus([outcome('issued', null), outcome('issued', null)], byTwo)).toBe(
			'success',
		);
		expect(overallStatus([outcome('not issued', null), outcome('not issued', null)], byTwo)).toBe(
			'failed',
		);
		expect(overallStatus([outcome('issued', null), outcome('unknown', null)], byTwo)).toBe(
			'partial',
		);
		expect(overallStatus([outcome('unknown', null), outcome('unknown', null)], byTwo)).toBe(
			'partial',
		);
		// Some issued, some not: partial, not failed.
		expect(overallStatus([outcome('issued', null), outcome('not issued', null)], byTwo)).toBe(
			'partial',
		);
		expect(
			overallStatus(
				[outcome('issued', 'success'), outcome('issued', 'success'), outcome('not issued', null)],
				byTwo,
			),
		).toBe('partial');
	});

	test('no outcomes: success', () => {
		expect(overallStatus([], byTwo)).toBe('success');
	});

	test('withStatus adds the run status and the template to each item, grouping by batch size', () => {
		const outcomes = [outcome('issued', 'success'), outcome('not issued', 'failed')];
		expect(withStatus(outcomes, 't1', 1)).toEqual(
			outcomes.map((item) => ({ ...item, status: 'partial', templateId: 't1' })),
		);
		expect(
			withStatus([outcome('issued', 'partial'), outcome('not issued', 'partial')], 't1', 2).map(
				(item) => item.status,
			),
		).toEqual(['partial', 'partial']);
	});
});
