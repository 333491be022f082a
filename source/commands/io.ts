import type {Problem} from '../model/input-error.js';
import {formatProblem} from '../model/input-error.js';
import type {SkippedKind} from '../content/cluster-files.js';
import {skippedKindWarnings} from '../content/skipped-kinds.js';
import {bareOrQuoted, stripControlSequences} from '../model/sanitize.js';

/** Where a command writes, and what it knows of the terminal: passed in, so tests can capture it. */
export type CommandIo = {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly isColor: boolean;
	/** The terminal's width when stdout is one; undefined for pipes and files. */
	readonly columns?: number;
};

// Warnings and notes quote the files' own text (kinds, names, file names): cleaned before they are written.

/** kubectl-style `Warning:` lines for accepted but doubtful input. */
export function printWarnings(io: CommandIo, warnings: readonly Problem[]): void {
	for (const problem of warnings) {
		io.stderr(`Warning: ${stripControlSequences(formatProblem(problem))}\n`);
	}
}

/** One note for all the objects of kinds netpol-dojo does not read. */
export function printSkipped(io: CommandIo, skipped: readonly SkippedKind[]): void {
	if (skipped.length === 0) {
		return;
	}

	for (const warning of skippedKindWarnings(skipped)) {
		io.stderr(`${stripControlSequences(warning)}\n`);
	}

	const total = skipped.reduce((sum, entry) => sum + entry.count, 0);
	const kinds = skipped.map(entry => `${bareOrQuoted(entry.kind)} (${bareOrQuoted(entry.apiVersion)}) x${entry.count}, first: ${entry.first}`);
	io.stderr(stripControlSequences(`note: skipped ${total} ${total === 1 ? 'object' : 'objects'} of kinds netpol-dojo does not read (it reads Namespaces, Pods, workloads, Services and NetworkPolicies): ${kinds.join('; ')}\n`));
}
