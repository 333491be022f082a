/** ANSI styles, or none: the caller decides once whether the output is a colour terminal. */
export type Palette = {
	readonly allow: (text: string) => string;
	readonly deny: (text: string) => string;
	readonly fail: (text: string) => string;
	readonly dim: (text: string) => string;
};

const plain = (text: string) => text;

function sgr(open: number, close: number): (text: string) => string {
	return text => `\u001B[${open}m${text}\u001B[${close}m`;
}

export const noColors: Palette = {allow: plain, deny: plain, fail: plain, dim: plain};

export const ansiColors: Palette = {allow: sgr(32, 39), deny: sgr(31, 39), fail: sgr(1, 22), dim: sgr(2, 22)};

/**
Colour only for a terminal, never with NO_COLOR set (no-color.org), always with FORCE_COLOR, and
never with FORCE_COLOR=0 or false: the app's colours (ink's, from chalk) read FORCE_COLOR so, and
the command line must not disagree with the app in the same terminal.
*/
export function shouldUseColor(environment: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
	if (environment['NO_COLOR'] !== undefined && environment['NO_COLOR'] !== '') {
		return false;
	}

	const force = environment['FORCE_COLOR'];
	if (force === '0' || force === 'false') {
		return false;
	}

	if (force !== undefined && force !== '') {
		return true;
	}

	return isTerminal && environment['TERM'] !== 'dumb';
}
