// The class summary `grade --class` prints: one line per learner (how many challenges passed and
// which did not), then a total, within 80 columns. Pure.

/** One learner's line. */
export type LearnerRow = {
	readonly learner: string;
	readonly passed: number;
	readonly total: number;
	/** The ids of the challenges handed in and not passed, in the pack's order. */
	readonly notPassed: readonly string[];
	/** How many challenges have no submission; all of them means the folder held none at all. */
	readonly missing: number;
};

const learnerHeading = 'LEARNER';
const passedHeading = 'PASSED';
/** Longer learner names are cut, so that the ids of what failed keep their room. */
const maxLearnerWidth = 24;

/** The table and its total line; names are shown as given (clean them first). */
export function classTable(rows: readonly LearnerRow[], width = 80): string {
	const learnerWidth = Math.max(learnerHeading.length, ...rows.map(row => Math.min(row.learner.length, maxLearnerWidth)));
	const passedWidth = Math.max(passedHeading.length, ...rows.map(row => `${row.passed}/${row.total}`.length));
	const prefix = (learner: string, passed: string) => `${cut(learner, learnerWidth).padEnd(learnerWidth)}  ${passed.padStart(passedWidth)}  `;
	const room = width - prefix('', '').length;
	const lines = [`${prefix(learnerHeading, passedHeading)}NOT PASSED`.trimEnd()];
	for (const row of rows) {
		lines.push(`${prefix(row.learner, `${row.passed}/${row.total}`)}${notPassedText(row, room)}`.trimEnd());
	}

	const everything = rows.filter(row => row.passed === row.total).length;
	const passed = rows.reduce((sum, row) => sum + row.passed, 0);
	const total = rows.reduce((sum, row) => sum + row.total, 0);
	lines.push(`Total: ${everything} of ${rows.length} ${rows.length === 1 ? 'learner' : 'learners'} passed every challenge; ${passed} of ${total} grades passed.`);
	return `${lines.join('\n')}\n`;
}

// What did not pass: the ids of the failed submissions, then how many were not handed in.
function notPassedText(row: LearnerRow, room: number): string {
	if (row.missing === row.total) {
		return 'no submission at all';
	}

	const missing = row.missing === 0 ? '' : `${row.notPassed.length === 0 ? '' : '; '}${row.missing} not handed in`;
	return `${abbreviatedList(row.notPassed, room - missing.length)}${missing}`;
}

/** The ids that fit in `room` columns, then `+N more` for the others (one id too long for the room is cut). */
export function abbreviatedList(ids: readonly string[], room: number): string {
	for (let shown = ids.length; shown > 0; shown--) {
		const more = ids.length - shown;
		const text = `${ids.slice(0, shown).join(', ')}${more > 0 ? `, +${more} more` : ''}`;
		if (text.length <= room) {
			return text;
		}
	}

	return cut(ids.join(', '), room);
}

function cut(text: string, width: number): string {
	return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
