/**
 * The current issueOutcomes.ts (issue 9 part A rewrites it, with its own test/unit/issueOutcomes.test.ts):
 * these tests pin what it does today so the mutation run can score it.
 */
import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { overallStatus, recipientOutcomes, unsentOutcomes, withStatus } from '../../nodes/MyPit/operations/issueOutcomes';

const node = { id: 'mypit', name: 'MyPit', type: 'n8n-nodes-mypit.myPit', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const apiError = (httpCode: string, message: string) => new NodeApiError(node, {}, { message, httpCode });

describe('recipientOutcomes', () => {
	test('details.successful in the order of issuedBadges; failed recipients keep their error', () => {
		const outcomes = recipientOutcomes(['h1', 'h2', 'h3'], {
			status: 'partial',
			issuedBadges: ['b3', { _id: 'b1' }],
			details: { successful: ['h3', 'h1'], failed: [{ recipientId: 'h2', error: 'Holder not found' }] },
		});

		expect(outcomes).toEqual([
			{ recipientId: 'h1', issued: true, badgeId: 'b1' },
			{ recipientId: 'h2', issued: false, badgeId: null, error: 'Holder not found' },
			{ recipientId: 'h3', issued: true, badgeId: 'b3' },
		]);
	});

	test('without details, every recipient not listed as failed got the badge at its position', () => {
		expect(recipientOutcomes(['h1', 'h2'], { status: 'success', issuedBadges: ['b1', 'b2'] })).toEqual([
			{ recipientId: 'h1', issued: true, badgeId: 'b1' },
			{ recipientId: 'h2', issued: true, badgeId: 'b2' },
		]);
		expect(
			recipientOutcomes(['h1', 'h2'], { issuedBadges: ['b2'], details: { failed: [{ recipientId: 'h1', error: 'Nope' }] } }),
		).toEqual([
			{ recipientId: 'h1', issued: false, badgeId: null, error: 'Nope' },
			{ recipientId: 'h2', issued: true, badgeId: 'b2' },
		]);
	});

	test('when badge IDs and successful recipients do not pair up, no badge ID is guessed', () => {
		expect(recipientOutcomes(['h1', 'h2'], { issuedBadges: ['b1'], details: { successful: ['h1', 'h2'] } })).toEqual([
			{ recipientId: 'h1', issued: true, badgeId: null },
			{ recipientId: 'h2', issued: true, badgeId: null },
		]);
		expect(recipientOutcomes(['h1'], { issuedBadges: 'b1', details: { successful: ['h1'] } })[0]).toEqual({
			recipientId: 'h1',
			issued: true,
			badgeId: null,
		});
	});

	test('badge entries that are neither IDs nor records give null', () => {
		expect(recipientOutcomes(['h1', 'h2'], { issuedBadges: [{ id: 'x' }, 5] }).map((outcome) => outcome.badgeId)).toEqual([null, null]);
		expect(recipientOutcomes(['h1'], { issuedBadges: [{ _id: 7 }] })[0].badgeId).toBeNull();
		expect(recipientOutcomes(['h1'], { issuedBadges: [null] })[0].badgeId).toBeNull();
	});

	test('a recipient the answer does not mention is not issued', () => {
		expect(recipientOutcomes(['h1', 'h2'], { issuedBadges: ['b1'], details: { successful: ['h1'], failed: [] } })[1]).toEqual({
			recipientId: 'h2',
			issued: false,
			badgeId: null,
			error: 'MyPit did not report this recipient as issued',
		});
	});

	test('a failed entry without its own error text, and malformed failed entries', () => {
		const outcomes = recipientOutcomes(['h1', 'h2'], {
			details: { successful: [], failed: [{ recipientId: 'h1' }, null, { recipientId: 3, error: 'x' }, { error: 'y' }] },
		});

		expect(outcomes[0]).toEqual({ recipientId: 'h1', issued: false, badgeId: null, error: 'Not issued' });
		expect(outcomes[1].error).toBe('MyPit did not report this recipient as issued');
	});

	test('a failed list that is not a list is ignored', () => {
		expect(recipientOutcomes(['h1'], { issuedBadges: ['b1'], details: { failed: 'h1' } })).toEqual([
			{ recipientId: 'h1', issued: true, badgeId: 'b1' },
		]);
	});
});

describe('unsentOutcomes: a batch that failed, and the batches after it', () => {
	test('a 4xx refused the batch as a whole: nothing was issued', () => {
		const outcomes = unsentOutcomes(['h3', 'h4', 'h5'], 2, apiError('400', 'Holder list too long'));

		expect(outcomes).toEqual([
			{ recipientId: 'h3', issued: false, badgeId: null, error: 'Batch refused: Holder list too long' },
			{ recipientId: 'h4', issued: false, badgeId: null, error: 'Batch refused: Holder list too long' },
			{ recipientId: 'h5', issued: false, badgeId: null, error: 'Not sent: an earlier batch failed' },
		]);
	});

	test.each(['408', '500', '503'])('HTTP %s: the outcome is unknown, so the user is told to check first', (httpCode) => {
		const [first] = unsentOutcomes(['h3'], 1, apiError(httpCode, 'Timed out'));

		expect(first.error).toBe('Batch failed, outcome unknown: Timed out. Check with Badge > Get Many before issuing again.');
	});

	test.each(['401', '403', '404', '429', '499'])('HTTP %s is a refusal', (httpCode) => {
		expect(unsentOutcomes(['h3'], 1, apiError(httpCode, 'No'))[0].error).toBe('Batch refused: No');
	});

	test('a network failure or an error without an HTTP code: outcome unknown', () => {
		expect(unsentOutcomes(['h3'], 1, new NodeApiError(node, {}, { message: 'dropped' }))[0].error).toMatch(/^Batch failed, outcome unknown: dropped/);
		expect(unsentOutcomes(['h3'], 1, new NodeOperationError(node, 'odd'))[0].error).toMatch(/^Batch failed, outcome unknown: odd/);
		expect(unsentOutcomes(['h3'], 1, { message: 'plain', httpCode: '400' })[0].error).toMatch(/^Batch failed, outcome unknown: plain/);
	});
});

describe('overall status', () => {
	const issued = { recipientId: 'a', issued: true, badgeId: 'b' };
	const missed = { recipientId: 'c', issued: false, badgeId: null };

	test('success, partial, failed', () => {
		expect(overallStatus([issued, issued])).toBe('success');
		expect(overallStatus([issued, missed])).toBe('partial');
		expect(overallStatus([missed, missed])).toBe('failed');
	});

	test('withStatus adds the status and the template to every item', () => {
		expect(withStatus([issued, missed], 't1')).toEqual([
			{ ...issued, status: 'partial', templateId: 't1' },
			{ ...missed, status: 'partial', templateId: 't1' },
		]);
	});
});
