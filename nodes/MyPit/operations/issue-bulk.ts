import type { IDataObject, IExecuteSingleFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { InputError, requireId } from '../shared/validation';
import type { MyPitClient } from '../transport/client';
import { issueInBatches, readIssueSettings } from './issue-batches';
import { withStatus } from './issue-outcomes';
import { toNodeError, type LinkedOutput, type OperationResult } from './runner';

/** The Holder parameter as it resolves for input item `row` (usually an expression). */
function holderIdForRow(context: IExecuteSingleFunctions, row: number): unknown {
	const raw = context.getNode().parameters.holderId as INodeParameterResourceLocator | string | undefined;
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	if (typeof value === 'string' && value.startsWith('=')) return context.evaluateExpression(value.slice(1), row);
	return value;
}

function problemOf(check: () => void): unknown {
	try {
		check();
		return undefined;
	} catch (problem) {
		return problem;
	}
}

/**
 * Bulk mode: one holder per input item, sent in batches of Batch Size. Every output item links
 * to the input item that named its holder; an input item with a bad holder gets its own error.
 * Template, badge data and options are read from the first input item.
 */
export async function issueForAllItems(
	context: IExecuteSingleFunctions,
	client: MyPitClient,
	body: IDataObject,
): Promise<OperationResult> {
	const rows = context.getExecuteData().data.main?.[0] ?? [];
	const continueOnFail = context.continueOnFail();
	const linked: LinkedOutput[] = [];
	const rowOfRecipient = new Map<string, number>();

	for (let row = 0; row < rows.length; row++) {
		const field = `Holder (item ${row})`;
		const problem = problemOf(() => {
			const id = requireId(holderIdForRow(context, row), field);
			const earlier = rowOfRecipient.get(id);
			if (earlier !== undefined) {
				throw new InputError(field, 'a holder that no other item names', `"${id}", also named by item ${earlier}`);
			}
			rowOfRecipient.set(id, row);
		});
		if (problem !== undefined) {
			const error = toNodeError(context, problem, row);
			if (!continueOnFail) throw error;
			linked.push({ json: { error: error.message }, inputIndex: row, error });
		}
	}

	if (rowOfRecipient.size > 0) {
		const settings = readIssueSettings(context, body);
		const outcomes = await issueInBatches(context, client, settings, [...rowOfRecipient.keys()]).catch(
			(failure: unknown) => {
				const error = toNodeError(context, failure, 0);
				if (!continueOnFail) throw error;
				// Nothing was issued: every input item gets the error.
				for (const row of rowOfRecipient.values()) linked.push({ json: { error: error.message }, inputIndex: row, error });
				return [];
			},
		);
		for (const json of withStatus(outcomes, settings.templateId)) {
			linked.push({ json, inputIndex: rowOfRecipient.get(json.recipientId as string) as number });
		}
	}
	linked.sort((a, b) => a.inputIndex - b.inputIndex);
	return { linked };
}
