/**
 * Small real network parts on 127.0.0.x for the Request Options tests: a forward proxy that
 * counts what passes through it, an https front with a self-signed certificate, and a server that
 * redirects every request to another host. Each listens on a free port and closes with the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';

export interface Closable {
	url: string;
	close(): Promise<void>;
}

async function listen(server: net.Server, host = '127.0.0.1'): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	return (server.address() as AddressInfo).port;
}

async function closeServer(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
	for (const socket of sockets) socket.destroy();
	await new Promise<void>((resolve) => server.close(() => resolve()));
}

function trackSockets(server: net.Server): Set<net.Socket> {
	const sockets = new Set<net.Socket>();
	server.on('connection', (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return sockets;
}

/**
 * An HTTP forward proxy: absolute-URI requests (plain http through a proxy) and CONNECT tunnels.
 * `passed()` lists what went through it, as `METHOD target`.
 */
export async function startCountingProxy(): Promise<Closable & { passed(): string[] }> {
	const passed: string[] = [];
	const server = http.createServer((request, response) => {
		passed.push(`${request.method} ${request.url}`);
		const target = new URL(request.url ?? '');
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				path: `${target.pathname}${target.search}`,
				method: request.method,
				headers: request.headers,
			},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		upstream.on('error', () => response.destroy());
		request.pipe(upstream);
	});
	server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
		passed.push(`CONNECT ${request.url}`);
		const [host, port] = String(request.url).split(':');
		const upstream = net.connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	const sockets = trackSockets(server);
	const port = await listen(server);
	return {
		url: `http://127.0.0.1:${port}`,
		passed: () => [...passed],
		close: async () => await closeServer(server, sockets),
	};
}

/** A self-signed certificate for 127.0.0.1, made by openssl for this run. */
function selfSignedCertificate(): { key: string; cert: string } {
	const dir = mkdtempSync(join(tmpdir(), 'mypit-tls-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
			],
			{ stdio: 'ignore' },
		);
		return {
			key: readFileSync(join(dir, 'key.pem'), 'utf8'),
			cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * https://127.0.0.1:<port> in front of a plain-http server (the sandbox): TLS ends here with a
 * self-signed certificate, and the bytes go on to `targetUrl` unchanged.
 */
export async function startSelfSignedFront(targetUrl: string): Promise<Closable> {
	const target = new URL(targetUrl);
	const server = tls.createServer(selfSignedCertificate(), (client) => {
		const upstream = net.connect(Number(target.port), target.hostname);
		client.pipe(upstream).pipe(client);
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	const sockets = trackSockets(server);
	const port = await listen(server);
	return {
		url: `https://127.0.0.1:${port}`,
		close: async () => await closeServer(server, sockets),
	};
}

/**
 * A server on `host` that answers every request with 307 (method and body kept) to the same path
 * on `targetUrl`: a MyPit Base URL whose requests end up on another host.
 */
export async function startRedirector(host: string, targetUrl: string): Promise<Closable> {
	const target = targetUrl.replace(/\/+$/, '');
	const server = http.createServer((request, response) => {
		request.resume();
		response.writeHead(307, { Location: `${target}${request.url ?? '/'}` });
		response.end();
	});
	const sockets = trackSockets(server);
	const port = await listen(server, host);
	return { url: `http://${host}:${port}`, close: async () => await closeServer(server, sockets) };
}
