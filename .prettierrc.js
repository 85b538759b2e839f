/**
 * n8n's formatting (as in n8n-nodes-starter): tabs, single quotes, 100 columns, trailing commas,
 * semicolons, LF. JSON keeps npm's two spaces, so `npm install` and prettier agree on package.json.
 */
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
	overrides: [{ files: '*.json', options: { useTabs: false } }],
};
