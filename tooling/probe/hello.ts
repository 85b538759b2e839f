import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import type { ProbeContext } from './context';
import { describeError, failedStep, type Finding } from './findings';

/** /hello refused the client ID and secret key: nothing else can work, the probe stops. */
export class CredentialsRefused extends Error {
	constructor(detail: string) {
		super(`MyPit refused the client ID and secret key: ${detail}`);
		this.name = 'CredentialsRefused';
	}
}

/** GET /hello, read as the credential's Test reads it: a `message` key means a MyPit API. */
export async function helloFinding(ctx: ProbeContext): Promise<Finding> {
	ctx.log.step = 'hello';
	ctx.progress('GET /hello');
	const reading = 'answer';
	const outcome = await ctx.client.request<IDataObject>(ENDPOINTS.hello).then(
		(answer) => ({ answer }),
		(error: { httpCode?: string | null }) => ({ error }),
	);
	if ('error' in outcome) {
		if (outcome.error.httpCode === '401' || outcome.error.httpCode === '400')
			throw new CredentialsRefused(describeError(outcome.error));
		return failedStep('hello', reading, outcome.error);
	}
	const { answer } = outcome;
	if (answer.message === undefined) {
		return {
			subject: 'hello',
			reading,
			value: 'no-message',
			observed: `no "message": ${JSON.stringify(answer).slice(0, 80)}`,
			node: 'the credential\'s Test fails: "not the MyPit hello message"',
			verdict: 'not-handled',
		};
	}
	return {
		subject: 'hello',
		reading,
		value: 'message',
		observed: JSON.stringify(answer),
		node: "the credential's Test passes",
		verdict: 'handled',
	};
}
