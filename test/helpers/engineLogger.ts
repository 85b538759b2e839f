/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import * as path from 'node:path';

/**
 * The logger n8n-core hands node contexts (`this.logger`): the DI container's Logger, resolved
 * from n8n-core's own folder so that it is the instance the engine uses on either n8n line.
 * Tests spy on its `info` or `warn` to see what a node logs.
 */
export function engineLogger(): {
	info: (message: string, metadata?: object) => void;
	warn: (message: string, metadata?: object) => void;
} {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const resolve = (name: string) => require(require.resolve(name, { paths: [coreDir] }));
	const { Container } = resolve('@n8n/di') as { Container: { get<T>(type: unknown): T } };
	const { Logger } = resolve('@n8n/backend-common') as { Logger: unknown };
	return Container.get(Logger);
}
