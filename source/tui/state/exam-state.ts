// The exam's steps as data: drawn, started (files made by the app), timed by ticks, finished
// on the learner's word or the clock's, graded all at once, then reviewed. An exam is kept on
// disk from its start to its grade (the keepExam and dropExam effects): quitting does not end
// it, and its clock keeps running while the app is closed, as a real exam's would.
import {recordExam} from '../../progress/challenge-model.js';
import type {SavedExam} from '../../progress/saved-exam.js';
import {planExam, scoreExam} from './exam-plan.js';
import {move, scrolled, withEffect} from './steps.js';
import type {Action, ChallengeScreen, Effect, Exam, ExamResults, GradeResult, HomeIndex, ScreenOf, State} from './types.js';

export function introduceExam(state: State, notice?: string): State {
	const plan = planExam(state.challenges.map(entry => entry.challenge), state.seed);
	return {...state, seed: (state.seed + 1) | 0, screen: {name: 'examIntro', plan, ...(notice === undefined ? {} : {notice})}};
}

/** The Exam entry: the exam in progress when there is one, else a new exam's introduction. */
export function openExam(state: State, now: number): State {
	const saved = state.examInProgress;
	if (!saved) {
		return introduceExam(state);
	}

	const indexes = saved.tasks.map(task => state.challenges.findIndex(entry => entry.key === task.key));
	const missing = saved.tasks.find((_task, index) => indexes[index] === -1);
	if (missing) {
		// Its weights and clock were those of tasks that are gone: it cannot be scored as drawn.
		return withEffect(introduceExam({...state, examInProgress: undefined}, `The exam started ${saved.startedAt} could not be resumed: its task ${missing.key} is no longer among the challenges.`), {kind: 'dropExam'});
	}

	const exam: Exam = {
		startedAt: Date.parse(saved.startedAt),
		deadline: Date.parse(saved.deadline),
		tasks: saved.tasks.map((task, index) => ({challengeIndex: indexes[index]!, weight: task.weight, file: task.file})),
	};
	const resumed = {...state, examInProgress: undefined};
	if (now >= exam.deadline) {
		return finishExam(resumed, exam);
	}

	return withEffect(
		{...resumed, screen: {name: 'exam', exam, selected: 0, isConfirmingFinish: false, notice: 'Resumed: the clock kept running while the app was closed, as in a real exam.'}},
		{kind: 'checkExam', files: exam.tasks.map(task => task.file), challengeIndexes: exam.tasks.map(task => task.challengeIndex)},
	);
}

function savedExam(state: State, exam: Exam): SavedExam {
	return {
		formatVersion: 1,
		startedAt: new Date(exam.startedAt).toISOString(),
		deadline: new Date(exam.deadline).toISOString(),
		tasks: exam.tasks.map(task => ({key: state.challenges[task.challengeIndex]!.key, weight: task.weight, file: task.file})),
	};
}

// A resumed exam's checks, for the tasks not checked since.
function withChecks(exam: Exam, results: readonly GradeResult[]): Exam {
	return {...exam, tasks: exam.tasks.map((task, index) => (task.check === undefined && results[index] ? {...task, check: results[index]} : task))};
}

function gradeExamEffect(exam: Exam): Effect {
	return {kind: 'gradeExam', files: exam.tasks.map(task => task.file), challengeIndexes: exam.tasks.map(task => task.challengeIndex)};
}

function finishExam(state: State, exam: Exam): State {
	return withEffect({...state, screen: {name: 'examGrading', exam}}, gradeExamEffect(exam));
}

