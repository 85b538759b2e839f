// Copies what tsc does not emit (package entry, icons, codex JSON) next to the compiled files in dist/.
const { src, dest, task } = require('gulp');

function copyAssets() {
	return src(['index.js', 'icons/*.svg', 'nodes/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

task('build:assets', copyAssets);
