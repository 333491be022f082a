// The challenge list: each challenge with its mark (solved, tried), difficulty and name, and the
// highlighted one's topics and record below.
import {Box, Text} from 'ink';
import {challengeProgress, challengeSummary} from '../../progress/challenge-model.js';
import {ChoiceList} from '../widgets/choice-list.js';
import type {State} from '../state/state.js';
import {durationText} from '../../format/duration.js';
import {countOf, fitLabel, percent} from '../widgets/screen-lines.js';

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
					{record.attempts > 0 ? ` · best ${percent(record.bestScore)}, ${record.attempts === 1 ? '1 try' : `${record.attempts} tries`}, ${countOf(record.hintsUsed, 'hint')}, ${durationText(record.seconds)}` : ''}
				</Text>
			)}
		</Box>
	);
}

/** The lines of a grade: the score, each failed case with the evaluator's reason, the notes. */
