// `netpol-dojo` with no command: the full-screen app. Loads lessons, progress and the answers
// to predict pages, then hands them to the app; without a terminal it says where to go instead.
import {formatProblem, InputError} from '../model/input-error.js';
import {loadLessons} from './load-content.js';
import {loadPack} from './load-content.js';
import {builtInLessonsDirectory} from '../content/paths.js';
import {stripControlSequences} from '../model/sanitize.js';
import {shouldUseColor} from '../format/color.js';
import {loadExamInProgress} from '../progress/exam-store.js';
import {dataDirectory, loadProgress, saveProgressMerged} from '../progress/store.js';
import {drillQuestions} from '../grading/drill.js';
import {predictAll} from '../grading/predictions.js';
import type {Services} from '../tui/services.js';
import {type ChallengeData, initialState} from '../tui/state/state.js';
import {loadChallengeEntries} from './challenge-entries.js';
import {challengeServices} from './challenge-services.js';
import {editorCommand} from './editor.js';
import type {CommandIo} from './io.js';

export type TuiEnvironment = {
	readonly isInteractive: boolean;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** `--pack DIR`: a pack to list first, beside the built-in and the added ones. */
	readonly packDirectory?: string;
};

/** Runs the app until the learner quits; 1 without a terminal, or when progress could not be saved. */
export async function runTui(environment: TuiEnvironment, io: CommandIo): Promise<number> {
	// A pack asked for by name must be readable before the app starts: a typo is exit 2, not a notice.
	const explicitPack = environment.packDirectory === undefined ? undefined : loadPack(environment.packDirectory);
	if (explicitPack?.pack.id === 'built-in') {
		// Its learner files and progress would be those of the built-in challenges.
		throw new InputError([{file: environment.packDirectory!, message: 'has the pack id "built-in", which is the built-in pack\'s; give the pack another id in pack.yaml'}]);
	}

	if (!environment.isInteractive) {
		io.stderr('netpol-dojo: the app needs an interactive terminal. Without one, use the headless commands:\n'
			+ '  netpol-dojo challenges   netpol-dojo grade CHALLENGE POLICY.yaml   netpol-dojo eval --flows FLOWS FILE...   (netpol-dojo --help)\n');
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
	// An exam left running when the app closed (quit, Ctrl-C, a crash): offered on home, resumed from Exam.
	const examInProgress = loadExamInProgress(directory);
	const notices = [notice, examInProgress.notice, ...problems.map(problem => `Lesson left out: ${formatProblem(problem)}`)].filter(text => text !== undefined);
	const predictions = predictAll(lessons);
	const loadChallenges = (): ChallengeData => {
		const pack = loadChallengeEntries(directory, explicitPack);
		return {
			challenges: pack.entries,
			drillQuestions: drillQuestions(pack.entries.map(entry => entry.challenge)),
			seed: Date.now() | 0,
			editorName: editorCommand(environment.env),
			// The matrix's own colours follow the rules of ink's (and the command line's).
			isColor: shouldUseColor(environment.env, true),
			problems: pack.problems.map(problem => stripControlSequences(problem)),
		};
	};

	let lastSaveFailure: string | undefined;
	// The services the app declares (tui/services.ts), on the learner's data directory and terminal.
	const services: Services = {
		challenges: challengeServices(directory, environment.env, process.stdin),
		saveProgress(next) {
			try {
				saveProgressMerged(directory, next);
				lastSaveFailure = undefined;
			} catch (error) {
				lastSaveFailure = `Progress is not being saved: ${error instanceof Error ? error.message : String(error)}`;
			}

			return lastSaveFailure;
		},
	};
	const [{render}, {App}] = await loadingInk;
	const instance = render(
		<App
			initialState={{...initialState(lessons, progress, predictions), examInProgress: examInProgress.exam, now: Date.now()}}
			loadChallenges={loadChallenges}
			notice={notices.length > 0 ? stripControlSequences(notices.join('\n')) : undefined}
			services={services}
		/>,
	);
	await instance.waitUntilExit();
	if (lastSaveFailure) {
		io.stderr(`${lastSaveFailure}\n`);
		return 1;
	}

	return 0;
}
