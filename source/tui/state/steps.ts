// Small steps every reducer takes: moving a highlight, scrolling within bounds, asking for an effect.
import type {Action, Effect, State} from './types.js';

/** A list index kept within a list of `count` items. */
export function clamp(value: number, count: number): number {
	return Math.max(0, Math.min(value, count - 1));
}

/** The highlight after an up or down key. */
export function move(selected: number, action: Action, count: number): number {
	return clamp(selected + (action.type === 'up' ? -1 : 1), count);
}

/** The scroll after a scroll action, kept between the top and the action's maximum. */
export function scrolled(current: number, action: Action & {type: 'scroll'}): number {
	return Math.max(0, Math.min(Math.min(current, action.max) + action.by, action.max));
}

/** The state with one more effect for the app to perform. */
export function withEffect(state: State, effect: Effect): State {
	return {...state, effects: [...state.effects, effect]};
}
