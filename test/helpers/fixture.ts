import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	credentialsFor,
	startSandbox,
	type Account,
	type LoggedRequest,
	type Sandbox,
} from '../../sandbox';
import {
	cancelRunningExecutions,
	runMyPit,
	type MyPitCredentials,
	type RunOptions,
	type RunResult,
} from '../../tooling/engine/engine';

export interface Fixture {
	sandbox: Sandbox;
	/** A fresh API account per test, so tests never see each other's records. */
	account: Account;
	credentials: MyPitCredentials;
	run(parameters: INodeParameters, options?: Partial<RunOptions>): Promise<RunResult>;
	/**
	 * API requests the sandbox received during this test, from this test: requests carrying an
	 * earlier test's client ID (an execution that outlived its test) are left out.
	 */
	requests(): LoggedRequest[];
}

/**
 * Starts one sandbox for the test file and gives each test its own account whose credential
 * carries the default user ID and issuer DID.
 */
export function useSandbox(): Fixture {
	const fixture = {} as Fixture;
	const earlierClientIds = new Set<string>();
	beforeAll(async () => {
		fixture.sandbox = await startSandbox({ quiet: true });
	});
	afterAll(async () => {
		await fixture.sandbox.close();
	});
	// Also after a failure or a timeout: the test's execution stops sending requests. Cancelling
	// aborts the execution's signal, which the node obeys; the shut account is the safety net for
	// anything still running (its next request fails).
	afterEach(() => {
		cancelRunningExecutions();
		fixture.sandbox.control.closeAccount(fixture.account.clientId);
		earlierClientIds.add(fixture.account.clientId);
	});
	beforeEach(() => {
		const { control, url } = fixture.sandbox;
		control.setPageCap(1000);
		control.setPaginationBehaviour('normal');
		control.setCursorRule('optional');
		control.clearFaults();
		control.clearLog();
		fixture.account = control.createAccount();
		fixture.credentials = credentialsFor(fixture.account, url);
	});
	fixture.run = async (parameters, options = {}) =>
		await runMyPit({ credentials: fixture.credentials, parameters, ...options });
	fixture.requests = () =>
		fixture.sandbox.control
			.requestLog()
			.filter((request) => !earlierClientIds.has(String(request.headers.clientid ?? '')));
	return fixture;
}

export const jsonOf = (result: RunResult) => result.items.map((item) => item.json as IDataObject);

export const bodiesOf = (requests: LoggedRequest[]) =>
	requests.map((request) => request.body as IDataObject);
