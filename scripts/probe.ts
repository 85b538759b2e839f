/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run probe -- --base-url https://…`: first contact with a real MyPit. Reads (and with
 * --write, creates, issues, updates and deletes) through the node's own transport and reading
 * code, prints "reading → what this MyPit does → what the node does with it" and writes
 * probe-report-<time>.json without any secret. Exit code: 0 every reading handled, 1 something
 * not handled or a step failed, 2 bad input or refused credentials, 130 Ctrl-C.
 *
 * Credentials come from MYPIT_CLIENT_ID, MYPIT_SECRET_KEY, MYPIT_USER_ID (and MYPIT_ISSUER_DID
 * for --write) or the terminal; never from a flag. See tooling/probe/.
 */
import type { Logger } from 'n8n-workflow';

import { AccountError, readAccount } from '../tooling/probe/account';
import { USAGE, UsageError, parseProbeArgs, requireWayToConfirm } from '../tooling/probe/options';
import { removeSecret } from '../tooling/probe/secret';
import { EXIT, runProbe } from '../tooling/probe/run';
import { Stop } from '../tooling/probe/stop';
import { terminalPrompter } from '../tooling/probe/terminal';
import { WriteGate } from '../tooling/probe/writeGate';

/** Removed from anything printed on the way out, whatever the error. */
let secret = '';

async function main(argv: string[]): Promise<number> {
	let options;
	try {
		options = parseProbeArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`npm run probe: ${error.message}`);
		return EXIT.badInputOrCredentials;
	}
	if (options.help) {
		console.log(USAGE);
		return EXIT.allHandled;
	}
	const writes = new WriteGate();
	const stop = new Stop(writes);
	const interrupt = () => {
		console.error(
			stop.requested
				? '\nCtrl-C again: aborting what is in flight; the report names what is left.'
				: '\nCtrl-C: no new writes; the probe deletes what it made, if anything, and writes the report (Ctrl-C again to abort).',
		);
		stop.request();
	};
	process.on('SIGINT', interrupt);
	const prompter = terminalPrompter(interrupt);
	try {
		requireWayToConfirm(options, prompter !== undefined);
		const account = await readAccount(process.env, prompter, options.write);
		secret = account.secretKey;
		if (stop.requested) return EXIT.interrupted;
		const logger: Logger = {
			error: (message) => console.error(`· ${message}`),
			warn: (message) => console.error(`· ${message}`),
			info: (message) => console.error(`· ${message}`),
			debug: () => undefined,
		};
		const outcome = await runProbe({
			options,
			account,
			writes,
			stop,
			logger,
			io: {
				print: (line) => console.log(line),
				confirm: async (question) => (prompter ? await prompter.confirm(question) : false),
				width: process.stdout.columns,
			},
		});
		return outcome.exitCode;
	} catch (error) {
		if (!(error instanceof AccountError) && !(error instanceof UsageError)) throw error;
		// Ctrl-C at a question leaves an empty answer: that is a stop, not bad input.
		if (stop.requested) return EXIT.interrupted;
		console.error(`npm run probe: ${error.message}`);
		return EXIT.badInputOrCredentials;
	} finally {
		prompter?.close();
	}
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
		console.error(`npm run probe failed: ${removeSecret(text, secret)}`);
		process.exit(1);
	},
);
