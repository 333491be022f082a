// The app's state and every change to it, as data: screens are a discriminated union and keys
// become actions through keys.ts. No React here, so the whole flow is tested with plain ava.
import type {Lesson} from '../../model/lesson.js';
import {checkpointPages, choicesOf, isCheckpoint, lessonShape} from '../../model/lesson.js';
import {challengeProgress} from '../../progress/challenge-model.js';
import {markPageSeen, type Progress, recordAnswer} from '../../progress/model.js';
import {nextUnsolved, openChallenge, reduceChallenge, reduceChallengeList} from './challenge-state.js';
import {lessonSummary} from '../../progress/model.js';
import {askQuestion, reduceDrill} from './drill-state.js';
import {openExam, reduceExam} from './exam-state.js';
import {pageKey, type Prediction} from '../../grading/predictions.js';
import {correctChoice} from './checkpoint.js';
import {clamp} from './steps.js';
import type {Action, ChallengeData, ScreenOf, State} from './types.js';

export type {Action, Answer, ChallengeData, KeyActionType, Screen, State} from './types.js';

/** The home menu, in order. */
export const homeItems = ['Lessons', 'Challenges', 'Verdict drill', 'Exam', 'Progress', 'Help', 'Quit'] as const;

const noChallenges: ChallengeData = {challenges: [], drillQuestions: [], seed: 1, editorName: 'vi'};

/** The first state; without challenge data, the challenges are to come in a `challengesLoaded` action. */
export function initialState(lessons: readonly Lesson[], progress: Progress, predictions: ReadonlyMap<string, Prediction>, challengeData?: ChallengeData): State {
	const {problems = [], ...data} = challengeData ?? noChallenges;
	return {screen: {name: 'home', selected: 0}, lessons, progress, predictions, ...data, challengeProblems: problems, isLoadingChallenges: challengeData === undefined, effects: [], now: 0, isQuitting: false};
}

// Home, with an item highlighted: where Esc from a section returns.
function homeAt(state: State, item: string): State {
	return {...state, screen: {name: 'home', selected: Math.max(0, homeItems.indexOf(item as typeof homeItems[number]))}};
}

function openLesson(state: State, lessonIndex: number): State {
	const lesson = state.lessons[lessonIndex];
	if (!lesson) {
		return state;
	}

	return showPage(state, lessonIndex, 0);
}

function showPage(state: State, lessonIndex: number, page: number): State {
	const lesson = state.lessons[lessonIndex]!;
	const progress = markPageSeen(state.progress, lesson.id, page, lesson.pages.length, checkpointPages(lesson));
	return {...state, progress, screen: {name: 'lesson', lessonIndex, page, selected: 0, scroll: 0}};
}

/** The state after an action at time `now` (ms since 1970). Pure. */
export function reduce(previous: State, action: Action, now = 0): State {
	const state = previous.now === now ? previous : {...previous, now};
	const {screen} = state;
	if (action.type === 'effectsTaken') {
		return {...state, effects: state.effects.slice(action.count)};
	}

	if (action.type === 'challengesLoaded') {
		const {problems = [], ...data} = action.data;
		return {...state, ...data, challengeProblems: problems, isLoadingChallenges: false};
	}

	if (action.type === 'quit') {
		return {...state, isQuitting: true};
	}

	if (action.type === 'select') {
		return screen.name === 'home' || screen.name === 'lessons' || screen.name === 'challenges' || screen.name === 'exam' || screen.name === 'examReview' || (screen.name === 'lesson' && !screen.answer)
			? {...state, screen: {...screen, selected: action.index}}
			: state;
	}

	if (action.type === 'help') {
		return screen.name === 'help' ? {...state, screen: screen.previous} : {...state, screen: {name: 'help', previous: screen}};
	}

	switch (screen.name) {
		case 'home': {
			return reduceHome(state, screen, action, now);
		}

		case 'lessons': {
			return reduceLessons(state, screen, action);
		}

		case 'lesson': {
			return reduceLesson(state, screen, action, now);
		}

		case 'progress': {
			return action.type === 'back' ? homeAt(state, 'Progress') : state;
		}

		case 'help': {
			return action.type === 'back' ? {...state, screen: screen.previous} : state;
		}

		case 'challenges': {
			return reduceChallengeList(state, screen, action, now, item => homeAt(state, item));
		}

		case 'challenge': {
			return reduceChallenge(state, screen, action, now);
		}

		case 'drill': {
			return reduceDrill(state, screen, action, now, item => homeAt(state, item));
		}

		default: {
			return reduceExam(state, screen, action, now, item => homeAt(state, item));
		}
	}
}

