/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run sandbox`: runs the MyPit sandbox in the foreground.
 *
 *   --port <n>          port to listen on (default $PORT or 5680; 0 = random)
 *   --host <host>       interface (default 127.0.0.1)
 *   --page-cap <n>      max items per page (default 1000)
 *   --seed-demo / --no-seed-demo
 *                       seed the demo account as `npm start` does (default on): 3 templates,
 *                       5 holders and 8 issued badges, oldest first (demoData.ts)
 *   --ready-file <path> write {"url", "demo"} as JSON there once listening
 *   --quiet             print nothing but errors
 *   --reading <key=value>
 *                       shape answers the API document leaves open (repeatable; see readings.ts),
 *                       e.g. --reading issueSuccessful=badge-ids --reading lastPageCursor=null
 */
import { renameSync, writeFileSync } from 'node:fs';
import { DEMO_BADGE_EXPIRY_DAYS, DEMO_HOLDERS, DEMO_TEMPLATES, seedDemoData } from './demoData';
import { checkReadings, type Readings } from './readings';
import { startSandbox } from './server';
import type { Sandbox } from './types';

export interface CliOptions {
	port: number;
	host: string;
	pageCap?: number;
	seedDemo: boolean;
	readyFile?: string;
	quiet: boolean;
	readings?: Partial<Readings>;
}

export function parseArgs(
	argv: readonly string[],
	env: NodeJS.ProcessEnv = process.env,
): CliOptions {
	const options: CliOptions = {
		port: env.PORT ? toInt('PORT', env.PORT) : 5680,
		host: '127.0.0.1',
		seedDemo: true,
		quiet: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.includes('=')
			? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
			: [arg, undefined];
		const value = (): string => {
			if (inline !== undefined) return inline;
			const next = argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		switch (flag) {
			case '--port':
				options.port = toInt('--port', value());
				break;
			case '--host':
				options.host = value();
				break;
			case '--page-cap':
				options.pageCap = toInt('--page-cap', value());
				break;
			case '--seed-demo':
				options.seedDemo = inline === undefined ? true : inline !== 'false';
				break;
			case '--no-seed-demo':
				options.seedDemo = false;
				break;
			case '--ready-file':
				options.readyFile = value();
				break;
			case '--quiet':
				options.quiet = true;
				break;
			case '--reading': {
				const [key, choice] = value().split('=');
				options.readings = { ...options.readings, ...checkReadings({ [key]: choice }) };
				break;
			}
			default:
				throw new Error(`Unknown option ${arg}`);
		}
	}
	return options;
}

function toInt(name: string, text: string): number {
	const n = Number(text);
	if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n))
		throw new Error(`${name} must be a non-negative integer, got "${text}"`);
	return n;
}

export async function main(argv: readonly string[]): Promise<Sandbox> {
	const options = parseArgs(argv);
	const sandbox = await startSandbox({
		port: options.port,
		host: options.host,
		pageCap: options.pageCap,
		quiet: options.quiet,
		readings: options.readings,
	});
	const { demo } = sandbox;
	if (options.seedDemo) await seedDemoData(sandbox);
	if (options.readyFile) {
		// Write then rename, so a process polling for the file never reads half of it.
		const temporary = `${options.readyFile}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify({ url: sandbox.url, demo }, null, 2));
		renameSync(temporary, options.readyFile);
	}
	if (!options.quiet) {
		console.log(`MyPit sandbox listening on ${sandbox.url}`);
		console.log(`  clientId:  ${demo.clientId}`);
		console.log(`  secretKey: ${demo.secretKey}`);
		console.log(`  userId:    ${demo.userId}`);
		console.log(`  issuerDid: ${demo.issuerDid}`);
		if (options.seedDemo) {
			console.log(
				`  seeded ${DEMO_TEMPLATES.length} templates, ${DEMO_HOLDERS.length} holders and ${DEMO_BADGE_EXPIRY_DAYS.length} issued badges for the demo user`,
			);
		}
		console.log(`  control surface: ${sandbox.url}/__sandbox/  (Ctrl+C to stop)`);
	}

	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		if (!options.quiet) console.log(`\n${signal}: stopping the MyPit sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return sandbox;
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(`mypit-sandbox: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	});
}
