/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as readline from 'node:readline';
import { Writable } from 'node:stream';

/** Questions on the terminal: account details the environment did not give, and --write's yes. */
export interface Prompter {
	ask(question: string): Promise<string>;
	/** The answer is not echoed. */
	askSecret(question: string): Promise<string>;
	confirm(question: string): Promise<boolean>;
	close(): void;
}

/**
 * A prompter on this process's terminal, or undefined when stdin is not one (then every value
 * must come from the environment, and --write needs --yes). Ctrl-C at a question calls
 * `onInterrupt` (the same as SIGINT) and answers no / nothing.
 */
export function terminalPrompter(onInterrupt: () => void): Prompter | undefined {
	if (!process.stdin.isTTY) return undefined;
	let muted = false;
	// Echo goes through here, so the secret's keystrokes can be swallowed.
	const output = new Writable({
		write(chunk: Buffer, _encoding, done) {
			if (!muted) process.stdout.write(chunk);
			done();
		},
	});
	// Made at the first question only: until then Ctrl-C reaches the process as SIGINT.
	let rl: readline.Interface | undefined;
	let pending: ((answer: string) => void) | undefined;
	const terminal = () => {
		if (rl) return rl;
		rl = readline.createInterface({ input: process.stdin, output, terminal: true });
		// With a question open (or after one), Ctrl-C arrives here instead of as SIGINT.
		rl.on('SIGINT', () => {
			onInterrupt();
			pending?.('');
		});
		return rl;
	};
	const question = (text: string, secret: boolean) =>
		new Promise<string>((resolve) => {
			pending = resolve;
			process.stdout.write(text);
			muted = secret;
			terminal().question('', (answer) => {
				if (secret) process.stdout.write('\n');
				muted = false;
				pending = undefined;
				resolve(answer);
			});
		});
	return {
		ask: async (text) => await question(text, false),
		askSecret: async (text) => await question(text, true),
		confirm: async (text) => /^y(es)?$/i.test((await question(`${text} [y/N] `, false)).trim()),
		close: () => rl?.close(),
	};
}
