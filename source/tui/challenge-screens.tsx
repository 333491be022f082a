// The challenge screens: the list, a challenge with its grade, the verdict drill and the exam.
// Long screens are lists of one-row lines shown through a viewport (as lesson pages are), so
// the grade, the task and the cluster scroll instead of running off an 80x24 terminal.
import type {ReactElement} from 'react';
import {Box, Text} from 'ink';
import {describeFailure} from '../grading/grade.js';
import {clusterTable} from '../format/cluster-summary.js';
import {policyYaml} from '../format/policy-yaml.js';
import {reflowParagraphs} from '../format/reflow.js';
import {wrapText} from '../format/wrap.js';
import {challengeProgress, challengeSummary, drillProgress} from '../progress/challenge-model.js';
import type {Progress} from '../progress/model.js';
import type {ChallengeEntry, ChallengeScreen, Exam, GradeResult} from './challenge-state.js';
import {isSolutionOffered, screenMatrixPorts} from './challenge-state.js';
import {compileCluster} from '../evaluator/index.js';
import {compareGrids, reachabilityGrid} from '../evaluator/grid.js';
import {appliedPolicies} from '../grading/grade.js';
import type {NetworkPolicy} from '../kube/types.js';
import {ansiColors, noColors} from '../format/color.js';
import {podGridLines} from '../format/matrix-text.js';
import {ChoiceList} from './choice-list.js';
import {passMark} from './exam.js';
import {richTextLines, yamlLines} from './rich-text.js';
import type {State} from './state.js';

type Screen<Name extends ChallengeScreen['name']> = ChallengeScreen & {readonly name: Name};

const blank = (key: string) => <Text key={key}> </Text>;

/** Text wrapped to the width, a row an element. */
function wrapped(text: string, key: string, width: number, style: {color?: string; dimColor?: boolean; bold?: boolean} = {}, indent = ''): ReactElement[] {
	return wrapText(text, Math.max(20, width - indent.length)).map((line, index) => <Text key={`${key}.${index}`} {...style}>{indent}{line}</Text>);
}

/** One row, cut at the edge rather than wrapped, so a row stays a row. */
function row(key: string, content: ReactElement | string, style: {color?: string; dimColor?: boolean; bold?: boolean} = {}): ReactElement {
	return <Text key={key} wrap="truncate-end" {...style}>{content}</Text>;
}

