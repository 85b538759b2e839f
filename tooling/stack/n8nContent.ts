/* eslint-disable @typescript-eslint/no-unused-vars -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** What the stack puts into a running n8n: the sandbox credential and the example workflows. */
import type { Sandbox } from '../../sandbox';
import type { N8nServer } from '../n8n';
import type { DemoData } from '../../sandbox/demoData';
import {
	EXAMPLE_CREDENTIAL_NAME,
	fitExampleToAccount,
	loadExamples,
	type Example,
} from './examples';

export interface ImportedExample extends Example {
	id: string;
	url: string;
}

interface CredentialRow {
	id: string;
	name: string;
	type: string;
}

interface WorkflowRow {
	id: string;
	name: string;
	versionId?: string;
}

function listOf<T>(value: unknown): T[] {
	if (Array.isArray(value)) return value as T[];
	if (value && typeof value === 'object' && Array.isArray((value as { data?: unknown }).data))
		return (value as { data: T[] }).data;
	return [];
}

/** Creates the "MyPit sandbox" credential, or points an existing one at this sandbox. */
export async function ensureCredential(
	server: N8nServer,
	sandbox: Sandbox,
): Promise<{ id: string; name: string }> {
	const data = {
		clientId: sandbox.demo.clientId,
		secretKey: sandbox.demo.secretKey,
		baseUrl: sandbox.url,
		userId: sandbox.demo.userId,
		issuerDid: sandbox.demo.issuerDid,
	};
	const existing = listOf<CredentialRow>(await server.rest('GET', '/rest/credentials')).find(
		(row) => row.name === EXAMPLE_CREDENTIAL_NAME && row.type === 'myPitApi',
	);
	if (existing) {
		await server.rest('PATCH', `/rest/credentials/${existing.id}`, {
			name: EXAMPLE_CREDENTIAL_NAME,
			type: 'myPitApi',
			data,
		});
		return { id: existing.id, name: existing.name };
	}
	const created = await server.createCredential({
		name: EXAMPLE_CREDENTIAL_NAME,
		type: 'myPitApi',
		data,
	});
	return { id: created.id, name: created.name };
}

/**
 * Imports every example (template picked for this sandbox). An example that already exists by name
 * (persistent home) is overwritten with the repository's version, so it fits the new sandbox.
 */
export async function importExamples(
	server: N8nServer,
	demoData: DemoData,
): Promise<ImportedExample[]> {
	const existing = listOf<WorkflowRow>(await server.rest('GET', '/rest/workflows'));
	// With the project named, n8n resolves each node's credential by name, as the editor's import
	// does (1.x does so on create only when the body names the project).
	const project = await server.rest<{ id: string }>('GET', '/rest/projects/personal');
	const imported: ImportedExample[] = [];
	for (const example of loadExamples()) {
		const workflow = fitExampleToAccount(example.workflow, demoData.templates);
		const { id: _id, ...body } = workflow as typeof workflow & { id?: string };
		const current = existing.find((row) => row.name === workflow.name);
		let id: string;
		if (current) {
			const stored = await server.rest<WorkflowRow>('GET', `/rest/workflows/${current.id}`);
			await server.rest('PATCH', `/rest/workflows/${current.id}?forceSave=true`, {
				...body,
				versionId: stored.versionId,
			});
			id = current.id;
		} else {
			id = await server.createWorkflow({ ...body, projectId: project.id } as typeof workflow);
		}
		imported.push({ ...example, workflow, id, url: `${server.baseUrl}/workflow/${id}` });
	}
	return imported;
}
