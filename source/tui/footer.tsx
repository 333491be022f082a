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
