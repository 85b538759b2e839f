import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import type { AuthenticatingContext } from '../transport/client';

import { clientGate, type RequestGate } from '../transport/requestGate';
import type { RunScope } from './scope';

/** What a run needs from n8n: the execute context of a custom operation or of one routed item. */
type RunContext = Pick<
	IExecuteFunctions,
	'getNode' | 'logger' | 'continueOnFail' | 'getExecutionCancelSignal'
> &
	AuthenticatingContext;

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
		// n8n's context itself: its request helper reads the credential from it.
		n8n: context,
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
