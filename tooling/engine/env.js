// n8n-core's InstanceSettings writes a config file into the user folder: keep it in a temp dir.
const os = require('node:os');
const path = require('node:path');
process.env.N8N_USER_FOLDER =
	process.env.N8N_USER_FOLDER || path.join(os.tmpdir(), 'n8n-nodes-mypit-test');
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// n8n's logger echoes every node error to stdout; tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
