// The screens that scroll, and their lines: the app asks here how tall each one is.
import type {ReactElement} from 'react';
import type {State} from '../state/state.js';
import {challengeLines} from './challenge-screen.js';
import {drillLines} from './drill-screen.js';
import {examTaskLines, reviewTaskLines} from './exam-screens.js';

export function scrollingLines(state: State, width: number): ReactElement[] | undefined {
	const {screen} = state;
	switch (screen.name) {
		case 'challenge': {
			return challengeLines(state, screen, width);
		}

		case 'drill': {
			return drillLines(state, screen, width);
		}

		case 'examTask': {
			return examTaskLines(state, screen, width);
		}

		case 'examReviewTask': {
			return reviewTaskLines(state, screen, width);
		}

		default: {
			return undefined;
		}
	}
}

/** Lines through a viewport of `height` rows, with a mark when there is more. */
