// One page of a lesson: prose, an example, a diagram, or a checkpoint and its explanation. The
// page is a list of lines shown through a viewport, so a long cluster scrolls instead of
// running off an 80x24 screen; the choices stay in view below it.
import type {ReactElement} from 'react';
import type {ReachabilityGrid} from '../../evaluator/index.js';
import {noColors, type Palette} from '../../format/color.js';
import {podGridLines} from '../../format/matrix-text.js';
import {Box, Text} from 'ink';
import {choicesOf, isCheckpoint, type Lesson, type LessonPage as Page, type LessonPage} from '../../model/lesson.js';
import {ChoiceList} from '../widgets/choice-list.js';
import {diagramLines} from '../widgets/diagram.js';
import type {Prediction} from '../../grading/predictions.js';
import {correctChoice} from '../state/checkpoint.js';
import {InlineText, richTextLines, yamlLines} from '../widgets/rich-text.js';
import type {Answer} from '../state/state.js';
import {wrapText} from '../../format/wrap.js';
import {clusterTable} from '../../format/cluster-summary.js';
import {policyYaml} from '../../format/policy-yaml.js';

/** What a lesson page shows, read from the state by the app. */
export type LessonPageView = {
	readonly lesson: Lesson;
	readonly page: number;
	readonly answer?: Answer | undefined;
	/** The evaluator's answer, on a predict page. */
	readonly prediction?: Prediction | undefined;
	readonly palette?: Palette;
	/** The challenges that practise the lesson, shown on its last page. */
	readonly practice?: readonly PracticeItem[];
	/** On a predict page: the cluster as its YAML rather than as a table. */
	readonly isShowingClusterYaml?: boolean;
	/** On an answered predict page: every pod to every pod on the flow's port (state/predict-matrix.ts). */
	readonly matrix?: ReachabilityGrid | undefined;
};

