import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/MyPit/transport/endpoints';
import { loadPackage } from '../../tooling/engine/package-loader';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('package.json follows n8n community package rules', () => {
	test('name, license, keyword and files', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist']);
	});

	test('no runtime dependencies, n8n-workflow as a peer, no install scripts', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		// Optional, so a plain `npm install n8n-nodes-mypit` (queue mode, Docker) installs the
		// package alone and the node uses n8n's own n8n-workflow (test/e2e/installPaths.test.ts).
		expect(pkg.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
			expect(pkg.scripts[script]).toBeUndefined();
		}
		expect(pkg.overrides).toBeUndefined();
	});

	test('dev tooling is pinned to exact versions', () => {
		const loose = Object.entries(pkg.devDependencies as Record<string, string>).filter(
			([, version]) => !/^\d+\.\d+\.\d+$/.test(version),
		);
		expect(loose).toEqual([]);
	});

	test('every node and credential listed under "n8n" is built in dist/', () => {
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
		}
	});

	test('npm pack ships only dist/, README, LICENSE and package.json', () => {
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		const files = (JSON.parse(output)[0].files as Array<{ path: string }>).map((file) => file.path);
		const outside = files.filter(
			(file) =>
				!file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file),
		);
		expect(outside).toEqual([]);
		expect(files).toEqual(
			expect.arrayContaining([
				'README.md',
				'LICENSE',
				'package.json',
				'dist/nodes/MyPit/MyPit.node.js',
			]),
		);
		expect(files.some((file) => file.includes('sandbox') || file.startsWith('dist/test'))).toBe(
			false,
		);
	});
});

describe('the built node and credential, as n8n loads them', () => {
	let node: INodeType;
	let credential: ICredentialType;
	let properties: INodeProperties[];
	beforeAll(async () => {
		const loaded = await loadPackage();
		[node] = loaded.nodes;
		[credential] = loaded.credentials;
		properties = node.description.properties;
	});

	test('themed icons exist in dist/ and differ between light and dark', () => {
		for (const owner of [node.description, credential]) {
			// The loader turns `icon: file:…` into icon URLs under icons/<package>/.
			const iconUrl = owner.iconUrl as { light: string; dark: string };
			const read = (url: string) =>
				fs.readFileSync(path.join(ROOT, url.replace(`icons/${pkg.name}/`, '')), 'utf8');
			const light = read(iconUrl.light);
			const dark = read(iconUrl.dark);
			expect(light).toContain('<svg');
			expect(dark).toContain('<svg');
			expect(light).not.toEqual(dark);
		}
	});

	test('the codex file is copied next to the node', () => {
		const codex = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'dist/nodes/MyPit/MyPit.node.json'), 'utf8'),
		);
		expect(codex.node).toBe('n8n-nodes-mypit.myPit');
		expect(codex.alias).toEqual(
			expect.arrayContaining(['badge', 'credential', 'certificate', 'holder']),
		);
	});

	test('n8n adds its Request Options collection to the declarative node', () => {
		expect(properties.map((property) => property.name)).toContain('requestOptions');
	});

	test('usable as an AI tool, with a subtitle', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.subtitle).toContain('$parameter["operation"]');
	});

	test('every operation of every resource has an action and one endpoint', () => {
		const operations = properties.filter((property) => property.name === 'operation');
		const summary = operations.flatMap((property) =>
			(
				property.options as Array<{
					value: string;
					action?: string;
					routing?: { request?: { url?: string } };
				}>
			).map(
				(option) =>
					`${property.displayOptions?.show?.resource?.[0]}.${option.value} ${option.routing?.request?.url}`,
			),
		);
		// Which endpoint each operation uses is the description's (ENDPOINTS); the operations
		// themselves are pinned by the parameter snapshot.
		const paths: string[] = Object.values(ENDPOINTS).map((endpoint) => endpoint.path);
		expect(summary.length).toBeGreaterThanOrEqual(13);
		expect(summary.filter((entry) => !paths.includes(entry.split(' ')[1]))).toEqual([]);
		for (const property of operations) {
			expect(property.noDataExpression).toBe(true);
			for (const option of property.options as Array<{ action?: string }>)
				expect(option.action).toBeTruthy();
		}
	});

	test('the credential sends both headers and tests with GET /hello', () => {
		expect(credential.name).toBe('myPitApi');
		const { headers } = (
			credential.authenticate as { properties: { headers: Record<string, string> } }
		).properties;
		expect(Object.keys(headers).sort()).toEqual(['clientId', 'secretKey']);
		expect(headers.clientId).toBe('={{$credentials.clientId}}');
		expect(headers.secretKey).toMatch(
			/^=\{\{ \/\^\(https:.*\.test\(\$credentials\.baseUrl\) \? \$credentials\.secretKey : "" \}\}$/,
		);
		expect(credential.test?.request).toMatchObject({ method: 'GET', url: '/hello' });
		const secret = credential.properties.find((property) => property.name === 'secretKey');
		expect(secret?.typeOptions?.password).toBe(true);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});
});
