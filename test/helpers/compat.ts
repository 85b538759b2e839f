/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as path from 'node:path';

/**
 * Differences between the n8n lines the engine tests run on (2.x by default, 1.x with
 * jest.engine-1x.config.js) that the harness itself has to absorb. The engine API the helpers use
 * (Workflow, createRunExecutionData, WorkflowExecute, ExecutionLifecycleHooks, ExecuteContext,
 * RoutingNode, PackageDirectoryLoader) has the same names and signatures in n8n-core 1.122.28 /
 * n8n-workflow 1.120.14 as in 2.40.x, so nothing else is needed.
 */

/**
 * n8n-core 1.x starts SSHClientsManager's stale-connection sweep, a 60 s setInterval that is not
 * unref'd, the first time a node execution context is built; in a long-lived n8n that is fine,
 * in a jest worker it keeps the process alive after the last test ("Jest did not exit"). 2.x
 * unrefs the timer. This stops it the way n8n does on process exit (`onShutdown`). The DI
 * container has to be the one n8n-core itself uses, so @n8n/di is resolved from n8n-core's folder.
 */
export function releaseEngineResources(): void {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] })) as {
		Container: { get<T>(type: new (...args: never[]) => T): T };
	};
	const { SSHClientsManager } = require(
		path.join(coreDir, 'dist', 'execution-engine', 'ssh-clients-manager'),
	) as { SSHClientsManager: new (...args: never[]) => { onShutdown(): void } };
	Container.get(SSHClientsManager).onShutdown();
}
