#!/usr/bin/env bash
# Install the n8n 1.x engine used by `jest -c jest.engine-1x.config.js`:
#   n8n-core 1.122.28 + n8n-workflow 1.120.14 (the engine of n8n 1.123.50, the newest 1.x
#   that does not pull isolated-vm), from the lockfile beside this script, into
#   <repo>/.cache/engine-1x/node_modules (git-ignored).
# Idempotent: a marker holding the lockfile's hash and the Node major is written only after
# `npm ci` and the checks below passed, so a complete install makes a re-run a no-op and a
# changed lockfile or an interrupted run reinstalls. Works from any cwd.
# Checks: exact versions, exactly ONE n8n-workflow in the tree (n8n-core must share the
# node's n8n-workflow, or `instanceof NodeApiError` breaks), no isolated-vm, and that
# n8n-core loads on this Node and resolves that same n8n-workflow.
# To change the pins: edit package.json here, then
#   (cd scripts/engine-1x && npm install --package-lock-only --ignore-scripts)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TARGET="$REPO_ROOT/.cache/engine-1x"
MARKER="$TARGET/.installed"
WANT_CORE=1.122.28
WANT_WORKFLOW=1.120.14

log() { printf '[engine-1x] %s\n' "$*" >&2; }
START=$(date +%s)

command -v node >/dev/null || { log "node is not on PATH"; exit 1; }
command -v npm >/dev/null || { log "npm is not on PATH"; exit 1; }

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

mkdir -p "$TARGET"
# One install at a time (several shells, CI steps).
exec 9>"$REPO_ROOT/.cache/.engine-1x.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

lock_hash="$(cat "$SCRIPT_DIR/package.json" "$SCRIPT_DIR/package-lock.json" | sha256sum | cut -d' ' -f1)"
expected="$lock_hash node-$(node -p 'process.versions.node.split(".")[0]')"

verify() {
	(cd "$TARGET" && node - "$WANT_CORE" "$WANT_WORKFLOW" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const [wantCore, wantWorkflow] = process.argv.slice(2);
const problems = [];
// Every copy of a package anywhere in the tree (nested node_modules included).
function copies(name, dir = 'node_modules', found = []) {
	if (!fs.existsSync(dir)) return found;
	for (const entry of fs.readdirSync(dir)) {
		if (entry.startsWith('.')) continue;
		const full = path.join(dir, entry);
		if (entry.startsWith('@')) {
			for (const scoped of fs.readdirSync(full)) visit(`${entry}/${scoped}`, path.join(full, scoped));
		} else visit(entry, full);
	}
	function visit(pkgName, full) {
		if (pkgName === name) found.push(full);
		const nested = path.join(full, 'node_modules');
		if (fs.existsSync(nested)) copies(name, nested, found);
	}
	return found;
}
const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
for (const [name, want] of [['n8n-core', wantCore], ['n8n-workflow', wantWorkflow]]) {
	const found = copies(name);
	if (found.length !== 1) problems.push(`${name}: ${found.length} copies (${found.join(', ')}), want exactly 1`);
	for (const dir of found) if (version(dir) !== want) problems.push(`${dir} is ${version(dir)}, want ${want}`);
}
const ivm = copies('isolated-vm');
if (ivm.length) problems.push(`isolated-vm is in the tree: ${ivm.join(', ')}`);
// n8n-core must load on this Node and share the top-level n8n-workflow.
const top = require.resolve('n8n-workflow', { paths: [process.cwd()] });
const fromCore = require.resolve('n8n-workflow', { paths: [path.dirname(require.resolve('n8n-core'))] });
if (top !== fromCore) problems.push(`n8n-core resolves ${fromCore}, the tree's top level is ${top}`);
const core = require('n8n-core');
const workflow = require('n8n-workflow');
for (const name of ['WorkflowExecute', 'RoutingNode', 'Credentials']) {
	if (typeof core[name] !== 'function') problems.push(`n8n-core does not export ${name}`);
}
if (typeof workflow.NodeApiError !== 'function') problems.push('n8n-workflow does not export NodeApiError');
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.error(`n8n-core ${version('node_modules/n8n-core')}, n8n-workflow ${version('node_modules/n8n-workflow')} (one copy each), no isolated-vm, loads on Node ${process.versions.node}`);
JS
	)
}

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$expected" && -d "$TARGET/node_modules/n8n-core" ]]; then
	log "cached in $TARGET"
	verify
else
	rm -f "$MARKER"
	cp "$SCRIPT_DIR/package.json" "$SCRIPT_DIR/package-lock.json" "$TARGET/"
	log "npm ci n8n-core@$WANT_CORE n8n-workflow@$WANT_WORKFLOW into $TARGET"
	# No lifecycle scripts: nothing in this tree needs a native build to run the engine, and the
	# repository's .npmrc does the same for the 2.x line.
	(cd "$TARGET" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
	verify
	printf '%s' "$expected" >"$MARKER"
fi
echo "$TARGET/node_modules"
log "done in $(( $(date +%s) - START ))s"