function reduceHome(state: State, screen: ScreenOf<'home'>, action: Action, now: number): State {
	switch (action.type) {
		case 'up':
		case 'down': {
			const selected = clamp(screen.selected + (action.type === 'up' ? -1 : 1), homeItems.length);
			return {...state, screen: {name: 'home', selected}};
		}

		case 'open':
		case 'next': {
			const item = homeItems[screen.selected];
			if (item === 'Lessons') {
				return {...state, screen: {name: 'lessons', selected: Math.max(0, state.lessons.findIndex(lesson => !lessonSummary(state.progress, lessonShape(lesson)).isCompleted))}};
			}

			if (item === 'Progress') {
				return {...state, screen: {name: 'progress'}};
			}

			if (item === 'Challenges') {
				return {...state, screen: {name: 'challenges', selected: nextUnsolved(state, 0) ?? 0}};
			}

			if (item === 'Verdict drill') {
				return askQuestion(state, now);
			}

			if (item === 'Exam') {
				return state.challenges.length === 0 ? state : openExam(state, now);
			}

			if (item === 'Help') {
				return {...state, screen: {name: 'help', previous: screen}};
			}

			return item === 'Quit' ? {...state, isQuitting: true} : state;
		}

		case 'back': {
			return {...state, isQuitting: true};
		}

		default: {
			return state;
		}
	}
}

function reduceLessons(state: State, screen: ScreenOf<'lessons'>, action: Action): State {
	switch (action.type) {
		case 'up':
		case 'down': {
			const selected = clamp(screen.selected + (action.type === 'up' ? -1 : 1), state.lessons.length);
			return {...state, screen: {name: 'lessons', selected}};
		}

		case 'open':
		case 'next': {
			return openLesson(state, screen.selected);
		}

		case 'back':
		case 'previous': {
			return homeAt(state, 'Lessons');
		}

		default: {
			return state;
		}
	}
}

function reduceLesson(state: State, screen: ScreenOf<'lesson'>, action: Action, now: number): State {
	const lesson = state.lessons[screen.lessonIndex]!;
	const page = lesson.pages[screen.page]!;
	const isAsking = isCheckpoint(page);
	switch (action.type) {
		case 'up':
		case 'down': {
			const count = choicesOf(page).length;
			if (count === 0 || screen.answer) {
				return state;
			}

			return {...state, screen: {...screen, selected: clamp(screen.selected + (action.type === 'up' ? -1 : 1), count)}};
		}

		case 'next':
		case 'open': {
			// Enter on an unanswered checkpoint answers it; otherwise it turns the page.
			if (isAsking && !screen.answer && action.type === 'open') {
				const correct = correctChoice(page, state.predictions.get(pageKey(screen.lessonIndex, screen.page)));
				const isCorrect = screen.selected === correct;
				const progress = recordAnswer(state.progress, lesson.id, screen.page, isCorrect, lesson.pages.length, checkpointPages(lesson));
				// The verdict and the explanation appear right below the question, which stays in view.
				return {...state, progress, screen: {...screen, scroll: 0, answer: {choice: screen.selected, isCorrect}}};
			}

			// Past the last page, the list opens on the next lesson.
			if (screen.page + 1 >= lesson.pages.length) {
				return {...state, screen: {name: 'lessons', selected: clamp(screen.lessonIndex + 1, state.lessons.length)}};
			}

			return showPage(state, screen.lessonIndex, screen.page + 1);
		}

		case 'previous': {
			return screen.page === 0 ? state : showPage(state, screen.lessonIndex, screen.page - 1);
		}

		case 'scroll': {
			const current = Math.min(screen.scroll, action.max);
			return {...state, screen: {...screen, scroll: Math.max(0, Math.min(current + action.by, action.max))}};
		}

		case 'back': {
			return {...state, screen: {name: 'lessons', selected: screen.lessonIndex}};
		}

		case 'clusterYaml': {
			return page.kind === 'predict' ? {...state, screen: {...screen, isShowingClusterYaml: screen.isShowingClusterYaml !== true}} : state;
		}

		case 'practice': {
			const index = practiceChallenge(state, screen.lessonIndex);
			return index === undefined ? state : openChallenge(state, index, now);
		}

		default: {
			return state;
		}
	}
}

/** The built-in challenges a lesson names for practice, as indexes of the challenge list, in its order. */
export function practiceChallenges(state: State, lessonIndex: number): number[] {
	const lesson = state.lessons[lessonIndex];
	return (lesson?.practice ?? []).flatMap(id => {
		// The built-in pack's challenges are the ones the list names by their bare id.
		const index = state.challenges.findIndex(entry => entry.name === id);
		return index === -1 ? [] : [index];
	});
}

/** What the c key opens on a lesson's last page: the first unsolved practice challenge, else the first. */
export function practiceChallenge(state: State, lessonIndex: number): number | undefined {
	const indexes = practiceChallenges(state, lessonIndex);
	return indexes.find(index => !challengeProgress(state.progress, state.challenges[index]!.key).isSolved) ?? indexes[0];
}
