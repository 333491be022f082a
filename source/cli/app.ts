// `netpol-dojo [--pack DIR]`, the app: its usage, and its arguments read. Starting it (the
// terminal's raw mode, then the TUI, imported on demand) is the entry's job, in cli.ts.
import {parseCommandArgs, refuseArguments} from './arguments.js';
import {appOptions} from './options.js';

/** The usage the app's errors print (its help is the overall --help). */
export const appUsage = 'usage: netpol-dojo [--pack DIR]';

/** Its lines in `netpol-dojo --help`. */
export const appOverview = `  netpol-dojo [--pack DIR]
      the app: lessons, challenges, drill, exam (needs a terminal)
`;

/** The app's options, or 'help' when -h or --help was asked for (the app's help is the overall --help). */
export function parseAppArguments(argv: readonly string[]): {readonly packDirectory: string | undefined} | 'help' {
	const parsed = parseCommandArgs(argv, appOptions, appUsage);
	if (parsed === 'help') {
		return 'help';
	}

	refuseArguments('netpol-dojo', parsed.positionals, appUsage);
	const packDirectory = parsed.values['pack'];
	return {packDirectory: typeof packDirectory === 'string' ? packDirectory : undefined};
}
