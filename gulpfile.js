// Copies what tsc does not emit (icons and codex JSON) next to the compiled files in dist/.
const { src, dest, task } = require('gulp');

function copyAssets() {
	return src(['icons/*.svg', 'nodes/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

task('build:assets', copyAssets);
