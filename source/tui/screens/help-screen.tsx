// Help: what each part of the app is for, and its keys.
import {Box, Text} from 'ink';

export function HelpScreen() {
	return (
		<Box flexDirection="column">
			<Text bold>Help</Text>
			<Box marginTop={1} flexDirection="column">
				<Text>Lessons teach NetworkPolicy a page at a time. Checkpoints ask a question;</Text>
				<Text>{'"predict the verdict" questions are answered by the same evaluator that'}</Text>
				<Text>grades challenges, so the explanation is always the real rule.</Text>
				<Text> </Text>
				<Text>Challenges: e opens your file in $VISUAL or $EDITOR (vi if neither is set)</Text>
				<Text>and grades it when the editor quits. w watches the file, so editing it in</Text>
				<Text>another window grades each save; r grades by hand. n shows a hint, m the</Text>
				<Text>network your policies make beside the expected one, x starts afresh (your</Text>
				<Text>old file is kept), s shows a reference solution once solved.</Text>
				<Text> </Text>
				<Text>Verdict drill: a allowed, d denied, Enter the next flow. Exam: Enter starts</Text>
				<Text>the clock, e edits a task, f finishes; grades come at the end.</Text>
				<Text> </Text>
				<Text>Keys: arrows or j/k move, Enter opens or answers, ←/→ or h/l turn pages,</Text>
				<Text>PgDn/PgUp (d/u) scroll, Esc or q goes back (q on home quits), ? this help.</Text>
				<Text>Progress is saved as you go.</Text>
				<Text> </Text>
				<Text dimColor>Headless: netpol-dojo grade, explain, matrix, diff, lint, pack... (--help).</Text>
			</Box>
		</Box>
	);
}
