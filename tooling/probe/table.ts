import { SUBJECT_LABELS, type Finding, type Verdict } from './findings';

export const MARKS: Record<Verdict, string> = {
	handled: '✔',
	observation: 'ℹ',
	'not-handled': '✘',
	'not-observed': '–',
	failed: '!',
};

const LISTS = ['templates', 'holders', 'badges'];
const SECTIONS: ReadonlyArray<readonly string[]> = [
	['hello'],
	LISTS,
	['template.write', 'holder.write', 'issue'],
	['template', 'holder', 'badge'],
	['probe'],
];

interface Row {
	mark: string;
	reading: string;
	observed: string;
	node: string;
}

const same = (a: Finding, b: Finding) =>
	a.value === b.value && a.observed === b.observed && a.node === b.node && a.verdict === b.verdict;

function rowOf(label: string, finding: Finding): Row {
	const prefix =
		finding.verdict === 'not-handled'
			? 'NOT HANDLED: '
			: finding.verdict === 'failed'
				? 'STEP FAILED '
				: '';
	return {
		mark: MARKS[finding.verdict],
		reading: `${label}: ${finding.reading}`,
		observed: finding.observed,
		node: `${prefix}${finding.node}`,
	};
}

/** The findings as rows; a list reading the three lists share is one row. */
function rowsOf(findings: readonly Finding[]): Row[] {
	const rows: Row[] = [];
	for (const section of SECTIONS) {
		const inSection = findings.filter((finding) => section.includes(finding.subject));
		if (section !== LISTS) {
			rows.push(
				...inSection.map((finding) =>
					rowOf(SUBJECT_LABELS[finding.subject] ?? finding.subject, finding),
				),
			);
			continue;
		}
		const readings = [...new Set(inSection.map((finding) => finding.reading))];
		for (const reading of readings) {
			const group = inSection.filter((finding) => finding.reading === reading);
			if (group.length === LISTS.length && group.every((finding) => same(finding, group[0]))) {
				rows.push(rowOf('Lists', group[0]));
			} else {
				rows.push(...group.map((finding) => rowOf(SUBJECT_LABELS[finding.subject], finding)));
			}
		}
	}
	return rows;
}

/** Words into lines of at most `width` characters (longer words are cut). */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (let word of text.split(/\s+/).filter(Boolean)) {
		while (word.length > width) {
			if (line) lines.push(line);
			lines.push(word.slice(0, width));
			word = word.slice(width);
			line = '';
		}
		if (!line) line = word;
		else if (line.length + 1 + word.length <= width) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines.length > 0 ? lines : [''];
}

/** "reading → what this MyPit does → what the node does with it", wrapped to `width` columns. */
export function renderTable(findings: readonly Finding[], width = 140): string {
	const usable = Math.max(80, width) - 2 - 4;
	const first = Math.round(usable * 0.26);
	const second = Math.round(usable * 0.37);
	const third = usable - first - second;
	const pad = (text: string, size: number) => text + ' '.repeat(Math.max(0, size - text.length));
	const out = [
		`  ${pad('Reading', first)}  ${pad('This MyPit', second)}  The node`,
		`  ${'─'.repeat(first)}  ${'─'.repeat(second)}  ${'─'.repeat(third)}`,
	];
	for (const row of rowsOf(findings)) {
		const cells = [wrap(row.reading, first), wrap(row.observed, second), wrap(row.node, third)];
		const height = Math.max(...cells.map((cell) => cell.length));
		for (let i = 0; i < height; i++) {
			const mark = i === 0 ? `${row.mark} ` : '  ';
			out.push(
				`${mark}${pad(cells[0][i] ?? '', first)}  ${pad(cells[1][i] ?? '', second)}  ${cells[2][i] ?? ''}`.trimEnd(),
			);
		}
	}
	return out.join('\n');
}
