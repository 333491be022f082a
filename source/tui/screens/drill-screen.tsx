// The verdict drill's screen as lines: the flow first, then the answer with the evaluator's
// reason, then the cluster and its policies.
import type {ReactElement} from 'react';
import {clusterTable} from '../../format/cluster-summary.js';
import {policyYaml} from '../../format/policy-yaml.js';
import type {DrillProgress} from '../../progress/challenge-model.js';
import type {DrillQuestion} from '../../grading/drill.js';
import {blank, percent, row, wrapped} from '../widgets/screen-lines.js';
import type {ScreenOf} from '../state/types.js';
import {truncatedYaml} from '../widgets/rich-text.js';

/** What the drill's screen shows, read from the state by the app. */
export type DrillView = {
	readonly screen: ScreenOf<'drill'>;
	readonly question: DrillQuestion;
	/** The title of the challenge the question comes from. */
	readonly challengeTitle: string;
	/** Every drill answer on record, for the all-time line. */
	readonly overall: DrillProgress;
};

export function drillLines({screen, question, challengeTitle, overall}: DrillView, width: number): ReactElement[] {
	const {flow} = question;
	const lines: ReactElement[] = [
		row('title', 'Verdict drill', {bold: true}),
		...wrapped(`This round: ${screen.session.correct} of ${screen.session.answered} right${overall.answered > 0 ? `. All time: ${percent(overall.correct / overall.answered)} right, ${(overall.milliseconds / overall.answered / 1000).toFixed(1)} s an answer` : ''}.`, 'stats', width, {dimColor: true}),
		blank('gap'),
		...wrapped(`Flow: ${flow.from} -> ${flow.to} on ${flow.port}/${flow.protocol}`, 'flow', width, {bold: true}),
	];
	if (screen.answer) {
		const {answer} = screen;
		lines.push(
			row('verdict', `${answer.isCorrect ? 'Right' : 'Not quite'}: it is ${question.verdict === 'allow' ? 'allowed' : 'denied'} (you said ${answer.verdict === 'allow' ? 'allowed' : 'denied'}, in ${(answer.milliseconds / 1000).toFixed(1)} s).`, {bold: true, color: answer.isCorrect ? 'green' : 'red'}),
			...wrapped(`The evaluator: ${question.reason}`, 'reason', width, {dimColor: true}),
		);
	} else {
		lines.push(row('ask', 'Allowed or denied? Press a or d.', {color: 'cyan'}));
	}

	const {namespaces, pods} = clusterTable(question.cluster, width - 2);
	lines.push(
		blank('before-cluster'),
		...wrapped(`The cluster of the challenge "${challengeTitle}", with its reference solution applied:`, 'cluster', width, {dimColor: true}),
		...namespaces.map((line, index) => row(`ns.${index}`, `  ${line}`)),
		...pods.map((line, index) => row(`pod.${index}`, `  ${line}`)),
		blank('before-policies'),
		row('policies', question.cluster.policies.length === 0 ? 'No NetworkPolicies.' : 'NetworkPolicies:', {dimColor: true}),
		...question.cluster.policies.flatMap((policy, index) => [...truncatedYaml(policyYaml(policy), `policy.${index}`), ...(index < question.cluster.policies.length - 1 ? [row(`policy.${index}.end`, '  ---', {dimColor: true})] : [])]),
	);
	return lines;
}
