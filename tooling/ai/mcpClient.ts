/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * An MCP client for n8n's MCP Server Trigger (version 2: Streamable HTTP at `/mcp/<path>`), made
 * with the official MCP TypeScript SDK, as a desktop assistant or an IDE connects.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface McpConnection {
	client: Client;
	close(): Promise<void>;
}

/** Connects (initialize handshake included) with `Authorization: Bearer <token>` when given. */
export async function connectMcp(url: string, token?: string): Promise<McpConnection> {
	const transport = new StreamableHTTPClientTransport(new URL(url), {
		requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
	});
	const client = new Client({ name: 'mypit-e2e', version: '1.0.0' });
	await client.connect(transport);
	return { client, close: () => client.close() };
}

/** The text of a tool result (n8n answers a tool call with one text part). */
export function resultText(result: unknown): string {
	const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
	return content
		.filter((part) => part.type === 'text')
		.map((part) => part.text ?? '')
		.join('');
}

/**
 * Waits until n8n serves the MCP endpoint of an activated workflow: n8n answers its health check
 * before the workflows are activated, and an unknown webhook path answers 404 meanwhile.
 */
export async function waitForMcpEndpoint(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
			},
			body: '{}',
		}).catch(() => undefined);
		if (response && response.status !== 404) {
			await response.body?.cancel();
			return;
		}
		if (Date.now() > deadline) throw new Error(`${url} still answers 404 after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
