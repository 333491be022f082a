// The challenge list: each challenge with its mark (solved, tried), difficulty and name, and the
// highlighted one's topics and record below.
import {Box, Text} from 'ink';
import {challengeProgress, challengeSummary} from '../../progress/challenge-model.js';
import type {Progress} from '../../progress/model.js';
import type {ChallengeEntry} from '../state/types.js';
import {type MenuProps, ChoiceList} from '../widgets/choice-list.js';
import {durationText} from '../../format/duration.js';
import {countOf, fitLabel, percent} from '../widgets/screen-lines.js';

type Props = MenuProps & {
	readonly challenges: readonly ChallengeEntry[];
	readonly progress: Progress;
	/** Challenges that could not be read, as sentences. */
	readonly problems: readonly string[];
	readonly isLoading: boolean;
	readonly rows: number;
	readonly width: number;
};

export function ChallengeListScreen({challenges, progress, problems, isLoading, selected, rows, width, onHighlight, onChoose}: Props) {
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
			{challenges.length === 0 && <Text>{isLoading ? 'Reading the challenges…' : 'No challenges could be loaded.'}</Text>}
			{problems.map(problem => <Text key={problem} color="yellow">{problem}</Text>)}
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