export function reduceExam(state: State, screen: ChallengeScreen & {name: 'examIntro' | 'exam' | 'examTask' | 'examGrading' | 'examReview' | 'examReviewTask'}, action: Action, now: number, home: HomeIndex): State {
	if (action.type === 'tick') {
		return (screen.name === 'exam' || screen.name === 'examTask') && now >= screen.exam.deadline ? finishExam(state, screen.exam) : state;
	}

	switch (screen.name) {
		case 'examIntro': {
			if (action.type === 'open' || action.type === 'next') {
				return withEffect(state, {kind: 'startExam', plan: screen.plan});
			}

			if (action.type === 'examStarted') {
				const exam: Exam = {startedAt: now, deadline: now + (screen.plan.minutes * 60_000), tasks: screen.plan.tasks.map((task, index) => ({...task, file: action.files[index]!}))};
				return withEffect({...state, screen: {name: 'exam', exam, selected: 0, isConfirmingFinish: false}}, {kind: 'keepExam', exam: savedExam(state, exam)});
			}

			if (action.type === 'notice') {
				return {...state, screen: {...screen, notice: action.text}};
			}

			return action.type === 'back' ? home('Exam') : state;
		}

		case 'exam': {
			// Answers to effects come whatever the learner is doing.
			if (action.type === 'notice') {
				return {...state, screen: {...screen, notice: action.text}};
			}

			if (action.type === 'examChecked') {
				return {...state, screen: {...screen, exam: withChecks(screen.exam, action.results)}};
			}

			if (screen.isConfirmingFinish) {
				return answerFinish(state, screen, action);
			}

			switch (action.type) {
				case 'up':
				case 'down': {
					return {...state, screen: {...screen, selected: move(screen.selected, action, screen.exam.tasks.length)}};
				}

				case 'open':
				case 'next': {
					return {...state, screen: {name: 'examTask', exam: screen.exam, task: screen.selected, scroll: 0, isConfirmingFinish: false}};
				}

				case 'finish':
				case 'back': {
					return {...state, screen: {...screen, isConfirmingFinish: true}};
				}

				default: {
					return state;
				}
			}
		}

		case 'examTask': {
			return reduceExamTask(state, screen, action);
		}

		case 'examGrading': {
			if (action.type !== 'examGraded') {
				return state;
			}

			const passed = action.results.map(result => result.kind === 'graded' && result.report.passed);
			const {score, isPassed} = scoreExam(screen.exam.tasks.map(task => task.weight), passed);
			const results: ExamResults = {results: action.results, score, isPassed, finishedAt: now};
			const progress = recordExam(state.progress, {
				startedAt: new Date(screen.exam.startedAt).toISOString(),
				score,
				isPassed,
				tasks: screen.exam.tasks.length,
				minutes: Math.ceil(Math.max(0, Math.min(now, screen.exam.deadline) - screen.exam.startedAt) / 60_000),
			});
			return withEffect({...state, progress, screen: {name: 'examReview', exam: screen.exam, results, selected: 0}}, {kind: 'dropExam'});
		}

		case 'examReview': {
			switch (action.type) {
				case 'up':
				case 'down': {
					return {...state, screen: {...screen, selected: move(screen.selected, action, screen.exam.tasks.length)}};
				}

				case 'open':
				case 'next': {
					return {...state, screen: {name: 'examReviewTask', exam: screen.exam, results: screen.results, task: screen.selected, scroll: 0}};
				}

				case 'back': {
					return home('Exam');
				}

				default: {
					return state;
				}
			}
		}

		case 'examReviewTask': {
			if (action.type === 'scroll') {
				return {...state, screen: {...screen, scroll: scrolled(screen.scroll, action)}};
			}

			return action.type === 'back' || action.type === 'previous'
				? {...state, screen: {name: 'examReview', exam: screen.exam, results: screen.results, selected: screen.task}}
				: state;
		}
	}
}

// The answer to "Finish the exam?", asked on the task list and on a task alike: y finishes.
function answerFinish(state: State, screen: ScreenOf<'exam'> | ScreenOf<'examTask'>, action: Action): State {
	return action.type === 'confirm' ? finishExam(state, screen.exam) : {...state, screen: {...screen, isConfirmingFinish: false}};
}

function reduceExamTask(state: State, screen: ScreenOf<'examTask'>, action: Action): State {
	if (action.type === 'examChecked') {
		return {...state, screen: {...screen, exam: withChecks(screen.exam, action.results)}};
	}

	if (screen.isConfirmingFinish) {
		return answerFinish(state, screen, action);
	}

	const task = screen.exam.tasks[screen.task]!;
	switch (action.type) {
		case 'edit': {
			const entry = state.challenges[task.challengeIndex]!;
			return withEffect(state, {kind: 'edit', file: task.file, initialText: entry.examInitialText, challengeIndex: task.challengeIndex});
		}

		case 'shell': {
			return withEffect(state, {kind: 'shell', file: task.file, initialText: state.challenges[task.challengeIndex]!.examInitialText, challengeIndex: task.challengeIndex});
		}

		case 'graded': {
			const tasks = screen.exam.tasks.map((other, index) => (index === screen.task ? {...other, check: action.result} : other));
			return {...state, screen: {...screen, exam: {...screen.exam, tasks}, scroll: 0}};
		}

		case 'scroll': {
			return {...state, screen: {...screen, scroll: scrolled(screen.scroll, action)}};
		}

		case 'finish': {
			return {...state, screen: {...screen, isConfirmingFinish: true}};
		}

		case 'back':
		case 'previous': {
			return {...state, screen: {name: 'exam', exam: screen.exam, selected: screen.task, isConfirmingFinish: false}};
		}

		default: {
			return state;
		}
	}
}
