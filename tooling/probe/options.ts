/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { MAX_REQUESTS_PER_MINUTE } from '../../nodes/MyPit/transport/requestGate';
import { requireSafeBaseUrl } from '../../nodes/MyPit/shared/baseUrl';
import { InputError, requirePositiveInteger } from '../../nodes/MyPit/shared/validation';

export interface ProbeOptions {
	baseUrl: string;
	/** Create, issue, update and delete (asked to confirm unless `yes`). */
	write: boolean;
	yes: boolean;
	/** Requests per minute; undefined: the credential's default (no limit, one at a time). */
	perMinute?: number;
	/** Where probe-report-<time>.json goes. */
	reportDir: string;
	help: boolean;
}

export const USAGE = `Usage: npm run probe -- --base-url https://your-mypit-domain [options]

Finds out which readings of the MyPit OPEN API document your MyPit uses, and whether the node
handles each. Read-only unless --write.

  --base-url <url>    your MyPit API (https://, or http:// on this machine only)
  --write             also create a template and a holder named probe-<time>, issue one badge,
                      update the template, read everything back and delete the template and the
                      holder (asks first; one badge stays: the API cannot delete badges)
  --yes               answer the --write question with yes (for scripts)
  --per-minute <n>    at most n requests per minute (default: no limit, one request at a time)
  --report-dir <dir>  where probe-report-<time>.json is written (default: the repository folder,
                      where npm runs the script)
  --help              this text

Credentials come from the environment or are asked for on the terminal, never from a flag:
  MYPIT_CLIENT_ID, MYPIT_SECRET_KEY, MYPIT_USER_ID, and MYPIT_ISSUER_DID (for --write)`;

export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** Flags that would put an account detail into shell history and process lists. */
const CREDENTIAL_FLAGS: Record<string, string> = {
	'--client-id': 'MYPIT_CLIENT_ID',
	'--secret-key': 'MYPIT_SECRET_KEY',
	'--secret': 'MYPIT_SECRET_KEY',
	'--user-id': 'MYPIT_USER_ID',
	'--issuer-did': 'MYPIT_ISSUER_DID',
};

/** Reads the command line; every problem is a UsageError naming the flag, before any request. */
export function parseProbeArgs(argv: readonly string[]): ProbeOptions {
	let baseUrl: string | undefined;
	const options: Omit<ProbeOptions, 'baseUrl'> = {
		write: false,
		yes: false,
		reportDir: '.',
		help: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const equals = arg.indexOf('=');
		const flag = equals > 0 ? arg.slice(0, equals) : arg;
		const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
		const value = (): string => {
			const next = inline ?? argv[++i];
			if (next === undefined || (inline === undefined && next.startsWith('--')))
				throw new UsageError(`${flag} needs a value`);
			return next;
		};
		if (flag in CREDENTIAL_FLAGS) {
			throw new UsageError(
				`${flag} is not accepted: set ${CREDENTIAL_FLAGS[flag]} in the environment or let the probe ask for it, so it stays out of shell history and process lists`,
			);
		}
		switch (flag) {
			case '--base-url':
				baseUrl = checkBaseUrl(value());
				break;
			case '--write':
				options.write = true;
				break;
			case '--yes':
				options.yes = true;
				break;
			case '--per-minute':
				options.perMinute = named('--per-minute', () =>
					requirePositiveInteger(value(), '--per-minute', MAX_REQUESTS_PER_MINUTE),
				);
				break;
			case '--report-dir':
				options.reportDir = value();
				break;
			case '--help':
			case '-h':
				options.help = true;
				break;
			default:
				throw new UsageError(`Unknown option ${arg} (see --help)`);
		}
	}
	if (options.help) return { ...options, baseUrl: baseUrl ?? '' };
	if (baseUrl === undefined) {
		throw new UsageError(
			'--base-url is required: the address of your MyPit API, e.g. --base-url https://mypit-api.daosolution.io',
		);
	}
	return { ...options, baseUrl };
}

/** https only, except this machine: the node's own rule for where the secret key may go. */
function checkBaseUrl(text: string): string {
	return named('--base-url', () => requireSafeBaseUrl(text));
}

/** The node's input checks, with the flag as the field's name. */
function named<T>(flag: string, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof InputError)
			throw new UsageError(`Invalid ${flag}: expected ${error.expected}, got ${error.received}`);
		throw error;
	}
}

/** --write asks before it creates anything: without a terminal to ask on, only --yes answers. */
export function requireWayToConfirm(options: ProbeOptions, hasTerminal: boolean): void {
	if (options.write && !options.yes && !hasTerminal) {
		throw new UsageError(
			'--write asks before it creates anything: run it in a terminal, or add --yes',
		);
	}
}
