import {Box, Text} from 'ink';

type Props = {readonly hints: ReadonlyArray<{label: string; description: string}>};

/** The keys of the current screen, from the one key table. */
export function Footer({hints}: Props) {
	return (
		<Box marginTop={1} flexWrap="wrap" columnGap={2}>
			{hints.map(hint => (
				<Text key={`${hint.label} ${hint.description}`}>
					<Text bold>{hint.label}</Text> <Text dimColor>{hint.description}</Text>
				</Text>
			))}
		</Box>
	);
}

/** The rows the footer's hints take at this width, wrapped as the footer's flex-wrap wraps them. */
export function footerRows(hints: Props['hints'], width: number): number {
	let rows = 1;
	let used = 0;
	for (const hint of hints) {
		const length = hint.label.length + 1 + hint.description.length;
		if (used > 0 && used + 2 + length > width) {
			rows++;
			used = 0;
		}

		used += (used > 0 ? 2 : 0) + length;
	}

	return rows;
}

/** The rows a text takes at this width, its lines wrapped. */
export function textRows(text: string, width: number): number {
	return text.split('\n').reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / Math.max(1, width))), 0);
}
