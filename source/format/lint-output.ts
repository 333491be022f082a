// `lint` output: one warning a line in the form editors link (`file:line:column: warning: ...`),
// and the same as JSON.
import {stripControlSequences, terminalSafeJson} from '../model/sanitize.js';
import type {LintCode} from '../grading/lint.js';
import type {Palette} from './color.js';
import {wrapText} from './wrap.js';

/** A lint warning placed in its file, ready to print. */
export type LocatedWarning = {
	readonly file: string;
	readonly line?: number;
	readonly column?: number;
	/** `namespace/name` of the NetworkPolicy. */
	readonly policy: string;
	/** The field path: `spec.ingress[0].from[1]`. */
	readonly field: string;
	readonly code: LintCode;
	readonly message: string;
};

// File names come from the file system (a shell glob over a cloned repository): cleaned like any text from a file.
function position(warning: LocatedWarning): string {
	return `${stripControlSequences(warning.file)}${warning.line === undefined ? '' : `:${warning.line}${warning.column === undefined ? '' : `:${warning.column}`}`}`;
}

/** The text of one warning, without position: what grading feedback can show as it is. */
export function lintWarningText(warning: Pick<LocatedWarning, 'policy' | 'field' | 'code' | 'message'>): string {
	return `NetworkPolicy "${warning.policy}": ${warning.field}: ${warning.message} [${warning.code}]`;
}

/**
Every warning, then a count. On a terminal (a width), long warnings wrap with their
continuation indented; in a pipe, each stays on one line for grep and editors.
*/
export function lintText(warnings: readonly LocatedWarning[], policyCount: number, palette: Palette, width?: number): string {
	if (policyCount === 0) {
		return 'No NetworkPolicies in the files: nothing to lint.\n';
	}

	const lines = warnings.flatMap(warning => {
		const text = `${position(warning)}: warning: ${lintWarningText(warning)}`;
		const wrapped = width === undefined || text.length <= width ? [text] : wrapText(text, width - 4).map((line, index) => (index === 0 ? line : `    ${line}`));
		return wrapped.map((line, index) => (index === 0 ? line.replace(': warning: ', `: ${palette.fail('warning')}: `) : line));
	});
	const policies = new Set(warnings.map(warning => warning.policy)).size;
	const checked = `${policyCount} ${policyCount === 1 ? 'NetworkPolicy' : 'NetworkPolicies'}`;
	const summary = warnings.length === 0
		? `No warnings: ${checked} checked.`
		: `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} in ${policies} of ${checked}.`;
	return `${[...lines, ...(lines.length > 0 ? [''] : []), summary].join('\n')}\n`;
}

/** The `lint --json` document (README.md, `lint`). */
export function lintJson(warnings: readonly LocatedWarning[], policyCount: number, hasCheckedPods: boolean): string {
	return `${terminalSafeJson(JSON.stringify({warnings, policies: policyCount, podChecks: hasCheckedPods}, undefined, 2))}\n`;
}
