// The verdict drill's steps as data: a seeded question, an answer timed and recorded, the next.
import type {Verdict} from '../../evaluator/index.js';
import {recordDrillAnswer} from '../../progress/challenge-model.js';
import {pickQuestion} from '../../grading/drill.js';
import {scrolled} from './steps.js';
import type {Action, HomeIndex, ScreenOf, State} from './types.js';

export function reduceDrill(state: State, screen: ScreenOf<'drill'>, action: Action, now: number, home: HomeIndex): State {
	const question = state.drillQuestions[screen.question]!;
	switch (action.type) {
		case 'allow':
		case 'deny': {
			if (screen.answer) {
				return state;
			}

			const verdict: Verdict = action.type;
			const isCorrect = verdict === question.verdict;
			const milliseconds = Math.max(0, now - screen.askedAt);
			return {
				...state,
				progress: recordDrillAnswer(state.progress, isCorrect, milliseconds),
				// Back to the top, where the verdict and the reason appear.
				screen: {...screen, scroll: 0, answer: {verdict, isCorrect, milliseconds}, session: {answered: screen.session.answered + 1, correct: screen.session.correct + (isCorrect ? 1 : 0)}},
			};
		}

		case 'open':
		case 'next': {
			return screen.answer ? askQuestion(state, now, screen.session, screen.question) : state;
		}

		case 'scroll': {
			return {...state, screen: {...screen, scroll: scrolled(screen.scroll, action)}};
		}

		case 'back': {
			return home('Verdict drill');
		}

		default: {
			return state;
		}
	}
}

/** A new drill question, drawn with the state's seed. */
export function askQuestion(state: State, now: number, session = {answered: 0, correct: 0}, previous?: number): State {
	if (state.drillQuestions.length === 0) {
		return state;
	}

	const {seed, index} = pickQuestion(state.drillQuestions.length, state.seed, previous);
	return {...state, seed, screen: {name: 'drill', question: index, askedAt: now, scroll: 0, session}};
}

/** The exam's introduction, with its tasks drawn. */
