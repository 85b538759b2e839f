/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * What authentication costs per MyPit request, on both n8n lines, in n8n's real engine in this
 * process (tooling/engine) against the in-process sandbox:
 * - "node's own headers": the node before issue 26 (commit BASELINE_COMMIT, built into a temp
 *   folder): it read the credential once per run and sent `helpers.httpRequest` with the
 *   clientId/secretKey headers it built itself;
 * - "authenticate function": this build: `helpers.httpRequestWithAuthentication`, which reads
 *   (decrypts) the credential again for every request and calls the credential's function
 *   `authenticate`;
 * - "authenticate generic": the same, with the credential's former generic `authenticate`
 *   (two expressions n8n evaluates for every request);
 * - "authenticate function, no decryption": this build with the credential handed over as is, to
 *   show what the per-request decryption costs.
 * Credentials are stored encrypted with the instance key and decrypted on every read, as n8n
 * does (n8n also reads them from its database first; that is not in this figure).
 *
 *   npm run build && npm run bench:auth [-- items reps]
 *
 * Template → Get over `items` input items (one request each), medians of `reps` runs, the
 * variants alternating, each run in a fresh child process. The in-process engine evaluates
 * expressions with n8n's tournament evaluator; real n8n 2.x evaluates them in an isolate, which
 * costs more per expression, so the generic figure here is a lower bound on 2.x.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** The last commit whose node attached the authentication headers itself. */
const BASELINE_COMMIT = '4f6ae349b00fa40b5e9a79d762fc460fe2ec3a3f';
const ENGINE_1X = path.join(ROOT, '.cache', 'engine-1x', 'node_modules', 'n8n-core');

/** The credential's generic `authenticate` before issue 26, as the "generic" variant uses it. */
const GENERIC_AUTHENTICATE = {
	type: 'generic',
	properties: {
		headers: {
			clientId: '={{$credentials.clientId}}',
			secretKey: String.raw`={{ /^(https:\/\/|http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$))/i.test($credentials.baseUrl) ? $credentials.secretKey : "" }}`,
		},
	},
};

type Variant = 'own headers' | 'function' | 'generic' | 'function, no decryption';
const VARIANTS: Variant[] = ['own headers', 'function', 'generic', 'function, no decryption'];

/** One measured run, in a child process: milliseconds per request. */
async function child(variant: Variant, items: number) {
	await import('../tooling/engine/env');
	const { startSandbox } = await import('../sandbox');
	const { registry, runMyPit } = await import('../tooling/engine/engine');
	const sandbox = await startSandbox({ quiet: true });
	if (variant === 'generic') {
		const { credentialTypes } = await registry();
		const type = credentialTypes.get('myPitApi');
		if (!type) throw new Error('no myPitApi credential type');
		type.authenticate = GENERIC_AUTHENTICATE as never;
	}
	const run = async () => {
		const account = sandbox.control.createAccount();
		const [template] = sandbox.control.seedTemplates(account.userId, 1);
		sandbox.control.clearLog();
		const started = performance.now();
		const result = await runMyPit({
			credentials: { ...account, baseUrl: sandbox.url },
			parameters: {
				resource: 'template',
				operation: 'get',
				templateId: { __rl: true, mode: 'id', value: template._id },
			},
			input: Array.from({ length: items }, () => ({})),
		});
		const ms = performance.now() - started;
		const requests = sandbox.control.requestLog();
		if (result.error || result.items.length !== items || requests.some((r) => r.status !== 200))
			throw new Error(`${variant}: ${result.error?.message ?? 'a request failed'}`);
		sandbox.control.closeAccount(account.clientId);
		return ms / requests.length;
	};
	await run(); // warm-up
	const perRequest = await run();
	await sandbox.close();
	// n8n-core 1.x leaves a timer running: the child ends here, its figure written.
	process.stdout.write(JSON.stringify({ perRequest }), () => process.exit(0));
}

/** The node of BASELINE_COMMIT, built once into a temp folder. */
function baselineBuild(): string {
	const dir = path.join(os.tmpdir(), `mypit-auth-baseline-${BASELINE_COMMIT.slice(0, 7)}`);
	if (fs.existsSync(path.join(dir, 'dist', 'nodes', 'MyPit', 'MyPit.node.js'))) return dir;
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const files = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'credentials', 'nodes'];
	const archive = execFileSync('git', ['archive', BASELINE_COMMIT, ...files], { cwd: ROOT });
	execFileSync('tar', ['-x', '-C', dir], { input: archive });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
		cwd: dir,
	});
	return dir;
}

