import type {Problem} from '../content/input-error.js';
import {formatProblem} from '../content/input-error.js';
import type {SkippedKind} from '../content/cluster-files.js';
import {similarTo} from '../format/similar.js';

/** Where a command writes, and what it knows of the terminal: passed in, so tests can capture it. */
export type CommandIo = {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly isColor: boolean;
	/** The terminal's width when stdout is one; undefined for pipes and files. */
	readonly columns?: number;
};

/** kubectl-style `Warning:` lines for accepted but doubtful input. */
export function printWarnings(io: CommandIo, warnings: readonly Problem[]): void {
	for (const problem of warnings) {
		io.stderr(`Warning: ${formatProblem(problem)}\n`);
	}
}

/** One note for all the objects of kinds netpol-dojo does not read. */
export function printSkipped(io: CommandIo, skipped: readonly SkippedKind[]): void {
	if (skipped.length === 0) {
		return;
	}

	for (const entry of skipped) {
		const hint = likelyMistake(entry);
		if (hint) {
			io.stderr(`Warning: ${entry.first} was skipped: ${hint}\n`);
		}
	}

	const total = skipped.reduce((sum, entry) => sum + entry.count, 0);
	const kinds = skipped.map(entry => `${entry.kind} (${entry.apiVersion}) x${entry.count}, first: ${entry.first}`);
	io.stderr(`note: skipped ${total} ${total === 1 ? 'object' : 'objects'} of kinds netpol-dojo does not read (it reads v1 Namespace, v1 Pod, networking.k8s.io/v1 NetworkPolicy): ${kinds.join('; ')}\n`);
}

const readKinds: Readonly<Record<string, string>> = {Namespace: 'v1', Pod: 'v1', NetworkPolicy: 'networking.k8s.io/v1'};

// A skipped object that was surely meant to be read: a misspelt kind or an old apiVersion.
function likelyMistake({kind, apiVersion}: SkippedKind): string | undefined {
	const expected = readKinds[kind];
	if (expected) {
		return `netpol-dojo reads ${kind} as ${expected}, not ${apiVersion}`;
	}

	const [guess] = similarTo(kind, Object.keys(readKinds));
	return guess ? `did you mean kind: ${guess}?` : undefined;
}
