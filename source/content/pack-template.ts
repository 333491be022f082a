// What `pack init` writes: a pack with one complete challenge, commented so that an author can
// copy the folder and change it. It validates clean: its solution passes, every case can fail,
// and its cases catch every near-miss mutant of the solution (test/cli-pack.ts checks it).

/** The challenge folder the template writes. */
export const templateChallengeId = 'db-policy';

/** The files of a new pack: paths relative to the pack folder, and their text. */
export function packTemplate(packId: string): ReadonlyArray<readonly [string, string]> {
	return [
		['pack.yaml', packYaml(packId)],
		[`${templateChallengeId}/challenge.yaml`, challengeYaml],
		[`${templateChallengeId}/cluster.yaml`, clusterYaml],
		[`${templateChallengeId}/cases.yaml`, casesYaml],
		[`${templateChallengeId}/solution.yaml`, solutionYaml],
		[`${templateChallengeId}/starter.yaml`, starterYaml],
	];
}

const packYaml = (packId: string) => `# The pack: its id names it once added (lowercase letters, digits and hyphens).
# Each folder beside this file is one challenge; the folder's name is the challenge's id.
# Guide: docs/packs.md in netpol-dojo; check the pack with: netpol-dojo pack validate DIR
id: ${packId}
title: My NetworkPolicy challenges
version: 0.1.0
author: Your Name
description: |
  What this pack practises, and for whom.
`;

const challengeYaml = `# What the learner reads. The task names every policy to create; list them under policies.
# Grading accepts exactly the answers that decide every flow as solution.yaml does, on this
# cluster and on the pods to come (replicas, relabelled pods, look-alike namespaces), so the
# task must pin what the solution pins: namespaces, label values, port numbers or names.
title: Only the API may reach the database
difficulty: easy            # easy, medium or hard
topics: [ingress, podSelector, ports]
task: |
  Namespace \`default\` runs three pods: \`web\` (label \`name: web-pod\`), \`api\` (label
  \`name: api-pod\`) and \`db\` (label \`role: db\`), a MySQL server.

  Create a NetworkPolicy named \`db-policy\` in namespace \`default\` so that pods labelled
  \`role: db\` accept traffic only from pods labelled \`name: api-pod\` in namespace
  \`default\`, on TCP port 3306.

  Traffic to the other pods, and traffic leaving \`db\`, must not change.
hints:                      # gentlest first
  - Which pods does the policy protect? That is its \`podSelector\`; the pods allowed in go under \`ingress[].from\`.
  - "One ingress rule with one \`podSelector\` peer (\`name: api-pod\`) and one port (\`3306\`) is enough."
  - "Set \`policyTypes: [Ingress]\` only: adding Egress would also cut what \`db\` sends."
policies:                   # what the submission must create, by name and namespace
  - {name: db-policy, namespace: default}
minutes: 6                  # optional: the time a CKS candidate should need
`;

const pod = (name: string, labels: string, port: number, ip: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: default
  labels:
    ${labels}
spec:
  containers:
    - name: ${name}
      image: registry.example.com/${name}:1.0
      ports:
        - containerPort: ${port}
status:
  podIP: ${ip}
`;

const clusterYaml = `# What the learner is shown: Namespaces, Pods (with labels, ports and IPs) and any
# NetworkPolicies already in place. Write it as \`kubectl get -o yaml\` would.
apiVersion: v1
kind: Namespace
metadata:
  name: default
---
${pod('web', 'name: web-pod', 80, '10.0.0.10')}---
${pod('api', 'name: api-pod', 8080, '10.0.0.20')}---
${pod('db', 'role: db', 3306, '10.0.0.30')}`;

const casesYaml = `# The hidden cases: the task's named examples and the first feedback, each with the verdict it must give.
# Cover what must be allowed, what must be denied, and what must stay as it was; run
# netpol-dojo pack validate to see whether your cases catch the usual near misses.
flows:
  # the one allowed way in
  - {from: default/api, to: default/db, port: 3306, expect: allow}
  # other sources
  - {from: default/web, to: default/db, port: 3306, expect: deny}
  - {from: 203.0.113.7, to: default/db, port: 3306, expect: deny}
  # other ports and protocols
  - {from: default/api, to: default/db, port: 3307, expect: deny}
  - {from: default/api, to: default/db, port: 3306, protocol: UDP, expect: deny}
  # the other pods keep their traffic, and db may still send
  - {from: default/web, to: default/api, port: 8080, expect: allow}
  - {from: default/db, to: default/api, port: 8080, expect: allow}
`;

const solutionYaml = `# A reference answer. netpol-dojo pack validate checks that it passes every case.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              name: api-pod
      ports:
        - protocol: TCP
          port: 3306
`;

const starterYaml = `# Optional: what the learner's editor opens with.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`;
