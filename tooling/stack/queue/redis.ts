/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** A throw-away redis-server on 127.0.0.1 for n8n's queue (no persistence, data in `dir`). */
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';

import { getFreePort } from '../../n8n';
import { startService, waitFor, type Service } from './processes';

export interface Redis {
	host: string;
	port: number;
	service: Service;
	stop(): Promise<void>;
}

/** Sends one inline command and returns the first reply line. */
export async function redisCommand(port: number, command: string): Promise<string> {
	return await new Promise<string>((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis did not answer')));
		socket.once('error', reject);
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.write(`${command}\r\n`);
	});
}

export async function startRedis(redisServer: string, dir: string): Promise<Redis> {
	await fsp.mkdir(dir, { recursive: true });
	const port = await getFreePort();
	const service = startService('redis-server', redisServer, [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
		'--protected-mode',
		'yes',
		'--daemonize',
		'no',
	]);
	await waitFor(
		'PONG',
		() =>
			redisCommand(port, 'PING').then(
				(reply) => reply === '+PONG',
				() => false,
			),
		service,
		20_000,
	);
	return { host: '127.0.0.1', port, service, stop: () => service.stop('SIGTERM', 5000) };
}
