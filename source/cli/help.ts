// What `netpol-dojo COMMAND -h` prints: the command's usage, what it does, each of its options
// and its exit codes, within 80 columns. The usage lines are the ones its errors print.
import type {CommandName} from './options.js';
import {challengesUsage, completionUsage, diffUsage, evalUsage, explainUsage, gradeUsage, lessonsUsage, lintUsage, matrixUsage, packAddUsage, packInitUsage, packUsage, packValidateUsage, progressUsage, shellUsage} from './usage.js';

const helpOption = '  -h, --help        this help\n';
const maxSizeOption = '  --max-size MIB    refuse input files larger than this (default 32)\n';

// Not in lint's help, which is pinned word for word; lint reads folders and \`-\` alike.
const folderFiles = `A FILE may be a folder, read as \`kubectl apply -R -f DIR\` reads it: its .yaml,
.yml and .json files, in sub-folders too, in name order (hidden ones included,
symbolic links to folders not followed). \`-\` reads standard input, once.
`;

const clusterFiles = `FILE... are YAML or JSON files as \`kubectl get -o yaml\` writes them: Namespaces,
Pods, workloads (a Deployment stands for its pods), Services and NetworkPolicies
(other kinds are skipped with a note). A NetworkPolicy
in a later file replaces the one of the same name in an earlier file, as
kubectl apply would.
${folderFiles}`;

const packFolder = `A pack is a folder: pack.yaml and one folder per challenge (challenge.yaml,
cluster.yaml, cases.yaml, solution.yaml, starter.yaml). The format, and the
JSON Schemas editors check it with: docs/packs.md.
`;

