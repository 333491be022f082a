// What `netpol-dojo --help` prints, and what `netpol-dojo COMMAND -h` prints for each command:
// both assembled from the commands' own modules, so that the two cannot disagree.
import {appOverview} from './app.js';
import {challengesHelp, challengesOverview} from './challenges.js';
import {completionHelp, completionOverview} from './completion.js';
import {diffHelp, diffOverview} from './diff.js';
import {evalHelp, evalOverview} from './eval.js';
import {explainHelp, explainOverview} from './explain.js';
import {gradeHelp, gradeOverview} from './grade.js';
import {lessonsHelp, lessonsOverview} from './lessons.js';
import {lintHelp, lintOverview} from './lint.js';
import {matrixHelp, matrixOverview} from './matrix.js';
import type {CommandName} from './options.js';
import {packAddHelp, packHelp, packInitHelp, packOverview, packValidateHelp} from './pack.js';
import {progressHelp, progressOverview} from './progress.js';
import {shellHelp, shellOverview} from './shell.js';

/** Each command's help (and `pack`'s overview of its actions): its usage, what it does, each of its options and its exit codes, within 80 columns. */
export const commandHelp: Readonly<Record<CommandName | 'pack', string>> = {
	eval: evalHelp,
	challenges: challengesHelp,
	grade: gradeHelp,
	pack: packHelp,
	'pack validate': packValidateHelp,
	'pack init': packInitHelp,
	'pack add': packAddHelp,
	lessons: lessonsHelp,
	progress: progressHelp,
	explain: explainHelp,
	matrix: matrixHelp,
	diff: diffHelp,
	lint: lintHelp,
	shell: shellHelp,
	completion: completionHelp,
};

// The commands in the order --help lists them, as CONTRACT.md does.
const overviews = [appOverview, evalOverview, challengesOverview, gradeOverview, shellOverview, packOverview, lessonsOverview, progressOverview, explainOverview, matrixOverview, diffOverview, lintOverview, completionOverview];

/** What `netpol-dojo --help` prints: every command's overview, the options and the exit codes. */
export const overallHelp = `netpol-dojo: learn and check Kubernetes NetworkPolicy

Usage:
${overviews.join('')}  netpol-dojo --help | --version
  netpol-dojo COMMAND -h
      a command's own usage, options and exit codes

Options:
  --flows FLOWS     the flows to decide, YAML or JSON (flows: [{from, to, ...}])
  --json            machine-readable output
  --from A, --to B  one flow's ends: namespace/pod, a workload,
                    svc/namespace/name or an IP address (explain)
  --port P          a port (explain; matrix: default 80; diff: every port)
  --protocol T      TCP (default), UDP or SCTP
  --namespace N     only the pods of namespace N (matrix)
  --before FILE... --after FILE...
                    the objects before and after a change, whole clusters (diff)
  --max-size MIB    refuse input files larger than this (default 32)

FILE... are YAML or JSON files as \`kubectl get -o yaml\` writes them: Namespaces,
Pods, workloads (a Deployment stands for its pods), Services and NetworkPolicies
(other kinds are skipped with a note). A NetworkPolicy
in a later file replaces the one of the same name in an earlier file, as
kubectl apply would. A FILE may be a folder, read as \`kubectl apply -R -f DIR\`
reads it: its .yaml, .yml and .json files, sub-folders too, in name order.
\`-\` (as a FILE or as FLOWS, once) reads standard input.

Exit codes: 0 done and every expectation held; 1 some expectation failed (or a
policy did not pass, or lint warned); 2 bad input or usage.
`;
