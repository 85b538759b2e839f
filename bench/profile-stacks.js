// Inclusive time of the CPU-profile stacks that pass through the functions behind the costs
// BENCHMARKS.md compares (credential authenticate, expression isolate, RoutingNode's walks, our
// package, the HTTP Request node). Usage: node bench/profile-stacks.js <file.cpuprofile>
const fs = require('fs');
const prof = JSON.parse(fs.readFileSync(process.argv[2]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children || []) parent.set(c, n.id);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const label = (n) => `${n.callFrame.functionName} ${n.callFrame.url}`;
const probes = {
	'CredentialsHelper.authenticate (header expressions)': (s) =>
		s.some((l) => l.startsWith('authenticate ') && l.includes('credentials-helper')),
	'isolated-vm expression execute (all expressions)': (s) =>
		s.some((l) => l.startsWith('execute ') && l.includes('isolated-vm-bridge')),
	'RoutingNode.resolveBaseUrl (2nd walk per item)': (s) =>
		s.some((l) => l.startsWith('resolveBaseUrl ')),
	'RoutingNode.runNode, synchronous part (1st walk, contexts)': (s) =>
		s.some((l) => l.startsWith('runNode ') && l.includes('routing-node')),
	'our package (dist/nodes/MyPit)': (s) => s.some((l) => l.includes('n8n-nodes-mypit/dist/nodes')),
	'HTTP Request node (HttpRequest*)': (s) => s.some((l) => /HttpRequest/.test(l)),
};
const totals = Object.fromEntries(Object.keys(probes).map((k) => [k, 0]));
const cache = new Map();
const stackOf = (id) => {
	if (cache.has(id)) return cache.get(id);
	const s = [];
	let cur = id;
	while (cur !== undefined) {
		s.push(label(byId.get(cur)));
		cur = parent.get(cur);
	}
	cache.set(id, s);
	return s;
};
for (let i = 0; i < prof.samples.length; i++) {
	const s = stackOf(prof.samples[i]);
	for (const [k, f] of Object.entries(probes)) if (f(s)) totals[k] += prof.timeDeltas[i] || 0;
}
for (const [k, v] of Object.entries(totals))
	console.log(`${String(Math.round(v / 1000)).padStart(6)} ms  ${k}`);
