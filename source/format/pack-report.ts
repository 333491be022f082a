// What `pack validate` prints: every problem as `error:` or `warning:` with its file and line
// (editors and terminals turn those into links), each challenge's near-miss mutant figures, what
// its reference allows, the survivors named, and one closing line, as rustlings' `dev check`
// ends. Pure.
import type {Challenge, PackInfo} from '../model/challenge.js';
import {formatProblem, type Problem} from '../model/input-error.js';
import type {CaseStrength} from '../grading/case-strength.js';

/** A problem to report, with its severity and the challenge it belongs to (when it loaded). */
export type PackProblem = Problem & {readonly severity: 'error' | 'warning'; readonly challenge?: string};

/** Everything `pack validate` found. */
export type PackValidation = {
	readonly pack: PackInfo;
	readonly challenges: readonly Challenge[];
	/** Problems of the pack and of challenges that did not load, then each challenge's, in pack order. */
	readonly problems: readonly PackProblem[];
	/** Per challenge whose reference solution passes, how grading fares against near-miss mutants. */
	readonly strengths: ReadonlyMap<string, CaseStrength>;
	/** Per challenge whose reference solution passes, what the reference allows, in lines. */
	readonly summaries: ReadonlyMap<string, readonly string[]>;
};

/** The totals the exit code depends on. */
export type PackTotals = {readonly errors: number; readonly warnings: number; readonly survivors: number};

export function packTotals(validation: PackValidation): PackTotals {
	const count = (severity: PackProblem['severity']) => validation.problems.filter(problem => problem.severity === severity).length;
	const survivors = [...validation.strengths.values()].reduce((sum, strength) => sum + strength.survivors.length, 0);
	return {errors: count('error'), warnings: count('warning'), survivors};
}

/** The report, one line per problem, per challenge and per survivor, and a closing line. */
export function packReport(validation: PackValidation): string {
	const lines = validation.problems.filter(problem => problem.challenge === undefined).map(problem => problemLine(problem));
	for (const challenge of validation.challenges) {
		lines.push(...validation.problems.filter(problem => problem.challenge === challenge.id).map(problem => problemLine(problem)));
		const strength = validation.strengths.get(challenge.id);
		lines.push(`${challenge.id}: ${plural(challenge.cases.length, 'case')}; ${strength ? strengthText(strength) : 'near-miss mutants not checked until the reference solution passes'}`);
		for (const line of validation.summaries.get(challenge.id) ?? []) {
			lines.push(`  allows: ${line}`);
		}

		const off = Object.keys(challenge.probesOff ?? {});
		for (const survivor of strength?.survivors ?? []) {
			lines.push(`  survivor: ${survivor} (accepted only because probes ${off.join(', ')} are off)`);
		}

		for (const equivalent of strength?.equivalent ?? []) {
			lines.push(`  equivalent: ${equivalent} (decides every flow as the reference does: no mistake here)`);
		}
	}

	lines.push(closingLine(validation));
	return `${lines.join('\n')}\n`;
}

function problemLine(problem: PackProblem): string {
	return `${problem.severity}: ${formatProblem(problem)}`;
}

function strengthText(strength: CaseStrength): string {
	if (strength.counted === 0) {
		return 'no near-miss mutant differs from the reference';
	}

	return `the proof refuses ${strength.counted} of ${plural(strength.counted + strength.survivors.length, 'near-miss mutant')}; the cases alone catch ${strength.caught}`;
}

function closingLine(validation: PackValidation): string {
	const {errors, warnings, survivors} = packTotals(validation);
	const cases = validation.challenges.reduce((sum, challenge) => sum + challenge.cases.length, 0);
	const size = `${plural(validation.challenges.length, 'challenge')}, ${plural(cases, 'case')}`;
	if (errors + warnings + survivors === 0) {
		return `Pack OK: ${size}; every near-miss mutant refused.`;
	}

	const found = [
		...(errors > 0 ? [plural(errors, 'error')] : []),
		...(warnings > 0 ? [plural(warnings, 'warning')] : []),
		...(survivors > 0 ? [`${plural(survivors, 'surviving mutant')} (confirm the task leaves them open, or turn those probes back on)`] : []),
	];
	return `Pack ${validation.pack.id}: ${size}; ${found.join(', ')}.`;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
