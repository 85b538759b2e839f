import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationSpec } from './scope';

/** Each operation option of the description, bound to the handler that runs it. */
const specs = new WeakMap<INodePropertyOptions, OperationSpec>();

export function bindOperation(option: INodePropertyOptions, spec: OperationSpec): void {
	specs.set(option, spec);
}

export function operationSpecOf(option: INodePropertyOptions): OperationSpec | undefined {
	return specs.get(option);
}
