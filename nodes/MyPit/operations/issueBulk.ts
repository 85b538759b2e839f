import type { IDataObject } from 'n8n-workflow';

import { toNodeError } from '../execution/itemRun';
import type { LinkedOutput, OperationCall, OperationResult } from '../execution/scope';
import { InputError, requireId, requireText } from '../shared/validation';
import { issueToRecipients, readIssueSettings } from './badge';

/** The value at a dotted path of an input item's JSON, e.g. "holder.id". */
function valueAtPath(json: IDataObject, dottedPath: string): unknown {
	let value: unknown = json;
	for (const key of dottedPath.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/**
 * Bulk mode: one holder per input item (read from its Holder ID Field), sent in batches of Batch
 * Size. Every output item links to the input item that named its holder; an input item with a
 * bad holder gets its own error. Template, badge data and options are read from the first item.
 */
export async function issueForAllItems(call: OperationCall): Promise<OperationResult> {
	const { item, client, body, inputs } = call;
	const { node, continueOnFail } = item.run;
	// A field name rather than an expression: reading it costs nothing per item, where n8n's
	// expression engine costs milliseconds per evaluation.
	const holderIdField = requireText(item.parameter('holderIdField', '_id'), 'Holder ID Field', 200);
	const linked: LinkedOutput[] = [];
	const rowOfRecipient = new Map<string, number>();

	for (const { index: row, json } of inputs) {
		const field = `${holderIdField} (item ${row})`;
		try {
			const id = requireId(valueAtPath(json, holderIdField), field);
			const earlier = rowOfRecipient.get(id);
			if (earlier !== undefined) {
				throw new InputError(
					field,
					'a holder that no other item names',
					`"${id}", also named by item ${earlier}`,
				);
			}
			rowOfRecipient.set(id, row);
		} catch (problem) {
			const error = toNodeError(node, problem, row);
			if (!continueOnFail) throw error;
			linked.push({ json: { error: error.message }, inputIndex: row, error });
		}
	}

	if (rowOfRecipient.size > 0) {
		const settings = readIssueSettings(item, body);
		const outcomes = await issueToRecipients(item, client, settings, [
			...rowOfRecipient.keys(),
		]).catch((failure: unknown) => {
			const error = toNodeError(node, failure, item.index);
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
