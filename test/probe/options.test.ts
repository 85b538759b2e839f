import { ACCOUNT_VARIABLES, AccountError, readAccount } from '../../tooling/probe/account';
import { UsageError, parseProbeArgs, requireWayToConfirm } from '../../tooling/probe/options';
import type { Prompter } from '../../tooling/probe/terminal';

describe('the command line', () => {
	test('defaults: read-only, no per-minute limit, the report in the current folder', () => {
		expect(parseProbeArgs(['--base-url', 'https://mypit.example.com/'])).toEqual({
			baseUrl: 'https://mypit.example.com',
			write: false,
			yes: false,
			reportDir: '.',
			help: false,
		});
		expect(
			parseProbeArgs([
				'--base-url=http://127.0.0.1:5680',
				'--write',
				'--yes',
				'--per-minute',
				'30',
			]),
		).toMatchObject({
			baseUrl: 'http://127.0.0.1:5680',
			write: true,
			yes: true,
			perMinute: 30,
		});
	});

	test.each([
		[
			['--base-url', 'https://x.example', '--client-id', 'c'],
			'--client-id is not accepted: set MYPIT_CLIENT_ID in the environment',
		],
		[
			['--base-url', 'https://x.example', '--secret=s'],
			'--secret is not accepted: set MYPIT_SECRET_KEY in the environment',
		],
		[
			['--base-url', 'https://x.example', '--user-id', 'u'],
			'--user-id is not accepted: set MYPIT_USER_ID',
		],
		[
			['--base-url', 'https://x.example', '--issuer-did', 'd'],
			'--issuer-did is not accepted: set MYPIT_ISSUER_DID',
		],
		[[], '--base-url is required'],
		[['--base-url'], '--base-url needs a value'],
		[['--base-url', 'ftp://x.example'], 'Invalid --base-url: expected an https:// URL'],
		[
			['--base-url', 'http://192.168.1.5'],
			'Invalid --base-url: expected an https:// URL such as https://mypit-api.daosolution.io (http:// only for localhost), got "http://192.168.1.5"',
		],
		[
			['--base-url', 'https://x.example', '--per-minute', '0'],
			'Invalid --per-minute: expected a whole number from 1 to 100000, got the text "0"',
		],
		[['--base-url', 'https://x.example', '--verbose'], 'Unknown option --verbose'],
	])('%j is refused: %s', (argv, message) => {
		expect(() => parseProbeArgs(argv)).toThrow(UsageError);
		expect(() => parseProbeArgs(argv)).toThrow(message);
	});

	test('--write needs a terminal to ask on, or --yes', () => {
		const write = parseProbeArgs(['--base-url', 'https://x.example', '--write']);
		expect(() => requireWayToConfirm(write, false)).toThrow(
			'--write asks before it creates anything',
		);
		expect(() => requireWayToConfirm(write, true)).not.toThrow();
		expect(() => requireWayToConfirm({ ...write, yes: true }, false)).not.toThrow();
		expect(() => requireWayToConfirm({ ...write, write: false }, false)).not.toThrow();
	});
});

describe('the account', () => {
	const env = {
		MYPIT_CLIENT_ID: 'client-1',
		MYPIT_SECRET_KEY: 's3cr3t value',
		MYPIT_USER_ID: 'user-1',
		MYPIT_ISSUER_DID: 'did:mypit:user-1',
	};

	test('from the environment; the issuer DID only for --write', async () => {
		expect(await readAccount(env, undefined, false)).toEqual({
			clientId: 'client-1',
			secretKey: 's3cr3t value',
			userId: 'user-1',
			issuerDid: undefined,
		});
		expect((await readAccount(env, undefined, true)).issuerDid).toBe('did:mypit:user-1');
	});

	test('asked on the terminal when the environment lacks it, the secret without echo', async () => {
		const asked: string[] = [];
		const prompter: Prompter = {
			ask: async (question) => (asked.push(`ask ${question}`), 'user-2'),
			askSecret: async (question) => (asked.push(`secret ${question}`), 'typed-secret'),
			confirm: async () => true,
			close: () => undefined,
		};
		const account = await readAccount({ MYPIT_CLIENT_ID: 'client-1' }, prompter, false);
		expect(account).toMatchObject({ secretKey: 'typed-secret', userId: 'user-2' });
		expect(asked).toEqual(['secret MyPit secret key (not shown): ', 'ask MyPit user ID: ']);
	});

	test.each(Object.values(ACCOUNT_VARIABLES))(
		'%s missing and no terminal: a clear error naming it',
		async (variable) => {
			const without = { ...env, [variable]: '' };
			await expect(readAccount(without, undefined, true)).rejects.toThrow(
				new AccountError(
					`${variable} is not set and there is no terminal to ask on: set it in the environment`,
				),
			);
		},
	);

	test('checked with the node rules, naming the variable; a bad value of the secret is never shown', async () => {
		await expect(
			readAccount({ ...env, MYPIT_ISSUER_DID: 'issuer' }, undefined, true),
		).rejects.toThrow(
			'Invalid MYPIT_ISSUER_DID: expected a DID such as did:ethr:0x123…, got the text "issuer"',
		);
		await expect(readAccount({ ...env, MYPIT_USER_ID: 'a b' }, undefined, false)).rejects.toThrow(
			'Invalid MYPIT_USER_ID',
		);
		const long = 'k'.repeat(1001);
		const error = await readAccount({ ...env, MYPIT_SECRET_KEY: long }, undefined, false).catch(
			(e: Error) => e,
		);
		expect(String(error)).toContain(
			'Invalid MYPIT_SECRET_KEY: expected a text of at most 1000 characters, got 1001 characters',
		);
		expect(String(error)).not.toContain(long);
	});
});
