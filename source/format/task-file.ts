// The file a learner edits for a challenge: the task and the cluster as YAML comments at the
// top, so everything needed is in the editor (as in the exam, where the terminal is all you
// have), then the starter policy or a skeleton with the names the task asks for.
import type {Challenge} from '../model/challenge.js';
import {clusterTable} from './cluster-summary.js';
import {policyYaml, yamlScalar} from './policy-yaml.js';
import {wrapText} from './wrap.js';

// Every line break YAML 1.1 knows (CR, NEL and the Unicode separators too), and the ones editors break on.
const lineBreak = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/;

/**
The header's text as comment lines, one `#` per line however the text breaks: a title, a topic or a
task from a pack must never start a line of YAML (a live allow-all policy above the learner's own).
*/
function commentLines(text: string): string[] {
	return text.split(lineBreak).map(line => (line === '' ? '#' : `# ${line}`));
}

/** The skeleton of each policy the task asks for: names right, the rest for the learner. */
export function policySkeleton(challenge: Challenge): string {
	return challenge.policies.map(policy => [
		'apiVersion: networking.k8s.io/v1',
		'kind: NetworkPolicy',
		'metadata:',
		`  name: ${yamlScalar(policy.name)}`,
		`  namespace: ${yamlScalar(policy.namespace)}`,
		'spec:',
		'  podSelector: {}',
		'',
	].join('\n')).join('---\n');
}

/** The whole first text of the learner's file; an exam's says how the exam grades it. */
export function taskFileText(challenge: Challenge, {isExam = false}: {readonly isExam?: boolean} = {}): string {
	// Comment lines fit a 100-column editor: `#   ` and 96 columns of table.
	const {namespaces, pods} = clusterTable(challenge.cluster, 96);
	const existing = challenge.cluster.policies;
	const header = [
		`Challenge ${challenge.id}: ${challenge.title}`,
		`${challenge.difficulty}${challenge.minutes === undefined ? '' : `, about ${challenge.minutes} minutes`}`,
		...wrapText(`topics: ${challenge.topics.join(', ') || 'none'}`, 96),
		'',
		'TASK',
		...challenge.task.trimEnd().split('\n').map(line => `  ${line}`.trimEnd()),
		'',
		'THE CLUSTER',
		...namespaces.map(line => `  ${line}`),
		'',
		...pods.map(line => `  ${line}`),
		'',
		existing.length === 0 ? 'No NetworkPolicy exists in the cluster yet.' : 'NetworkPolicies already in the cluster:',
		...existing.flatMap(policy => [...policyYaml(policy).split('\n').map(line => `  ${line}`), '  ---']),
		'',
		'Write your NetworkPolicies below these comments; separate several with a line `---`.',
		...(isExam
			? ['Save and quit the editor. During the exam you see only whether kubectl would accept', 'the file; it is graded when the exam ends.']
			: ['Save and quit the editor, and netpol-dojo grades the file (in watch mode, every save).']),
		'Lines starting with # are comments and are not graded.',
	];
	const body = challenge.starter ?? policySkeleton(challenge);
	return `${header.flatMap(line => commentLines(line)).join('\n')}\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
