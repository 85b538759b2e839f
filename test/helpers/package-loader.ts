import * as path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

/** The package as n8n loads it: the files its package.json lists under "n8n", from dist/. */
const ROOT = path.resolve(__dirname, '..', '..');

interface N8nField {
	credentials: string[];
	nodes: string[];
}

function loadClasses<T>(files: string[]): T[] {
	return files.map((file) => {
		const exported = require(path.join(ROOT, file)) as Record<string, new () => T>;
		const Class = Object.values(exported).find((value) => typeof value === 'function');
		if (!Class) throw new Error(`${file} exports no class`);
		return new Class();
	});
}

let loaded: { nodes: INodeType[]; credentials: ICredentialType[] } | undefined;

export function loadPackage() {
	if (!loaded) {
		const { n8n } = require(path.join(ROOT, 'package.json')) as { n8n: N8nField };
		loaded = {
			nodes: loadClasses<INodeType>(n8n.nodes),
			credentials: loadClasses<ICredentialType>(n8n.credentials),
		};
	}
	return loaded;
}

export const PACKAGE_NAME = 'n8n-nodes-mypit';
export const MYPIT_NODE_TYPE = `${PACKAGE_NAME}.myPit`;