function measure(line: '2.x' | '1.x', variant: Variant, items: number, baseline: string): number {
	const args = ['-r', 'ts-node/register/transpile-only'];
	if (line === '1.x') args.push('-r', path.join(__dirname, 'engine-1x-hook.js'));
	args.push(__filename, '--child', variant, String(items));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json'),
		MYPIT_ENGINE_ENCRYPTED_CREDENTIALS: variant === 'function, no decryption' ? '0' : '1',
	};
	if (variant === 'own headers') env.MYPIT_PACKAGE_DIR = baseline;
	const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${line} ${variant}: ${result.stderr}`);
	return (JSON.parse(result.stdout) as { perRequest: number }).perRequest;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main() {
	const items = Number(process.argv[2] ?? 1000);
	const reps = Number(process.argv[3] ?? 5);
	const baseline = baselineBuild();
	const lines: Array<'2.x' | '1.x'> = fs.existsSync(ENGINE_1X) ? ['2.x', '1.x'] : ['2.x'];
	console.log(
		`Authentication per request: Template → Get over ${items} items, medians of ${reps} (µs per request)`,
	);
	for (const line of lines) {
		const times = new Map<Variant, number[]>(VARIANTS.map((variant) => [variant, []]));
		for (let rep = 0; rep < reps; rep++) {
			for (const variant of rep % 2 ? [...VARIANTS].reverse() : VARIANTS)
				times.get(variant)?.push(measure(line, variant, items, baseline));
		}
		const own = median(times.get('own headers') ?? []);
		const cells = VARIANTS.map((variant) => {
			const value = median(times.get(variant) ?? []);
			const delta =
				variant === 'own headers'
					? ''
					: ` (${value - own >= 0 ? '+' : ''}${Math.round((value - own) * 1000)})`;
			return `${variant} ${Math.round(value * 1000)}${delta}`;
		});
		console.log(`  n8n ${line}: ${cells.join(', ')}`);
	}
}

/**
 * `--parts [line]`: each piece of the authenticated path alone, in a loop of 2,000 (µs per call):
 * reading (decrypting) the stored credential, the function authenticate, the generic one
 * resolved with the workflow's expression engine, as the credentials helper does per request.
 */
async function parts(calls = 2000) {
	await import('../tooling/engine/env');
	const { Workflow } = await import('n8n-workflow');
	const { registry } = await import('../tooling/engine/engine');
	const { TestCredentialsHelper } = await import('../tooling/engine/credentials-helper');
	const { nodeTypes, credentialTypes } = await registry();
	const data = { clientId: 'c', secretKey: 's', baseUrl: 'https://mypit.example.com' };
	const node = {
		id: 'n',
		name: 'MyPit',
		type: 'n8n-nodes-mypit.myPit',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const helper = new TestCredentialsHelper(credentialTypes, { myPitApi: data }, {}, true);
	const type = credentialTypes.get('myPitApi');
	if (!type) throw new Error('no myPitApi credential type');
	const fn = type.authenticate;
	const time = async (label: string, call: () => Promise<unknown>) => {
		for (let i = 0; i < 200; i++) await call();
		const started = performance.now();
		for (let i = 0; i < calls; i++) await call();
		console.log(
			`  ${label}: ${Math.round(((performance.now() - started) / calls) * 1000)} µs per call`,
		);
	};
	const details = { id: '1', name: 'MyPit account' };
	await time(
		'read the credential (decrypt)',
		async () => await helper.getDecrypted({} as never, details, 'myPitApi'),
	);
	await time(
		'function authenticate',
		async () => await helper.authenticate(data, 'myPitApi', { url: '/x' }, workflow, node),
	);
	type.authenticate = GENERIC_AUTHENTICATE as never;
	await time(
		'generic authenticate (2 expressions)',
		async () => await helper.authenticate(data, 'myPitApi', { url: '/x' }, workflow, node),
	);
	type.authenticate = fn;
	process.exit(0);
}

if (process.argv[2] === '--parts') {
	parts().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else if (process.argv[2] === '--child') {
	child(process.argv[3] as Variant, Number(process.argv[4])).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main();
}
