import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import type { MyPitRequestContext } from '../transport/client';

import { clientGate } from '../transport/requestLimits';
import type { RequestGate } from '../transport/requestGate';
import type { RunScope } from './scope';

/** What a run needs from n8n: the execute context of a custom operation or of one routed item. */
type RunContext = Pick<
	IExecuteFunctions,
	'getNode' | 'logger' | 'continueOnFail' | 'getExecutionCancelSignal'
> &
	Pick<MyPitRequestContext, 'helpers'>;

/** A run's shared state, around the credential it decrypted once. */
export function createRunScope(
	context: RunContext,
	credentials: ICredentialDataDecryptedObject,
	asTool = false,
): RunScope {
	const values = new Map<string, Promise<unknown>>();
	let gate: RequestGate | undefined;
	const node = context.getNode();
	return {
		node,
		credentials,
		continueOnFail: context.continueOnFail(),
		asTool,
		cancelSignal: context.getExecutionCancelSignal?.(),
		n8n: { helpers: context.helpers, logger: context.logger, getNode: () => node },
		async once<T>(key: string, compute: () => Promise<T>): Promise<T> {
			let value = values.get(key) as Promise<T> | undefined;
			if (!value) values.set(key, (value = compute()));
			return await value;
		},
		gate(maxConcurrent: number): RequestGate {
			gate ??= clientGate(this.n8n, credentials, maxConcurrent);
			return gate;
		},
	};
}