type Props = LessonPageView & {
	readonly selected: number;
	readonly scroll: number;
	/** Rows the page may use, footer excluded. */
	readonly height: number;
	/** Columns the page may use. */
	readonly width: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

/** A challenge that practises a lesson: its name in the list, and whether it is solved. */
export type PracticeItem = {readonly name: string; readonly isSolved: boolean};

const blank = (key: string) => <Text key={key}> </Text>;

/** Every line of a page, above its choices; the evaluator's sentence is wrapped to `width`. */
export function pageLines({lesson, page: pageIndex, answer, prediction, palette = noColors, practice = [], isShowingClusterYaml = false, matrix}: LessonPageView, width = 78): ReactElement[] {
	const page = lesson.pages[pageIndex]!;
	const lines: ReactElement[] = [
		<Text key="lesson"><Text bold>{lesson.title}</Text><Text dimColor>{`  page ${pageIndex + 1} of ${lesson.pages.length}`}</Text></Text>,
		blank('gap'),
		<Text key="title" bold color="yellow">{isCheckpoint(page) ? 'Checkpoint' : page.title}</Text>,
	];
	switch (page.kind) {
		case 'text': {
			lines.push(...richTextLines(page.body, 'body', width));
			break;
		}

		case 'example': {
			lines.push(...(page.body === '' ? [] : [...richTextLines(page.body, 'body', width), blank('before-yaml')]), ...yamlLines(page.yaml, 'yaml'));
			break;
		}

		case 'diagram': {
			lines.push(...(page.body === '' ? [] : [...richTextLines(page.body, 'body', width), blank('before-edges')]), ...diagramLines(page.edges, 'edges'));
			break;
		}

		case 'choice': {
			lines.push(...richTextLines(page.question, 'question', width), ...(answer ? answerLines(page, answer, prediction, width) : []));
			break;
		}

		case 'predict': {
			// The question and the flow first, then the answer right below them, and the cluster
			// last, compact: at 80x24 the question, the flow and the choices are on screen together.
			lines.push(
				...richTextLines(page.question, 'question', width),
				<Text key="flow">{'Flow: '}<Text bold>{`${page.flow.from} -> ${page.flow.to} on ${page.flow.port}/${page.flow.protocol}`}</Text></Text>,
				...(answer ? answerLines(page, answer, prediction, width) : []),
				blank('before-cluster'),
				...(isShowingClusterYaml ? [<Text key="cluster-title" dimColor>The cluster, as YAML (y: as a table):</Text>, ...yamlLines(page.clusterYaml, 'cluster')] : clusterTableLines(page, width)),
			);
			if (answer && matrix) {
				lines.push(...clusterMatrixLines(page, matrix, width, palette));
			}

			break;
		}
	}

	if (pageIndex === lesson.pages.length - 1 && practice.length > 0) {
		lines.push(blank('before-practice'), ...practiceLines(practice, width));
	}

	return lines;
}

// The choices marked (the learner's, the right one), the verdict and the explanation.
function answerLines(page: LessonPage & {kind: 'choice' | 'predict'}, answer: Answer, prediction: Prediction | undefined, width: number): ReactElement[] {
	const correct = correctChoice(page, prediction);
	const lines: ReactElement[] = [blank('before-answer'), ...choicesOf(page).map((label, index) => (
		<Text key={`answered.${label}`} {...(index === correct ? {color: 'green'} : index === answer.choice ? {color: 'red'} : {})}>
			{index === answer.choice ? '› ' : '  '}<InlineText text={label}/>{index === correct ? ' ✓' : ''}
		</Text>
	)), blank('before-verdict'), <Text key="verdict" bold color={answer.isCorrect ? 'green' : 'red'}>{answer.isCorrect ? 'Right.' : 'Not quite.'}</Text>];
	if (page.kind === 'predict' && prediction) {
		const sentence = `The evaluator: ${prediction.verdict === 'allow' ? 'allowed' : 'denied'}: ${prediction.reason}`;
		lines.push(...wrapText(sentence, Math.max(20, width)).map((line, index) => <Text key={`evaluator.${index}`} dimColor={index === 0}>{line}</Text>));
	}

	lines.push(...richTextLines(page.explanation, 'explanation', width));
	return lines;
}

// The cluster as `kubectl get --show-labels` would list it, and its policies as YAML.
function clusterTableLines(page: LessonPage & {kind: 'predict'}, width: number): ReactElement[] {
	const {namespaces, pods} = clusterTable(page.cluster, width - 2);
	const {policies} = page.cluster;
	return [
		<Text key="cluster-title" dimColor>The cluster (y: as YAML):</Text>,
		...namespaces.map((line, index) => <Text key={`cluster.ns.${index}`} wrap="truncate-end">{`  ${line}`}</Text>),
		...pods.map((line, index) => <Text key={`cluster.pod.${index}`} wrap="truncate-end">{`  ${line}`}</Text>),
		...(policies.length === 0
			? [<Text key="cluster.no-policies" dimColor>  No NetworkPolicy.</Text>]
			: [<Text key="cluster.policies" dimColor>  NetworkPolicies:</Text>, ...policies.flatMap((policy, index) => [
				...(index === 0 ? [] : [<Text key={`cluster.policy.${index}.gap`} dimColor>  ---</Text>]),
				...yamlLines(policyYaml(policy), `cluster.policy.${index}`),
			])]),
	];
}

// The lesson's end points to the challenges that practise it, the c key to the first unsolved one.
function practiceLines(practice: readonly PracticeItem[], width: number): ReactElement[] {
	const next = practice.find(item => !item.isSolved) ?? practice[0]!;
	const names = practice.map(item => `${item.name}${item.isSolved ? ' ✓' : ''}`).join(', ');
	return [
		<Text key="practice.title" bold color="yellow">Practise it</Text>,
		...wrapText(`Challenges: ${names}.`, Math.max(20, width)).map((line, index) => <Text key={`practice.list.${index}`}>{line}</Text>),
		<Text key="practice.key" color="cyan">{`Press c to open ${next.name}.`}</Text>,
	];
}

// After a prediction, every flow of the cluster on the same port: the one asked about in context.
function clusterMatrixLines(page: LessonPage & {kind: 'predict'}, grid: ReachabilityGrid, width: number, palette: Palette): ReactElement[] {
	return [
		blank('before-matrix'),
		<Text key="matrix.title" dimColor>{`Every pod to every pod on ${page.flow.port}/${page.flow.protocol} (rows: from, columns: to):`}</Text>,
		...podGridLines(grid, palette, {width}).map((line, index) => <Text key={`matrix.${index}`} wrap="truncate-end">{line === '' ? ' ' : line}</Text>),
	];
}

/** The rows of lines shown at once: the page's height less the choice list and the more-lines mark. */
export function viewportRows(page: Page, answer: Answer | undefined, height: number): number {
	return Math.max(3, height - choiceRows(page, answer) - 1);
}

// The rows the choice list takes below the viewport.
function choiceRows(page: Page, answer: Answer | undefined): number {
	const count = choicesOf(page).length;
	return count === 0 || answer ? 0 : count + 1;
}

export function LessonPage({selected, scroll, height, width, onHighlight, onChoose, ...view}: Props) {
	const {lesson, page: pageIndex, answer} = view;
	const page = lesson.pages[pageIndex]!;
	const lines = pageLines(view, width);
	const viewport = viewportRows(page, answer, height);
	const offset = Math.max(0, Math.min(scroll, lines.length - viewport));
	const isCut = lines.length > viewport;
	const choices = choicesOf(page);
	return (
		<Box flexDirection="column">
			{lines.slice(offset, offset + viewport)}
			{isCut && <Text dimColor>{offset + viewport < lines.length ? `↓ ${lines.length - offset - viewport} more lines (PgDn/d, PgUp/u)` : '↑ (PgUp/u)'}</Text>}
			{choices.length > 0 && !answer && (
				<Box marginTop={1}>
					<ChoiceList labels={choices} selected={selected} onHighlight={onHighlight} onChoose={onChoose}/>
				</Box>
			)}
		</Box>
	);
}
