/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** Credentials and workflows imported with n8n's CLI (`n8n import:*`, one boot each). */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import type { N8nHome } from './env';
import { makeId } from './ids';
import { runN8nOk, type RunN8nOptions } from './process';

export interface N8nCredentialInput {
	/** Generated when missing. */
	id?: string;
	name: string;
	type: string;
	/** Plain data; n8n encrypts it on import. */
	data: Record<string, unknown>;
}

/** Imports credentials (plain data) with `n8n import:credentials`; returns them with their ids. */
export async function importCredentials(
	home: N8nHome,
	credentials: N8nCredentialInput[],
	options: RunN8nOptions = {},
): Promise<Array<Required<N8nCredentialInput>>> {
	const withIds = credentials.map((credential) => ({
		...credential,
		id: credential.id ?? makeId(),
	}));
	const file = path.join(home.dir, `credentials-${makeId(8)}.json`);
	await fsp.writeFile(file, JSON.stringify(withIds));
	try {
		await runN8nOk(home, ['import:credentials', `--input=${file}`], options);
	} finally {
		await fsp.rm(file, { force: true });
	}
	return withIds;
}

/** A workflow as exported by n8n (nodes + connections); anything else is optional. */
export interface N8nWorkflowInput {
	id?: string;
	name?: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export function normalizeWorkflow(
	workflow: N8nWorkflowInput,
): N8nWorkflowInput & { id: string; name: string } {
	return {
		active: false,
		settings: {},
		...workflow,
		id: workflow.id ?? makeId(),
		name: workflow.name ?? `e2e ${new Date().toISOString()}`,
	};
}

/** Imports workflows with one `n8n import:workflow` (one boot); returns their ids (generated when missing). */
export async function importWorkflows(
	home: N8nHome,
	workflows: N8nWorkflowInput[],
	options: RunN8nOptions = {},
): Promise<string[]> {
	const normalized = workflows.map(normalizeWorkflow);
	const file = path.join(home.dir, `workflows-${makeId(8)}.json`);
	await fsp.writeFile(file, JSON.stringify(normalized));
	try {
		await runN8nOk(home, ['import:workflow', `--input=${file}`], options);
	} finally {
		await fsp.rm(file, { force: true });
	}
	return normalized.map((workflow) => workflow.id);
}

/** Imports one workflow with `n8n import:workflow`; returns its id (generated when missing). */
export async function importWorkflow(
	home: N8nHome,
	workflow: N8nWorkflowInput,
	options: RunN8nOptions = {},
): Promise<string> {
	return (await importWorkflows(home, [workflow], options))[0];
}
