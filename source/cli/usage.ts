// What --help prints, and each command's usage line for its errors (and its help, in help.ts).

export const usage = `netpol-dojo: learn and check Kubernetes NetworkPolicy

Usage:
  netpol-dojo [--pack DIR]
      the app: lessons, challenges, drill, exam (needs a terminal)
  netpol-dojo eval [--json] --flows FLOWS FILE...
      decide each flow in FLOWS against the objects in FILE...
  netpol-dojo challenges [--pack DIR] [--json]
      list the challenges of a pack (the built-in one by default)
  netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]
      grade your policy: it passes when it decides every flow as the task does
  netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]
      grade a learner: one <challenge-id>.yaml per challenge
  netpol-dojo grade --pack DIR --class DIR [--junit DIR] [--json]
      grade a class: one folder per learner, a summary table
  netpol-dojo shell CHALLENGE [--pack DIR]
      the exam's terminal: your shell with a kubectl on the challenge's cluster
  netpol-dojo pack validate [--strict] DIR
      check a pack before sharing it: solution, cases, near misses
  netpol-dojo pack init DIR
      start a pack with one complete example challenge
  netpol-dojo pack add [--force] DIR
      check a pack and add it to the app's challenges
  netpol-dojo lessons [--json]
      list the lessons, in teaching order
  netpol-dojo progress [--json] [--reset]
      show (or reset) what you have read and answered
  netpol-dojo explain [--json] --flows FLOWS FILE...
  netpol-dojo explain [--json] --from A --to B --port P [--protocol T] FILE...
      why each flow is allowed or denied: policy, rule, peer, port
  netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N] FILE...
      who may connect to whom, as a grid (on 80/TCP by default)
  netpol-dojo diff [--json] [--port P] [--protocol T]
                   --before FILE... --after FILE...
      the pod-to-pod flows a change opens or closes
  netpol-dojo lint [--json] FILE...
      likely mistakes in policies, each at its line (1 if any)
  netpol-dojo completion bash|zsh
      a shell completion script: source <(netpol-dojo completion bash)
  netpol-dojo --help | --version
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

export const evalUsage = 'usage: netpol-dojo eval [--json] [--max-size MIB] --flows FLOWS FILE...';
export const lessonsUsage = 'usage: netpol-dojo lessons [--json]';
export const progressUsage = 'usage: netpol-dojo progress [--json] [--reset]';
export const appUsage = 'usage: netpol-dojo [--pack DIR]';
export const challengesUsage = 'usage: netpol-dojo challenges [--pack DIR] [--json]';
export const gradeUsage = 'usage: netpol-dojo grade CHALLENGE POLICY.yaml [--pack DIR] [--json]\n       netpol-dojo grade --pack DIR --submissions DIR [--junit FILE] [--json]\n       netpol-dojo grade --pack DIR --class DIR [--junit DIR] [--json]';
export const shellUsage = 'usage: netpol-dojo shell CHALLENGE [--pack DIR]';
export const packUsage = 'usage: netpol-dojo pack validate [--strict] DIR\n       netpol-dojo pack init DIR\n       netpol-dojo pack add [--force] DIR';
export const packValidateUsage = 'usage: netpol-dojo pack validate [--strict] DIR';
export const packInitUsage = 'usage: netpol-dojo pack init DIR';
export const packAddUsage = 'usage: netpol-dojo pack add [--force] DIR';
export const completionUsage = 'usage: netpol-dojo completion bash|zsh';
export const explainUsage = 'usage: netpol-dojo explain [--json] --flows FLOWS FILE...\n       netpol-dojo explain [--json] --from A --to B --port P [--protocol T]\n                           FILE...';
export const matrixUsage = 'usage: netpol-dojo matrix [--json] [--port P] [--protocol T] [--namespace N]\n                          FILE...';
export const diffUsage = 'usage: netpol-dojo diff [--json] [--port P] [--protocol T]\n                        --before FILE... --after FILE...';
export const lintUsage = 'usage: netpol-dojo lint [--json] FILE...';