// Widths are counted without colour codes.
const stripAnsi = (text: string) => text.replaceAll(/\u001B\[[\d;]*m/g, '');

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A list label cut to the row, past the list's two-column pointer, so an item is one row. */
function fitLabel(label: string, width: number): string {
	const room = Math.max(10, width - 2);
	return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function clock(milliseconds: number): string {
	const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function timeOfDay(time: number): string {
	const date = new Date(time);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

function minutesText(seconds: number): string {
	return seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

export function ChallengeListScreen({state, selected, rows, width, onHighlight, onChoose}: {
	readonly state: State;
	readonly selected: number;
	readonly rows: number;
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
}) {
	const {challenges, progress} = state;
	const summary = challengeSummary(progress, challenges.map(entry => entry.key));
	const idWidth = Math.max(...challenges.map(entry => entry.name.length), 2);
	const labels = challenges.map(entry => {
		const record = challengeProgress(progress, entry.key);
		const mark = record.isSolved ? '✓' : record.attempts > 0 ? '…' : ' ';
		return fitLabel(`${mark} ${entry.challenge.difficulty.padEnd(6)}  ${entry.name.padEnd(idWidth)}  ${entry.challenge.title}`, width);
	});
	const entry = challenges[selected];
	const record = entry ? challengeProgress(progress, entry.key) : undefined;
	return (
		<Box flexDirection="column">
			<Text bold>Challenges<Text dimColor>{`  ${summary.solved} of ${summary.count} solved`}</Text></Text>
			{challenges.length === 0 && <Text>{state.isLoadingChallenges ? 'Reading the challenges…' : 'No challenges could be loaded.'}</Text>}
			{state.challengeProblems.map(problem => <Text key={problem} color="yellow">{problem}</Text>)}
			<Box marginY={1} flexDirection="column">
				<ChoiceList labels={labels} selected={selected} limit={Math.max(3, rows - 10)} onHighlight={onHighlight} onChoose={onChoose}/>
			</Box>
			{entry && record && (
				<Text dimColor wrap="truncate-end">
					{`${entry.challenge.topics.join(', ')}${entry.challenge.minutes === undefined ? '' : ` · about ${entry.challenge.minutes} min`}`}
					{record.attempts > 0 ? ` · best ${percent(record.bestScore)}, ${record.attempts === 1 ? '1 try' : `${record.attempts} tries`}, ${countOf(record.hintsUsed, 'hint')}, ${minutesText(record.seconds)}` : ''}
				</Text>
			)}
		</Box>
	);
}

/** The lines of a grade: the score, each failed case with the evaluator's reason, the notes. */
export function resultLines(result: GradeResult, width: number, key: string): ReactElement[] {
	switch (result.kind) {
		case 'editorFailed': {
			return wrapped(`The editor did not open: ${result.message}`, `${key}.editor`, width, {color: 'red'});
		}

		case 'empty': {
			return wrapped('Your file has no NetworkPolicy yet: press e to write one below the comments.', `${key}.empty`, width, {color: 'yellow'});
		}

		case 'unchanged': {
			return wrapped('Your file is as it started, so it is not graded: change the policy below the comments (the skeleton is only a start).', `${key}.unchanged`, width, {color: 'yellow'});
		}

		case 'invalid': {
			return [
				row(`${key}.invalid`, 'Not graded: kubectl would refuse your file.', {color: 'red', bold: true}),
				...result.problems.flatMap((problem, index) => wrapped(problem, `${key}.problem.${index}`, width, {color: 'red'}, '  ')),
			];
		}

		case 'graded': {
			const {report} = result;
			const {total, passed} = report.cases;
			const lines: ReactElement[] = [report.passed
				? row(`${key}.score`, `Passed: all ${total} hidden cases hold.`, {color: 'green', bold: true})
				: row(`${key}.score`, `Not passed: ${passed} of ${total} hidden cases hold (${percent(report.score)}).`, {color: 'red', bold: true})];
			for (const [index, policy] of report.missingPolicies.entries()) {
				lines.push(...wrapped(`missing: NetworkPolicy ${policy.namespace}/${policy.name}, which the task asks for`, `${key}.missing.${index}`, width, {color: 'red'}, '  '));
			}

			for (const [index, failure] of report.failures.entries()) {
				lines.push(
					...wrapped(`✗ ${describeFailure(failure)}`, `${key}.failure.${index}`, width, {}, '  '),
					...wrapped(failure.reason, `${key}.reason.${index}`, width, {dimColor: true}, '      '),
				);
			}

			for (const [index, mistake] of report.mistakes.entries()) {
				lines.push(...wrapped(`note: ${mistake}`, `${key}.mistake.${index}`, width, {color: 'yellow'}, '  '));
			}

			for (const [index, note] of result.notes.entries()) {
				lines.push(...wrapped(note, `${key}.note.${index}`, width, {dimColor: true}, '  '));
			}

			return lines;
		}
	}
}

/** The cluster a task is about: namespaces, pods, and the policies already there. */
function clusterLines(entry: ChallengeEntry, key: string, width: number): ReactElement[] {
	const {cluster} = entry.challenge;
	const {namespaces, pods} = clusterTable(cluster, width - 2);
	return [
		row(`${key}.title`, 'The cluster', {bold: true, color: 'yellow'}),
		...namespaces.map((line, index) => row(`${key}.ns.${index}`, `  ${line}`, index === 0 ? {dimColor: true} : {})),
		blank(`${key}.gap`),
		...pods.map((line, index) => row(`${key}.pod.${index}`, `  ${line}`, index === 0 ? {dimColor: true} : {})),
		blank(`${key}.gap2`),
		row(`${key}.policies`, cluster.policies.length === 0 ? 'No NetworkPolicy exists in the cluster yet.' : 'NetworkPolicies already in the cluster:', {dimColor: true}),
		...cluster.policies.flatMap((policy, index) => truncatedYaml(policyYaml(policy), `${key}.policy.${index}`)),
	];
}

function truncatedYaml(text: string, key: string, indent = '  '): ReactElement[] {
	return yamlLines(text, key, indent).map(element => <Text key={element.key} wrap="truncate-end">{element}</Text>);
}

function taskLines(entry: ChallengeEntry, width: number, key: string): ReactElement[] {
	return [row(`${key}.title`, 'Task', {bold: true, color: 'yellow'}), ...richTextLines(reflowParagraphs(entry.challenge.task), `${key}.body`, width)];
}

/** The learner's policies without the task comments the file starts with. */
function policiesOf(text: string): string {
	const lines = text.split('\n');
	const first = lines.findIndex(line => line.trim() !== '' && !line.trimStart().startsWith('#'));
	return first === -1 ? '' : lines.slice(first).join('\n');
}

/** The learner's file and the reference solution, side by side when there is room. */
function solutionLines(entry: ChallengeEntry, screen: Screen<'challenge'>, width: number): ReactElement[] {
	const mine = screen.result?.kind === 'graded' ? policiesOf(screen.result.text) : '(grade your file to see it here: press r)';
	const reference = entry.challenge.solutionText ?? entry.challenge.solution.map(policy => policyYaml(policy)).join('\n---\n');
	const mineLines = mine.replace(/\s+$/, '').split('\n');
	const referenceLines = reference.replace(/\s+$/, '').split('\n');
	const header = row('solution.title', `${entry.challenge.id}: your policies and a reference solution`, {bold: true});
	const note = wrapped('Other answers can be as right as the reference: yours passed the same hidden cases.', 'solution.note', width, {dimColor: true});
	if (width < 84) {
		return [header, ...note, blank('solution.gap'), row('mine.title', 'Yours', {bold: true, color: 'yellow'}), ...truncatedYaml(mineLines.join('\n'), 'mine'), blank('solution.gap2'), row('reference.title', 'Reference', {bold: true, color: 'yellow'}), ...truncatedYaml(referenceLines.join('\n'), 'reference')];
	}

	const column = Math.floor((width - 3) / 2);
	const cell = (text: string | undefined) => (text ?? '').slice(0, column).padEnd(column);
	const rows = Math.max(mineLines.length, referenceLines.length);
	return [
		header,
		...note,
		blank('solution.gap'),
		row('solution.heads', `${cell('Yours')} │ Reference`, {bold: true, color: 'yellow'}),
		...Array.from({length: rows}, (_unused, index) => row(`solution.${index}`, `${cell(mineLines[index])} │ ${(referenceLines[index] ?? '').slice(0, column)}`)),
	];
}

/**
The network the learner's policies make beside the one the reference solution makes, on one
port of the hidden cases, with the cells where they differ marked: where to look after a
failed grade.
*/
function matrixViewLines(state: State, screen: Screen<'challenge'>, width: number): ReactElement[] {
	const entry = state.challenges[screen.index]!;
	const {challenge} = entry;
	const ports = screenMatrixPorts(state, screen);
	const {port, protocol} = ports[screen.matrixPort ?? 0] ?? ports[0]!;
	const policies = screen.result?.kind === 'graded' ? screen.result.policies : [];
	const gridOf = (submission: readonly NetworkPolicy[]) => reachabilityGrid(compileCluster({...challenge.cluster, policies: appliedPolicies(challenge, submission)}), port, protocol);
	const yours = gridOf(policies);
	const expected = gridOf(challenge.solution);
	const {differences, differing} = compareGrids(yours, expected);
	const palette = state.isColor ? ansiColors : noColors;
	const half = Math.floor((width - 3) / 2);
	const mine = podGridLines(yours, palette, {differing, width: half});
	const theirs = podGridLines(expected, palette, {differing, width: half});
	const lines: ReactElement[] = [
		row('matrix.title', `Who may connect to whom on ${port}/${protocol} (rows: from, columns: to) · port ${(screen.matrixPort ?? 0) + 1} of ${ports.length}`, {bold: true}),
		row('matrix.count', differences.length === 0 ? 'Your policies make the same network as the reference on this port.' : `${differences.length} ${differences.length === 1 ? 'pair differs' : 'pairs differ'} from the reference (marked *):`, differences.length === 0 ? {color: 'green'} : {color: 'red'}),
		...differences.slice(0, 6).map((difference, index) => {
			const from = yours.pods[difference.source]!;
			const to = yours.pods[difference.destination]!;
			return row(`matrix.difference.${index}`, `  ${from.namespace}/${from.name} -> ${to.namespace}/${to.name}: yours ${difference.isAllowedActually ? 'allow' : 'deny'}, expected ${difference.isAllowedActually ? 'deny' : 'allow'}`);
		}),
		...(differences.length > 6 ? [row('matrix.more', `  and ${differences.length - 6} more`, {dimColor: true})] : []),
		blank('matrix.gap'),
	];
	// podGridLines ends with a blank line and the legend, shown once below both grids.
	const legend = mine.at(-1) ?? '';
	const mineGrid = mine.slice(0, -2);
	const theirsGrid = theirs.slice(0, -2);
	const column = Math.max('Yours'.length, ...mineGrid.map(line => stripAnsi(line).length));
	if (width >= (2 * column) + 3) {
		const pad = (line: string) => `${line}${' '.repeat(Math.max(0, column - stripAnsi(line).length))}`;
		lines.push(row('matrix.heads', `${pad('Yours')} │ Expected`, {bold: true, color: 'yellow'}));
		for (let index = 0; index < Math.max(mineGrid.length, theirsGrid.length); index++) {
			lines.push(row(`matrix.row.${index}`, `${pad(mineGrid[index] ?? '')} │ ${theirsGrid[index] ?? ''}`));
		}
	} else {
		lines.push(row('matrix.mine', 'Yours', {bold: true, color: 'yellow'}), ...mineGrid.map((line, index) => row(`matrix.mine.${index}`, line)));
		lines.push(blank('matrix.gap2'), row('matrix.theirs', 'Expected', {bold: true, color: 'yellow'}), ...theirsGrid.map((line, index) => row(`matrix.theirs.${index}`, line)));
	}

	lines.push(blank('matrix.gap3'), row('matrix.legend', legend));
	return lines;
}

/** Every line of a challenge's screen: status, the grade, hints, the task, the cluster. */
export function challengeLines(state: State, screen: Screen<'challenge'>, width: number): ReactElement[] {
	const entry = state.challenges[screen.index]!;
	if (screen.isShowingSolution) {
		return solutionLines(entry, screen, width);
	}

	if (screen.matrixPort !== undefined && screen.result?.kind === 'graded') {
		return matrixViewLines(state, screen, width);
	}

	const {challenge} = entry;
	const record = challengeProgress(state.progress, entry.key);
	const status = [
		entry.name,
		challenge.difficulty,
		...(challenge.minutes === undefined ? [] : [`about ${challenge.minutes} min`]),
		record.isSolved ? 'solved ✓' : record.attempts > 0 ? `best ${percent(record.bestScore)}` : 'not tried yet',
		`hints ${screen.hintsShown} of ${challenge.hints.length}`,
	].join(' · ');
	const lines: ReactElement[] = [
		row('title', challenge.title, {bold: true}),
		...wrapped(status, 'status', width, {dimColor: true}),
		...wrapped(`Your file: ${entry.workFile}`, 'file', width, {dimColor: true}),
	];
	if (screen.isWatching) {
		lines.push(row('watching', 'Watching your file: each save is graded (r grades by hand).', {color: 'cyan'}));
	}

	if (screen.notice) {
		lines.push(...wrapped(screen.notice, 'notice', width, {color: 'yellow'}));
	}

	if (screen.isConfirmingReset) {
		lines.push(...wrapped('Start this challenge afresh? Your file is kept beside the new one. y yes, n no', 'confirm', width, {color: 'yellow', bold: true}));
	}

	lines.push(blank('before-result'));
	if (screen.result) {
		lines.push(row('graded-at', `${screen.result.kind === 'graded' ? 'Graded' : 'Checked'} at ${timeOfDay(screen.gradedAt ?? state.now)}`, {dimColor: true}), ...resultLines(screen.result, width, 'result'));
		if (isSolutionOffered(state, screen)) {
			lines.push(...wrapped('Press s to see a reference solution with yours.', 'offer', width, {color: 'green'}));
		} else if (screen.result.kind === 'graded' && screenMatrixPorts(state, screen).length > 0) {
			lines.push(...wrapped('Press m to see the network your policies make beside the expected one, on the ports of the failed cases.', 'offer', width, {color: 'cyan'}));
		}
	} else {
		lines.push(...wrapped(`Press e to write your policy in ${state.editorName}; it is graded when you quit the editor. Or press w, edit the file in another window, and each save is graded.`, 'start', width, {color: 'cyan'}));
	}

	if (screen.hintsShown > 0) {
		lines.push(blank('before-hints'));
		for (const [index, hint] of challenge.hints.slice(0, screen.hintsShown).entries()) {
			lines.push(...richTextLines(`**Hint ${index + 1}:** ${hint}`, `hint.${index}`, width));
		}
	}

	lines.push(blank('before-task'), ...taskLines(entry, width, 'task'), blank('before-cluster'), ...clusterLines(entry, 'cluster', width));
	return lines;
}

export function drillLines(state: State, screen: Screen<'drill'>, width: number): ReactElement[] {
	const question = state.drillQuestions[screen.question]!;
	const entry = state.challenges[question.challengeIndex]!;
	const overall = drillProgress(state.progress);
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
		row('cluster', `The cluster (from the challenge "${entry.challenge.title}", solved):`, {dimColor: true}),
		...namespaces.map((line, index) => row(`ns.${index}`, `  ${line}`)),
		...pods.map((line, index) => row(`pod.${index}`, `  ${line}`)),
		blank('before-policies'),
		row('policies', question.cluster.policies.length === 0 ? 'No NetworkPolicies.' : 'NetworkPolicies:', {dimColor: true}),
		...question.cluster.policies.flatMap((policy, index) => [...truncatedYaml(policyYaml(policy), `policy.${index}`), ...(index < question.cluster.policies.length - 1 ? [row(`policy.${index}.end`, '  ---', {dimColor: true})] : [])]),
	);
	return lines;
}

export function ExamIntroScreen({state, screen}: {readonly state: State; readonly screen: Screen<'examIntro'>}) {
	const {plan} = screen;
	const total = plan.tasks.reduce((sum, task) => sum + task.weight, 0);
	return (
		<Box flexDirection="column">
			<Text bold>Exam</Text>
			<Box marginY={1} flexDirection="column">
				<Text>{`${plan.tasks.length} tasks in ${plan.minutes} minutes, as in the CKS (about 6 minutes a task).`}</Text>
				<Text>{`A task counts when all its hidden cases hold; the score is weighted, and ${percent(passMark)} passes.`}</Text>
				<Text>No hints and no grades until the end: after each edit you only see whether</Text>
				<Text>kubectl would accept your file. Finish early with f.</Text>
			</Box>
			{screen.notice && <Text color="red">{screen.notice}</Text>}
			{plan.tasks.map((task, index) => {
				const {challenge} = state.challenges[task.challengeIndex]!;
				return <Text key={challenge.id} wrap="truncate-end">{`  ${index + 1}. ${percent(task.weight / total).padStart(4)}  ${challenge.difficulty.padEnd(6)}  ${challenge.title}`}</Text>;
			})}
		</Box>
	);
}

function timeLeft(state: State, exam: Exam): string {
	return `${clock(exam.deadline - state.now)} left`;
}

function checkLabel(check: GradeResult | undefined): string {
	if (!check || check.kind === 'empty' || check.kind === 'unchanged') {
		return 'not started';
	}

	return check.kind === 'graded' ? 'accepted by kubectl' : check.kind === 'invalid' ? 'kubectl would refuse it' : 'editor failed';
}

export function ExamListScreen({state, screen, width, onHighlight, onChoose}: {
	readonly state: State;
	readonly screen: Screen<'exam'>;
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
}) {
	const {exam} = screen;
	const total = exam.tasks.reduce((sum, task) => sum + task.weight, 0);
	const labels = exam.tasks.map((task, index) => {
		const {challenge} = state.challenges[task.challengeIndex]!;
		return fitLabel(`${index + 1}. ${percent(task.weight / total).padStart(4)}  ${challenge.title}  (${checkLabel(task.check)})`, width);
	});
	return (
		<Box flexDirection="column">
			<Text bold>Exam <Text color="cyan">{timeLeft(state, exam)}</Text></Text>
			<Box marginY={1}>
				<ChoiceList labels={labels} selected={screen.selected} onHighlight={onHighlight} onChoose={onChoose}/>
			</Box>
			{screen.isConfirmingFinish && <Text color="yellow" bold>Finish the exam and grade every task now? y yes, n no</Text>}
		</Box>
	);
}

export function examTaskLines(state: State, screen: Screen<'examTask'>, width: number): ReactElement[] {
	const task = screen.exam.tasks[screen.task]!;
	const entry = state.challenges[task.challengeIndex]!;
	const lines: ReactElement[] = [
		row('title', <Text><Text bold>{`Task ${screen.task + 1} of ${screen.exam.tasks.length}: ${entry.challenge.title}`}</Text><Text color="cyan">{`  ${timeLeft(state, screen.exam)}`}</Text></Text>),
		...wrapped(`Your file: ${task.file}`, 'file', width, {dimColor: true}),
	];
	if (screen.isConfirmingFinish) {
		lines.push(row('confirm', 'Finish the exam and grade every task now? y yes, n no', {color: 'yellow', bold: true}));
	}

	const {check} = task;
	if (check?.kind === 'graded') {
		lines.push(row('check', `kubectl would accept your file (${check.report.cases.total > 0 ? 'it is graded when the exam ends' : 'no cases'}).`, {color: 'green'}));
	} else if (check) {
		lines.push(...resultLines(check, width, 'check'));
	} else {
		lines.push(row('start', `Press e to write your answer in ${state.editorName}.`, {color: 'cyan'}));
	}

	lines.push(blank('before-task'), ...taskLines(entry, width, 'task'), blank('before-cluster'), ...clusterLines(entry, 'cluster', width));
	return lines;
}

export function ExamReviewScreen({state, screen, width, onHighlight, onChoose}: {
	readonly state: State;
	readonly screen: Screen<'examReview'>;
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
}) {
	const {exam, results} = screen;
	const total = exam.tasks.reduce((sum, task) => sum + task.weight, 0);
	const labels = exam.tasks.map((task, index) => {
		const {challenge} = state.challenges[task.challengeIndex]!;
		const result = results.results[index];
		const isPassed = result?.kind === 'graded' && result.report.passed;
		return fitLabel(`${isPassed ? '✓' : '✗'} ${percent(task.weight / total).padStart(4)}  ${challenge.title}`, width);
	});
	const used = Math.min(results.finishedAt, exam.deadline) - exam.startedAt;
	return (
		<Box flexDirection="column">
			<Text bold>Exam result</Text>
			<Box marginY={1} flexDirection="column">
				<Text bold color={results.isPassed ? 'green' : 'red'}>{`${percent(results.score)}: ${results.isPassed ? 'passed' : 'not passed'} (the pass mark is ${percent(passMark)}).`}</Text>
				<Text dimColor>{`Time used: ${clock(used)} of ${clock(exam.deadline - exam.startedAt)}. Open a task to see what its grader found.`}</Text>
			</Box>
			<ChoiceList labels={labels} selected={screen.selected} onHighlight={onHighlight} onChoose={onChoose}/>
		</Box>
	);
}

export function reviewTaskLines(state: State, screen: Screen<'examReviewTask'>, width: number): ReactElement[] {
	const task = screen.exam.tasks[screen.task]!;
	const entry = state.challenges[task.challengeIndex]!;
	const result = screen.results.results[screen.task]!;
	const reference = entry.challenge.solutionText ?? entry.challenge.solution.map(policy => policyYaml(policy)).join('\n---\n');
	return [
		row('title', <Text bold>{`Task ${screen.task + 1}: ${entry.challenge.title}`}</Text>),
		...wrapped(`Your file: ${task.file}`, 'file', width, {dimColor: true}),
		blank('gap'),
		...resultLines(result, width, 'result'),
		blank('before-reference'),
		row('reference', 'A reference solution', {bold: true, color: 'yellow'}),
		...truncatedYaml(reference, 'reference'),
		blank('before-task'),
		...taskLines(entry, width, 'task'),
	];
}

/** The lines of the screens that scroll, or undefined for the others. */
export function scrollingLines(state: State, width: number): ReactElement[] | undefined {
	const {screen} = state;
	switch (screen.name) {
		case 'challenge': {
			return challengeLines(state, screen, width);
		}

		case 'drill': {
			return drillLines(state, screen, width);
		}

		case 'examTask': {
			return examTaskLines(state, screen, width);
		}

		case 'examReviewTask': {
			return reviewTaskLines(state, screen, width);
		}

		default: {
			return undefined;
		}
	}
}

/** Lines through a viewport of `height` rows, with a mark when there is more. */
export function Viewport({lines, scroll, height, keys = 'PgDn/d, PgUp/u'}: {readonly lines: readonly ReactElement[]; readonly scroll: number; readonly height: number; readonly keys?: string}) {
	const viewport = Math.max(3, height - 1);
	const offset = Math.max(0, Math.min(scroll, lines.length - viewport));
	const isCut = lines.length > viewport;
	return (
		<Box flexDirection="column">
			{lines.slice(offset, offset + viewport)}
			{isCut && <Text dimColor>{offset + viewport < lines.length ? `↓ ${lines.length - offset - viewport} more lines (${keys})` : `↑ (${keys.split(', ').at(-1)!})`}</Text>}
		</Box>
	);
}

export function progressLines(progress: Progress, challenges: readonly ChallengeEntry[]): string[] {
	const summary = challengeSummary(progress, challenges.map(entry => entry.key));
	const drill = drillProgress(progress);
	const exams = progress.exams ?? [];
	const last = exams.at(-1);
	return [
		`Challenges: ${summary.solved} of ${summary.count} solved, ${summary.attempted} tried.`,
		drill.answered === 0 ? 'Verdict drill: not tried yet.' : `Verdict drill: ${drill.correct} of ${drill.answered} right (${percent(drill.correct / drill.answered)}), ${(drill.milliseconds / drill.answered / 1000).toFixed(1)} s an answer.`,
		last ? `Exams: ${exams.length} taken, ${exams.filter(exam => exam.isPassed).length} passed; the last scored ${percent(last.score)}.` : 'Exams: none taken yet.',
	];
}
