/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { PackageDirectoryLoader } from 'n8n-core';

/**
 * The package as n8n loads it: n8n-core's own PackageDirectoryLoader reads package.json's "n8n"
 * field and loads the built files from dist/, adding what n8n adds at load time (for a
 * declarative node, the "Request Options" collection).
 */
const ROOT = path.resolve(__dirname, '..', '..');
/** Another build of the package (bench/authentication.ts compares one with the current build). */
const PACKAGE_DIR = process.env.MYPIT_PACKAGE_DIR || ROOT;

let loaded: Promise<{ nodes: INodeType[]; credentials: ICredentialType[] }> | undefined;

export async function loadPackage() {
	loaded ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		return {
			nodes: Object.values(loader.nodeTypes).map((data) => data.type as INodeType),
			credentials: Object.values(loader.credentialTypes).map((data) => data.type),
		};
	})();
	return await loaded;
}

export const PACKAGE_NAME = 'n8n-nodes-mypit';
export const MYPIT_NODE_TYPE = `${PACKAGE_NAME}.myPit`;
