/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import {
	InputError,
	requireDid,
	requireId,
	requireText,
} from '../../nodes/MyPit/shared/validation';
import type { Prompter } from './terminal';

/** The MyPit account the probe acts as; the secret key never leaves this object unmasked. */
export interface ProbeAccount {
	clientId: string;
	secretKey: string;
	userId: string;
	/** Needed only by --write (Holder → Create). */
	issuerDid?: string;
}

export const ACCOUNT_VARIABLES = {
	clientId: 'MYPIT_CLIENT_ID',
	secretKey: 'MYPIT_SECRET_KEY',
	userId: 'MYPIT_USER_ID',
	issuerDid: 'MYPIT_ISSUER_DID',
} as const;

export class AccountError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AccountError';
	}
}

type Field = keyof typeof ACCOUNT_VARIABLES;

const QUESTIONS: Record<Field, string> = {
	clientId: 'MyPit client ID: ',
	secretKey: 'MyPit secret key (not shown): ',
	userId: 'MyPit user ID: ',
	issuerDid: 'MyPit issuer DID (did:…): ',
};

/**
 * Each value from its environment variable, else asked on the terminal (the secret without
 * echo), then checked with the node's own input rules. No flag ever carries one.
 */
export async function readAccount(
	env: NodeJS.ProcessEnv,
	prompter: Prompter | undefined,
	needIssuerDid: boolean,
): Promise<ProbeAccount> {
	const read = async (field: Field): Promise<string> => {
		const fromEnv = env[ACCOUNT_VARIABLES[field]];
		if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv;
		if (!prompter) {
			throw new AccountError(
				`${ACCOUNT_VARIABLES[field]} is not set and there is no terminal to ask on: set it in the environment`,
			);
		}
		return field === 'secretKey'
			? await prompter.askSecret(QUESTIONS[field])
			: await prompter.ask(QUESTIONS[field]);
	};
	const label = (field: Field) => ACCOUNT_VARIABLES[field];
	try {
		const clientId = requireId(await read('clientId'), label('clientId'));
		// Checked for presence and length only, so no message can ever show it.
		const secretKey = requireText(await read('secretKey'), label('secretKey'), 1000);
		const userId = requireId(await read('userId'), label('userId'));
		const issuerDid = needIssuerDid
			? requireDid(await read('issuerDid'), label('issuerDid'))
			: undefined;
		return { clientId, secretKey, userId, issuerDid };
	} catch (error) {
		if (error instanceof InputError) {
			throw new AccountError(
				`Invalid ${error.field}: expected ${error.expected}, got ${error.received}`,
			);
		}
		throw error;
	}
}
