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
Bad input: a file that cannot be read, parsed or validated, or a wrong command line. Thrown by
the content layer and the commands; the CLI prints its problems and exits with code 2.
*/
export class InputError extends Error {
	override name = 'InputError';
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		super(problems.map(problem => formatProblem(problem)).join('\n'));
		this.problems = problems;
	}
}
