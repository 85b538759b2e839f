/* eslint-disable @typescript-eslint/no-unused-vars, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** What the stack puts into a running n8n: the sandbox credential, example 06's MCP token credential and the example workflows. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { credentialsFor, type Sandbox } from '../../sandbox';
import type { N8nServer } from '../n8n';
import type { DemoData } from '../../sandbox/demoData';
import {
	EXAMPLE_CREDENTIAL_NAME,
	MCP_TOKEN_CREDENTIAL_NAME,
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

/** Creates the credential of this name and type, or gives an existing one these values. */
async function upsertCredential(
	server: N8nServer,
	name: string,
	type: string,
	data: Record<string, string>,
): Promise<{ id: string; name: string }> {
	const existing = listOf<CredentialRow>(await server.rest('GET', '/rest/credentials')).find(
		(row) => row.name === name && row.type === type,
	);
	if (existing) {
		await server.rest('PATCH', `/rest/credentials/${existing.id}`, { name, type, data });
		return { id: existing.id, name: existing.name };
	}
	const created = await server.createCredential({ name, type, data });
	return { id: created.id, name: created.name };
}

/** Creates the "MyPit sandbox" credential, or points an existing one at this sandbox. */
export async function ensureCredential(
	server: N8nServer,
	sandbox: Sandbox,
): Promise<{ id: string; name: string }> {
	return await upsertCredential(
		server,
		EXAMPLE_CREDENTIAL_NAME,
		'myPitApi',
		credentialsFor(sandbox.demo, sandbox.url),
	);
}

/**
 * The "MyPit MCP token" Bearer credential example 06's MCP Server Trigger names, so the example
 * can be published as imported. The token is made once per n8n user folder and kept in it
 * (`mcp-token`, readable by its owner only): MCP clients set up once keep working after a restart.
 */
export async function ensureMcpTokenCredential(
	server: N8nServer,
	homeDir: string,
): Promise<{ id: string; name: string; token: string }> {
	const file = path.join(homeDir, 'mcp-token');
	let token = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
	if (!token) {
		token = randomBytes(24).toString('base64url');
		fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
	}
	const credential = await upsertCredential(server, MCP_TOKEN_CREDENTIAL_NAME, 'httpBearerAuth', {
		token,
	});
	return { ...credential, token };
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

export interface N8nContent {
	credential: { id: string; name: string };
	mcpToken: { id: string; name: string; token: string };
	examples: ImportedExample[];
}

/** What every stack puts into its n8n once it runs: the two credentials, then the examples. */
export async function putContent(
	step: <T>(name: string, action: () => Promise<T>) => Promise<T>,
	server: N8nServer,
	sandbox: Sandbox,
	demoData: DemoData,
	homeDir: string,
): Promise<N8nContent> {
	const credential = await step(`credential "${EXAMPLE_CREDENTIAL_NAME}"`, () =>
		ensureCredential(server, sandbox),
	);
	const mcpToken = await step(`credential "${MCP_TOKEN_CREDENTIAL_NAME}"`, () =>
		ensureMcpTokenCredential(server, homeDir),
	);
	// After the credentials: n8n resolves each example node's credential by name on import.
	const examples = await step('import the example workflows', () =>
		importExamples(server, demoData),
	);
	return { credential, mcpToken, examples };
}
