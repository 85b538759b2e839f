import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import {
	DEFAULT_TIMEOUT_MS,
	REQUEST_HEADERS,
	credentialAllowedDomains,
	itemBatchingFrom,
	requestBaseFrom,
} from '../../nodes/MyPit/execution/requestOptions';
import type { RunScope } from '../../nodes/MyPit/execution/scope';

const BASE = 'https://mypit.example';

describe('"Request Options" as RoutingNode reads them', () => {
	test('nothing set: the base URL, the JSON headers and a five-minute timeout', () => {
		expect(requestBaseFrom({}, BASE)).toEqual({
			url: '',
			baseURL: BASE,
			headers: REQUEST_HEADERS,
			timeout: DEFAULT_TIMEOUT_MS,
		});
		expect(DEFAULT_TIMEOUT_MS).toBe(300_000);
	});

	test('timeout, SSL and proxy (with its user) are passed on', () => {
		expect(
			requestBaseFrom(
				{
					timeout: 2500,
					allowUnauthorizedCerts: true,
					proxy: 'http://ann:p%40ss@proxy.local:3128',
				},
				BASE,
			),
		).toEqual({
			url: '',
			baseURL: BASE,
			headers: REQUEST_HEADERS,
			timeout: 2500,
			skipSslCertificateValidation: true,
			proxy: {
				host: 'proxy.local',
				port: 3128,
				protocol: 'http',
				auth: { username: 'ann', password: 'p@ss' },
			},
		});
		expect(requestBaseFrom({ proxy: 'https://proxy.local:8443' }, BASE).proxy).toEqual({
			host: 'proxy.local',
			port: 8443,
			protocol: 'https',
		});
		expect(requestBaseFrom({ allowUnauthorizedCerts: false }, BASE)).not.toHaveProperty(
			'skipSslCertificateValidation',
		);
		expect(requestBaseFrom({ proxy: '' }, BASE)).not.toHaveProperty('proxy');
	});

	test('a proxy without host or port is an input error that hides its password', () => {
		for (const proxy of ['proxy.local', 'http://proxy.local', 'http://ann:secret@proxy.local']) {
			expect(() => requestBaseFrom({ proxy }, BASE)).toThrow(
				'Invalid "Proxy (Request Options)": expected a proxy URL with host and port',
			);
		}
		expect(() => requestBaseFrom({ proxy: 'http://ann:secret@proxy.local' }, BASE)).toThrow(
			'"http://…@proxy.local"',
		);
		expect(() => requestBaseFrom({ proxy: 'http://ann:secret@proxy.local' }, BASE)).not.toThrow(
			/secret/,
		);
		// Without a scheme the URL parser reads "ann:" as one: still no password in the message.
		expect(() => requestBaseFrom({ proxy: 'ann:secret@proxy.local:3128' }, BASE)).toThrow(
			'"…@proxy.local:3128"',
		);
	});

	test('batching: only with an interval; a missing or zero size means one item per batch', () => {
		expect(itemBatchingFrom({})).toBeUndefined();
		expect(itemBatchingFrom({ batching: { batch: { batchSize: 10, batchInterval: 0 } } })).toBe(
			undefined,
		);
		expect(
			itemBatchingFrom({ batching: { batch: { batchSize: 10, batchInterval: 500 } } }),
		).toEqual({ size: 10, intervalMs: 500 });
		expect(itemBatchingFrom({ batching: { batch: { batchSize: 0, batchInterval: 500 } } })).toEqual(
			{
				size: 1,
				intervalMs: 500,
			},
		);
	});
});

describe("the credential's Allowed HTTP Request Domains, as RoutingNode computes them (n8n 2.x)", () => {
	const node = { name: 'MyPit' } as INode;
	const allowed = (credentials: ICredentialDataDecryptedObject) =>
		credentialAllowedDomains({
			node,
			credentials: { baseUrl: 'https://api.mypit.example/', ...credentials },
		} as unknown as RunScope);

	test('All, or nothing set: no list', () => {
		expect(allowed({})).toEqual({});
		expect(allowed({ allowedHttpRequestDomains: 'all' })).toEqual({});
	});

	test('None: the node reaches its own endpoint, with no list', () => {
		expect(allowed({ allowedHttpRequestDomains: 'none' })).toEqual({});
	});

	test("Specific Domains: the Base URL's host joins a list without it; a list with it stays", () => {
		const domains = (allowedDomains: string) =>
			allowed({ allowedHttpRequestDomains: 'domains', allowedDomains });
		expect(domains('example.com')).toEqual({
			allowedDomains: 'api.mypit.example, example.com',
		});
		expect(domains('example.com, api.mypit.example')).toEqual({
			allowedDomains: 'example.com, api.mypit.example',
		});
		expect(domains('*.mypit.example')).toEqual({ allowedDomains: '*.mypit.example' });
		expect(domains('')).toEqual({ allowedDomains: 'api.mypit.example' });
	});
});
