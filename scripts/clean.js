// Removes build output so a build never ships stale files.
const fs = require('node:fs');
fs.rmSync(require('node:path').join(__dirname, '..', 'dist'), { recursive: true, force: true });
