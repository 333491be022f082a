// `netpol-dojo lessons [--json]`: the lessons in teaching order, headless.
import {formatProblem} from '../model/input-error.js';
import {loadLessons} from './load-content.js';
import {stripControlSequences} from '../model/sanitize.js';
import type {CommandIo} from './io.js';

export type LessonsOptions = {
	readonly format: 'text' | 'json';
	readonly directory: string;
};

/** Lists the lessons; a lesson that does not load is reported on stderr and left out. Returns 0. */
export function runLessons(options: LessonsOptions, io: CommandIo): number {
	const {lessons, problems} = loadLessons(options.directory);
	for (const problem of problems) {
		io.stderr(`Warning: ${stripControlSequences(formatProblem(problem))}\n`);
	}

	if (options.format === 'json') {
		const list = lessons.map(lesson => ({id: lesson.id, title: lesson.title, summary: lesson.summary, topics: lesson.topics, pages: lesson.pages.length}));
		io.stdout(`${JSON.stringify({lessons: list}, undefined, 2)}\n`);
		return 0;
	}

	const idWidth = Math.max(2, ...lessons.map(lesson => lesson.id.length));
	const titleWidth = Math.max(5, ...lessons.map(lesson => lesson.title.length));
	for (const [index, lesson] of lessons.entries()) {
		const number = String(index + 1).padStart(2);
		io.stdout(`${number}  ${lesson.id.padEnd(idWidth)}  ${lesson.title.padEnd(titleWidth)}  ${lesson.topics.join(', ')}\n`.replace(/ +\n$/, '\n'));
	}

	return 0;
}
