import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { InputError, requireId, requireText } from '../shared/validation';
import type { MyPitClient } from '../transport/client';
import { readIssueSettings } from './issueBatches';
import { issueToRecipients } from './issueSkip';
import { toNodeError, type LinkedOutput, type OperationResult } from './runner';

/** The value at a dotted path of an input item's JSON, e.g. "holder.id". */
function valueAtPath(json: IDataObject, dottedPath: string): unknown {
	let value: unknown = json;
	for (const key of dottedPath.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
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
 * Bulk mode: one holder per input item (read from its Holder ID Field), sent in batches of Batch
 * Size. Every output item links to the input item that named its holder; an input item with a
 * bad holder gets its own error. Template, badge data and options are read from the first item.
 */
export async function issueForAllItems(
	context: IExecuteSingleFunctions,
	client: MyPitClient,
	body: IDataObject,
): Promise<OperationResult> {
	const rows = context.getExecuteData().data.main?.[0] ?? [];
	// A field name rather than an expression: reading it costs nothing per item, where n8n's
	// expression engine costs milliseconds per evaluation.
	const holderIdField = requireText(
		context.getNodeParameter('holderIdField', '_id'),
		'Holder ID Field',
		200,
	);
	const continueOnFail = context.continueOnFail();
	const linked: LinkedOutput[] = [];
	const rowOfRecipient = new Map<string, number>();

	for (let row = 0; row < rows.length; row++) {
		const field = `${holderIdField} (item ${row})`;
		const problem = problemOf(() => {
			const id = requireId(valueAtPath(rows[row].json, holderIdField), field);
			const earlier = rowOfRecipient.get(id);
			if (earlier !== undefined) {
				throw new InputError(
					field,
					'a holder that no other item names',
					`"${id}", also named by item ${earlier}`,
				);
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
		const outcomes = await issueToRecipients(context, client, settings, [
			...rowOfRecipient.keys(),
		]).catch((failure: unknown) => {
			const error = toNodeError(context, failure, 0);
			if (!continueOnFail) throw error;
			// Nothing was issued: every input item gets the error.
			for (const row of rowOfRecipient.values())
				linked.push({ json: { error: error.message }, inputIndex: row, error });
			return [];
		});
		for (const json of outcomes) {
			linked.push({ json, inputIndex: rowOfRecipient.get(json.recipientId as string) as number });
		}
	}
	linked.sort((a, b) => a.inputIndex - b.inputIndex);
	return { linked };
}