export const commandHelp: Readonly<Record<CommandName | 'pack', string>> = {
	eval: `${evalUsage}

Decide each flow in FLOWS against the cluster objects in FILE..., as Kubernetes
does, and say why.

Options:
  --flows FLOWS     the flows, YAML or JSON: flows: [{from, to, port, ...}]
  --json            one result per flow, for scripts and CI
${maxSizeOption}${helpOption}
${clusterFiles}
Exit codes: 0 every expectation held; 1 one failed; 2 bad input or usage.
`,

	challenges: `${challengesUsage}

List the challenges of a pack (the built-in one by default): id, difficulty and
title.

Options:
  --pack DIR        a pack of your own instead of the built-in challenges
  --json            the challenges as data, for scripts
${helpOption}
Exit codes: 0 listed; 2 the pack cannot be read, or bad usage.
`,

	grade: `${gradeUsage}

Grade a policy file against a challenge: it passes when it decides every flow
as the task's reference solution does (POLICY.yaml may be a folder of policy
files, or - for standard input). With --submissions, grade one learner: one
file per challenge, named <challenge-id>.yaml. With --class, grade a class in
one run: one folder per learner (hidden ones left out), each as --submissions
grades it, against the pack loaded once; it prints one line per learner, what
passed and what did not.

Options:
  --pack DIR         a pack of your own instead of the built-in challenges
                     (--class needs it)
  --submissions DIR  a learner's files, one <challenge-id>.yaml per challenge
  --class DIR        a class: one folder per learner, named after the learner
  --junit FILE|DIR   also write the grades as JUnit XML: with --submissions, to
                     FILE; with --class, one DIR/<learner>.xml per learner, the
                     report --submissions writes, to hand back to each
  --json             the grade as data, with the counterexample; with --class,
                     {pack, passed, failed, total, learners: [{learner,
                     submitted, passed, failed, total, results}]}
  --max-size MIB     refuse input files larger than this (default 32)
  -h, --help         this help

Exit codes: 0 passed (every challenge, with --submissions; every learner every
challenge, with --class); 1 not yet; 2 bad input or usage.
`,

	pack: `${packUsage}

Write, check and share challenge packs:
  pack validate DIR  check a pack before sharing it
  pack init DIR      start a pack with one complete example challenge
  pack add DIR       check a pack and add it to the app's challenges

netpol-dojo pack ACTION -h says more about each.

${packFolder}`,

	'pack validate': `${packValidateUsage}

Check a pack as an instructor would before sharing it: every file loads, the
reference solution passes every case, every case can fail, and the proof
refuses near-miss wrong answers derived from each solution. Says what each
reference allows, per direction and pod.

Options:
  --strict          count warnings and surviving mutants as problems (exit 1)
${helpOption}
${packFolder}
Exit codes: 0 clean; 1 problems found; 2 the pack cannot be read, or bad usage.
`,

	'pack init': `${packInitUsage}

Start a pack in DIR (a new or empty folder) with one complete example challenge
that validates clean, commented so that you can copy it and change it.

Options:
${helpOption}
Exit codes: 0 written; 2 DIR exists and is not an empty folder, or bad usage.
`,

	'pack add': `${packAddUsage}

Check a pack and, when it has no error, copy it into the app's data directory,
so that the app lists its challenges after the built-in ones.

Options:
  --force           replace a pack of the same id added before
${helpOption}
Exit codes: 0 added; 1 the pack has errors; 2 it cannot be read, its id is
added already (without --force), or bad usage.
`,

	lessons: `${lessonsUsage}

List the lessons, in teaching order: id, title and topics.

Options:
  --json            the lessons as data, with a summary and page count each
${helpOption}
Exit codes: 0 listed; 2 bad usage.
`,

	progress: `${progressUsage}

Show what you have read, answered and solved: lessons, challenges, drill and
exams. Progress lives in your data directory (NETPOL_DOJO_HOME sets another).

Options:
  --json            the progress as data, for scripts
  --reset           delete the progress and start afresh
${helpOption}
Exit codes: 0 done; 2 the progress cannot be deleted, or bad usage.
`,

	explain: `${explainUsage}

Trace why each flow is allowed or denied: which policies select each end, and
the rule, peer and port that admitted it, or why each rule did not.

Options:
  --flows FLOWS     the flows, YAML or JSON: flows: [{from, to, port, ...}]
  --from A, --to B  one flow's ends: namespace/pod, a workload,
                    svc/namespace/name or an IP address
  --port P          one flow's port, 1..65535
  --protocol T      one flow's protocol: TCP (default), UDP or SCTP
  --json            each flow's trace as data, for scripts
${maxSizeOption}${helpOption}
${clusterFiles}
Exit codes: 0 every expectation held; 1 one failed; 2 bad input or usage.
`,

	matrix: `${matrixUsage}

Draw who may open a connection to whom on one port, rows the sources and
columns the destinations. Over 30 pods, count the allowed pairs per pair of
namespaces instead.

Options:
  --port P          the port (default 80)
  --protocol T      TCP (default), UDP or SCTP
  --namespace N     only the pods of namespace N (policies everywhere count)
  --json            every pair, as data
${maxSizeOption}${helpOption}
${clusterFiles}
Exit codes: 0 drawn; 2 bad input or usage.
`,

	diff: `${diffUsage}

The flows whose verdict differs between two clusters: what a change opens and
closes, between pods and to and from addresses outside the cluster, on every
port of TCP, UDP and SCTP. Pods are matched by namespace and name.

Options:
  --before FILE...  the objects before the change, a whole cluster
  --after FILE...   the objects after the change, a whole cluster
  --port P          only this port
  --protocol T      only this protocol: TCP, UDP or SCTP
  --json            one entry per pair of ends and stretch of ports
${maxSizeOption}${helpOption}
${folderFiles}
Exit codes: 0 compared, whatever changed; 2 bad input or usage.
`,

	lint: `${lintUsage}

Warn about likely mistakes in policies, each at its file and line: a policy
that selects no pod, OR written for AND, egress without DNS, a port without its
protocol, and more. Give the cluster's files with your policies: without Pods,
the checks that need them are skipped, with a note.

Options:
  --json            the warnings as data, with their codes
${maxSizeOption}${helpOption}
Exit codes: 0 no warnings; 1 warnings; 2 bad input or usage.
`,

	shell: `${shellUsage}

The exam's terminal, offline: opens your own shell ($SHELL, else sh) in your
work folder, with kubectl and k on its PATH bound to the challenge's cluster,
and the challenge in the prompt: (dojo CHALLENGE) $. Practise the exam's loop:
kubectl get pods --show-labels, write a policy in vi, kubectl apply -f it.
Leave the shell (exit, Ctrl-D) and the cluster is graded as it is then.

That kubectl never calls a real kubectl, reads a kubeconfig or touches a real
cluster: the challenge's cluster is a file in your data folder, changed only
by what you apply. Nothing outside that shell changes.

Options:
  --pack DIR        a pack of your own instead of the built-in challenges
${helpOption}
Exit codes: 0 the cluster passes; 1 not yet; 2 bad input or usage.
`,

	completion: `${completionUsage}

Print a shell completion script: commands, each command's options, challenge
ids for grade, and files elsewhere. To load it in every new shell:

  bash, in ~/.bashrc:  source <(netpol-dojo completion bash)
  zsh, in ~/.zshrc:    source <(netpol-dojo completion zsh)

Options:
${helpOption}
Exit codes: 0 printed; 2 bad usage.
`,
};
