// `netpol-dojo` with no command: the full-screen app. Loads lessons, progress and the answers
// to predict pages, then hands them to the app; without a terminal it says where to go instead.
import {formatProblem} from '../content/input-error.js';
import {loadLessons} from '../content/lessons.js';
import {stripControlSequences} from '../content/sanitize.js';
import {builtInLessonsDirectory} from '../content/paths.js';
import {dataDirectory, loadProgress, saveProgressMerged} from '../progress/store.js';
import {predictAll} from '../tui/predictions.js';
import {initialState} from '../tui/state.js';
import type {CommandIo} from './io.js';

export type TuiEnvironment = {
	readonly isInteractive: boolean;
	readonly env: Readonly<Record<string, string | undefined>>;
};

/** Runs the app until the learner quits; 1 without a terminal, or when progress could not be saved. */
export async function runTui(environment: TuiEnvironment, io: CommandIo): Promise<number> {
	if (!environment.isInteractive) {
		io.stderr('netpol-dojo: the app needs an interactive terminal. Without one, use the headless commands:\n'
			+ '  netpol-dojo eval --flows FLOWS FILE...   netpol-dojo lessons   netpol-dojo progress   (netpol-dojo --help)\n');
		return 1;
	}

	// ink's colours come from chalk, which reads FORCE_COLOR but not NO_COLOR (no-color.org):
	// translate before ink loads. Every state the app shows in colour is also shown in words or marks.
	if (environment.env['NO_COLOR'] !== undefined && environment.env['NO_COLOR'] !== '') {
		process.env['FORCE_COLOR'] = '0';
	}

	// ink compiles its layout engine (WebAssembly) as it loads, much of it off the main thread:
	// start that first and read the lessons meanwhile.
	const loadingInk = Promise.all([import('ink'), import('../tui/app.js')]);
	const {lessons, problems} = loadLessons(builtInLessonsDirectory());
	const directory = dataDirectory(environment.env);
	const {progress, notice} = loadProgress(directory);
	const notices = [notice, ...problems.map(problem => `Lesson left out: ${formatProblem(problem)}`)].filter(text => text !== undefined);
	const predictions = predictAll(lessons);
	const [{render}, {App}] = await loadingInk;
	let lastSaveFailure: string | undefined;
	const instance = render(
		<App
			initialState={initialState(lessons, progress, predictions)}
			notice={notices.length > 0 ? stripControlSequences(notices.join('\n')) : undefined}
			services={{
				saveProgress(next) {
					try {
						saveProgressMerged(directory, next);
						lastSaveFailure = undefined;
					} catch (error) {
						lastSaveFailure = `Progress is not being saved: ${error instanceof Error ? error.message : String(error)}`;
					}

					return lastSaveFailure;
				},
			}}
		/>,
	);
	await instance.waitUntilExit();
	if (lastSaveFailure) {
		io.stderr(`${lastSaveFailure}\n`);
		return 1;
	}

	return 0;
}
