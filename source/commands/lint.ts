// `netpol-dojo lint [--json] FILE...`: likely mistakes in the NetworkPolicies of the files, each at
// its line. Exit 0 no warnings, 1 warnings (an object skipped for a misspelt kind included), 2 bad input.
import {loadClusterFilesWithSources} from '../content/cluster-files.js';
import {formatFieldPath} from '../kube/issue.js';
import {lintPolicies} from '../grading/lint.js';
import {ansiColors, noColors} from '../format/color.js';
import {type LocatedWarning, lintJson, lintText} from '../format/lint-output.js';
import {type CommandIo, printSkipped, printWarnings} from './io.js';

export type LintOptions = {
	readonly files: readonly string[];
	readonly format: 'text' | 'json';
	readonly maxBytes?: number;
};

export function runLint(options: LintOptions, io: CommandIo): number {
	const loaded = loadClusterFilesWithSources(options.files, options.maxBytes);
	printWarnings(io, loaded.warnings);
	printSkipped(io, loaded.skipped);
	const {policies} = loaded.objects;
	const report = lintPolicies(loaded.objects, loaded.policySources.map(source => source.written));
	// In file and line order, as an editor lists them.
	const warnings: LocatedWarning[] = report.warnings.map(warning => {
		const {file, line, column} = loaded.policySources[warning.policy]!.locate(warning.path);
		const policy = policies[warning.policy]!;
		return {
			file,
			...(line === undefined ? {} : {line}),
			...(column === undefined ? {} : {column}),
			policy: `${policy.namespace}/${policy.name}`,
			field: formatFieldPath(warning.path),
			code: warning.code,
			message: warning.message,
		};
	}).sort((left, right) => options.files.indexOf(left.file) - options.files.indexOf(right.file) || (left.line ?? 0) - (right.line ?? 0) || (left.column ?? 0) - (right.column ?? 0));
	if (!report.hasCheckedPods && policies.length > 0) {
		io.stderr('note: the files have no Pods, so the checks that need them (a policy that selects no pod, a namespace without pods, an ipBlock that covers pod IPs) did not run; add the cluster\'s objects (kubectl get pods -A -o yaml)\n');
	}

	io.stdout(options.format === 'json' ? lintJson(warnings, policies.length, report.hasCheckedPods) : lintText(warnings, policies.length, io.isColor ? ansiColors : noColors, io.columns));
	// An object that was surely meant to be a NetworkPolicy (a misspelt kind, an old apiVersion)
	// was warned about above; it is a finding too, or a CI job would pass a policy it never read.
	const misread = loaded.misread.length;
	return warnings.length > 0 || misread > 0 ? 1 : 0;
}
