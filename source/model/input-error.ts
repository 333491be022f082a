/** Where a problem is: a file, and the line and column when known (1-based). */
export type Problem = {
	readonly file: string;
	readonly line?: number;
	readonly column?: number;
	readonly message: string;
};

/** `file:line:column: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: Problem): string {
	const position = problem.line === undefined ? '' : `:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
	return `${problem.file}${position}: ${problem.message}`;
}

/**
The problems one error reports at most. A million bad list items are one mistake repeated, or an
attack: the first few say what is wrong, and one line counts the rest.
*/
export const maxReportedProblems = 10;

/** `... and 999,990 more`: the line that stands for the problems not reported. */
export function moreProblemsLine(count: number): string {
	return `... and ${count.toLocaleString('en-US')} more`;
}

/**
Bad input: a file that cannot be read, parsed or validated, or a wrong command line. Thrown by
the content layer and the commands; the CLI prints its problems and exits with code 2. Keeps the
first maxReportedProblems problems and counts the others in `omitted`.
*/
export class InputError extends Error {
	override name = 'InputError';
	readonly problems: readonly Problem[];
	/** Problems found beyond those kept. */
	readonly omitted: number;

	constructor(problems: readonly Problem[], omitted = 0) {
		const kept = problems.slice(0, maxReportedProblems);
		const more = omitted + problems.length - kept.length;
		super([...kept.map(problem => formatProblem(problem)), ...(more > 0 ? [moreProblemsLine(more)] : [])].join('\n'));
		this.problems = kept;
		this.omitted = more;
	}
}

/**
Collects problems up to maxReportedProblems and only counts the others: locating a problem can
cost a YAML parse, and a million of them a million lookups.
*/
export class ProblemCollector {
	readonly problems: Problem[] = [];
	omitted = 0;

	/** Adds the problem `locate` makes, calling it only while there is room. */
	add(locate: () => Problem): void {
		if (this.problems.length < maxReportedProblems) {
			this.problems.push(locate());
		} else {
			this.omitted++;
		}
	}

	get count(): number {
		return this.problems.length + this.omitted;
	}

	/** Throws an InputError of what was collected, if anything was. */
	throwIfAny(): void {
		if (this.count > 0) {
			throw new InputError(this.problems, this.omitted);
		}
	}
}
