// Summarizes a V8 .cpuprofile: self time per package and per function, heaviest first.
// Usage: node bench/summarize-profile.js <file.cpuprofile> [rows]
const fs = require('fs');
const file = process.argv[2];
const rows = Number(process.argv[3] ?? 20);
const prof = JSON.parse(fs.readFileSync(file));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = prof.timeDeltas;
const samples = prof.samples;
const selfTime = new Map();
for (let i = 0; i < samples.length; i++)
	selfTime.set(samples[i], (selfTime.get(samples[i]) || 0) + (dt[i] || 0));
// aggregate self time by url
const byUrl = new Map();
const byFn = new Map();
for (const [id, t] of selfTime) {
	const n = byId.get(id);
	const cf = n.callFrame;
	const url = (cf.url || '')
		.replace(/.*node_modules\//, 'nm/')
		.replace(/^file:\/\/\/work\/main\//, '');
	const pkg = url.startsWith('nm/')
		? url
				.split('/')
				.slice(0, url.startsWith('nm/@') ? 3 : 2)
				.join('/')
		: url.split('/').slice(0, 3).join('/');
	byUrl.set(pkg, (byUrl.get(pkg) || 0) + t);
	const fn = `${cf.functionName || '(anon)'} ${url.split('/').slice(-2).join('/')}:${cf.lineNumber}`;
	byFn.set(fn, (byFn.get(fn) || 0) + t);
}
const top = (m, k) =>
	[...m]
		.sort((a, b) => b[1] - a[1])
		.slice(0, k)
		.map(([n, t]) => `${(t / 1000).toFixed(0).padStart(6)}ms ${n}`)
		.join('\n');
console.log(top(byUrl, rows));
console.log('---');
console.log(top(byFn, rows * 2));
