// `npm run release -- <patch|minor|major|x.y.z>`: prepares a version on a clean work tree. Moves
// CHANGELOG.md's Unreleased entries under the new version with today's date, bumps package.json
// and package-lock.json, commits "Release x.y.z" and tags vx.y.z. Offline; pushes nothing: pushing
// the tag (`git push origin main vx.y.z`) runs .github/workflows/publish.yml, which publishes
// with provenance. (`n8n-node release` is not used: it runs release-it and npx auto-changelog,
// needs an upstream and pushes.) Works on the current directory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

function fail(message) {
	console.error(`release: ${message}`);
	process.exit(1);
}

function nextVersion(current, bump) {
	if (/^\d+\.\d+\.\d+$/.test(bump ?? '')) return bump;
	const [major, minor, patch] = current.split('.').map(Number);
	if (bump === 'major') return `${major + 1}.0.0`;
	if (bump === 'minor') return `${major}.${minor + 1}.0`;
	if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
	return fail('usage: npm run release -- <patch|minor|major|x.y.z>');
}

const newer = (a, b) => {
	const [x, y] = [a, b].map((version) => version.split('.').map(Number));
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

const bump = process.argv[2];
if (git('status', '--porcelain'))
	fail('the work tree has uncommitted changes; commit or stash them first');

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const version = nextVersion(pkg.version, bump);
if (newer(version, pkg.version) <= 0) fail(`${version} is not newer than ${pkg.version}`);
const tag = `v${version}`;
if (git('tag', '--list', tag)) fail(`tag ${tag} exists already`);

const changelog = fs.readFileSync('CHANGELOG.md', 'utf8');
const unreleased = /^## \[Unreleased\]\n([\s\S]*?)(?=^## \[)/m.exec(changelog);
if (!unreleased || !unreleased[1].trim())
	fail('CHANGELOG.md has no entries under "## [Unreleased]"');

const today = new Date().toISOString().slice(0, 10);
const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const previousTag = `v${pkg.version}`;
const updated = changelog
	.replace(
		unreleased[0],
		`## [Unreleased]\n\n## [${version}] - ${today}\n\n${unreleased[1].trim()}\n\n`,
	)
	.replace(
		/^\[Unreleased\]: .*$/m,
		`[Unreleased]: ${repository}/compare/${tag}...HEAD\n[${version}]: ${repository}/compare/${previousTag}...${tag}`,
	);
fs.writeFileSync('CHANGELOG.md', updated);

pkg.version = version;
fs.writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
if (fs.existsSync('package-lock.json')) {
	const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
	lock.version = version;
	if (lock.packages?.['']) lock.packages[''].version = version;
	fs.writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
}

git(
	'add',
	'CHANGELOG.md',
	'package.json',
	...(fs.existsSync('package-lock.json') ? ['package-lock.json'] : []),
);
git('commit', '-q', '-m', `Release ${version}`);
git('tag', '-a', tag, '-m', `Release ${version}`);
console.log(`Prepared ${version}: CHANGELOG.md entry, version bump, commit and tag ${tag}.`);
console.log(`Publish it: git push origin HEAD ${tag}  (runs .github/workflows/publish.yml)`);
