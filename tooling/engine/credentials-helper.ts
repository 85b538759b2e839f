/* eslint-disable @typescript-eslint/no-unused-vars -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
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
import { Container } from '@n8n/di';
import * as n8nCore from 'n8n-core';
import { Credentials } from 'n8n-core';

/**
 * n8n 2.x decrypts through a key provider that n8n's server registers (its key store); here the
 * instance key stands in for it, as n8n's legacy key. n8n 1.x decrypts with the instance key
 * directly and has no provider.
 */
function provideInstanceKey() {
	const core = n8nCore as unknown as Record<string, new (...args: never[]) => unknown>;
	if (!core.EncryptionKeyProxy) return;
	const proxy = Container.get(core.EncryptionKeyProxy) as {
		provider?: unknown;
		setProvider(provider: unknown): void;
	};
	if (proxy.provider) return;
	const cipher = Container.get(core.Cipher) as { encryptDEKWithInstanceKey(key: string): string };
	const settings = Container.get(core.InstanceSettings) as { encryptionKey: string };
	const key = {
		id: 'instance',
		value: cipher.encryptDEKWithInstanceKey(settings.encryptionKey),
		algorithm: 'aes-256-cbc',
		format: 'no-prefix',
	};
	proxy.setProvider({
		getActiveKey: async () => key,
		getKeyById: async () => key,
		getLegacyKey: async () => key,
	});
}

/**
 * Credentials for engine tests. Like n8n's own CredentialsHelper (n8n/dist/credentials-helper.js),
 * it applies a credential type's `authenticate`: a function is called with the decrypted
 * credential and the request; the generic form's expressions are resolved with the workflow's
 * real expression engine.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Encrypted copies, when the credentials are stored as n8n stores them (`encrypted`). */
	private readonly stored = new Map<ICredentialDataDecryptedObject, Credentials>();

	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		/** Credentials by the ID a node references, for workflows whose nodes use different ones. */
		private readonly byId: Record<string, ICredentialDataDecryptedObject> = {},
		/**
		 * Keep each credential encrypted with the instance's key and decrypt it on every read, as
		 * n8n does (it also reads it from its database first). For benchmarks of the request path.
		 */
		private readonly encrypted = false,
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
		if (!this.encrypted) return { ...data };
		let stored = this.stored.get(data);
		if (!stored) {
			provideInstanceKey();
			stored = new Credentials(nodeCredentials, type);
			// n8n-core 2.x encrypts asynchronously, 1.x synchronously.
			await stored.setData({ ...data });
			this.stored.set(data, stored);
		}
		return await stored.getData();
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
