const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
	const folder = process.env.N8N_USER_FOLDER || path.join(os.tmpdir(), 'n8n-nodes-mypit-test');
	fs.mkdirSync(folder, { recursive: true });
};
