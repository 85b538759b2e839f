import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';
import { Credentials } from 'n8n-core';

/**
 * Credentials for engine tests. Like n8n's own CredentialsHelper, it applies a credential type's
 * generic `authenticate` by resolving its expressions with the workflow's real expression engine.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		/** Credentials by the ID a node references, for workflows whose nodes use different ones. */
		private readonly byId: Record<string, ICredentialDataDecryptedObject> = {},
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		const updated: IHttpRequestOptions = { ...requestOptions };
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const key = target as 'headers' | 'qs' | 'body' | 'auth';
			const bucket: Record<string, unknown> = {
				...((updated[key] as Record<string, unknown>) ?? {}),
			};
			for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
				bucket[String(resolve(name))] = resolve(value);
			}
			(updated as unknown as Record<string, unknown>)[key] = bucket;
		}
		return updated;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_expired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data =
			(nodeCredentials.id ? this.byId[nodeCredentials.id] : undefined) ?? this.data[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		// A copy per call, as n8n decrypts anew for every request.
		return { ...data };
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		return new Credentials(nodeCredentials, type, '');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}
