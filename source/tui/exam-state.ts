// The exam's steps as data: drawn, started (files made by the app), timed by ticks, finished
// on the learner's word or the clock's, graded all at once, then reviewed.
import {recordExam} from '../progress/challenge-model.js';
import {planExam, scoreExam} from './exam.js';
import type {Action, State} from './state.js';
import {type ChallengeScreen, type Effect, type Exam, type ExamResults, type HomeIndex, type Screen, move, scrolled, withEffect} from './challenge-state.js';

export function introduceExam(state: State): State {
	const plan = planExam(state.challenges.map(entry => entry.challenge), state.seed);
	return {...state, seed: (state.seed + 1) | 0, screen: {name: 'examIntro', plan}};
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
				return {...state, screen: {name: 'exam', exam, selected: 0, isConfirmingFinish: false}};
			}

			if (action.type === 'notice') {
				return {...state, screen: {...screen, notice: action.text}};
			}

			return action.type === 'back' ? home('Exam') : state;
		}

		case 'exam': {
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
			return {...state, progress, screen: {name: 'examReview', exam: screen.exam, results, selected: 0}};
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
function answerFinish(state: State, screen: Screen<'exam'> | Screen<'examTask'>, action: Action): State {
	return action.type === 'confirm' ? finishExam(state, screen.exam) : {...state, screen: {...screen, isConfirmingFinish: false}};
}

function reduceExamTask(state: State, screen: Screen<'examTask'>, action: Action): State {
	if (screen.isConfirmingFinish) {
		return answerFinish(state, screen, action);
	}

	const task = screen.exam.tasks[screen.task]!;
	switch (action.type) {
		case 'edit': {
			const entry = state.challenges[task.challengeIndex]!;
			return withEffect(state, {kind: 'edit', file: task.file, initialText: entry.examInitialText, challengeIndex: task.challengeIndex});
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
