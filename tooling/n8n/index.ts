/**
 * Real n8n, driven from Node: the library behind the end-to-end tests, `npm start`, the demo and
 * the benchmarks. It never imports a test.
 *
 * n8n 2.x needs Node 24, so every n8n process is a child process running the Node 24 and n8n that
 * scripts/n8n/provision.sh put into <repo>/.cache (paths.ts). Two ways to run a workflow:
 *
 *  - CLI, one process per step: `importWorkflow` + `executeWorkflow` (`n8n execute --id`).
 *    Simple, but every call boots n8n (several seconds each).
 *  - Server: `startN8n(home)` boots `n8n start` once on a loopback port, sets up the owner through
 *    the internal REST API and then runs each workflow in well under a second
 *    (`server.runWorkflow(json)`). It can also test a credential the way the editor does
 *    (`server.testCredential`).
 *
 * Both return the same `N8nRun` shape (n8n's IRun: `data.resultData.runData[node][run]`).
 *
 * One file a job: paths (provisioned versions), env + home (user folders), process + logs
 * (child processes), packages (community package install), cliImport + cliExecute (the CLI),
 * rest + server + serverApi (server mode), runData (reading results), ports, ids.
 */
export {
	REPO_ROOT,
	isN8nProvisioned,
	n8nE2eGate,
	n8nPaths,
	pinnedVersions,
	type N8nPaths,
} from './paths';
export type { N8nHome } from './env';
export { createN8nHome, type CreateN8nHomeOptions } from './home';
export { parseLogLines, type N8nLogEntry } from './logs';
export {
	N8nProcessError,
	killN8nGroup,
	runN8n,
	spawnN8nService,
	type N8nProcessResult,
	type RunN8nOptions,
} from './process';
export { getFreePort, isPortFree } from './ports';
export { installCommunityPackage, type InstallCommunityPackageOptions } from './packages';
export {
	importCredentials,
	importWorkflow,
	importWorkflows,
	type N8nCredentialInput,
	type N8nWorkflowInput,
} from './cliImport';
export {
	assertRunSucceeded,
	executedNodes,
	formatN8nError,
	nodeError,
	nodeItems,
	nodeJson,
	toN8nRun,
	type N8nError,
	type N8nItem,
	type N8nRun,
	type N8nTaskData,
	type NodeOutputOptions,
} from './runData';
export {
	executeWorkflow,
	parseExecuteOutput,
	type CliRun,
	type ExecuteWorkflowOptions,
} from './cliExecute';
export { startN8n, type N8nServer, type StartN8nOptions } from './server';
export type { CredentialTestResult, N8nServerApi, RunWorkflowOptions } from './serverApi';
