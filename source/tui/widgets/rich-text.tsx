// The Markdown subset lessons use (paragraphs, `- ` lists, **bold**, `code`) and YAML, as one
// element per line, so a page can be scrolled line by line.
import type {ReactElement} from 'react';
import {Text} from 'ink';

type Style = 'plain' | 'bold' | 'code';
type Segment = {readonly text: string; readonly style: Style};

// `**bold**` and `code` spans of one line, markers removed.
function segmentsOf(line: string): Segment[] {
	return line.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).filter(part => part !== '').map(part => {
		if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
			return {text: part.slice(2, -2), style: 'bold'};
		}

		return part.startsWith('`') && part.endsWith('`') && part.length > 2 ? {text: part.slice(1, -1), style: 'code'} : {text: part, style: 'plain'};
	});
}

// Wraps styled text at spaces, a word keeping its style, so a span cut by the wrap stays styled.
function wrapSegments(segments: readonly Segment[], width: number): Segment[][] {
	const rows: Segment[][] = [[]];
	let used = 0;
	for (const segment of segments) {
		for (const word of segment.text.split(/(?<= )/)) {
			const row = rows.at(-1)!;
			if (used > 0 && used + word.trimEnd().length > width) {
				rows.at(-1)![row.length - 1] = {...row.at(-1)!, text: row.at(-1)!.text.trimEnd()};
				rows.push([]);
				used = 0;
			}

			rows.at(-1)!.push({text: word, style: segment.style});
			used += word.length;
		}
	}

	return rows;
}

function renderRow(row: readonly Segment[], key: string): ReactElement {
	return (
		<Text key={key}>
			{row.length === 0 ? ' ' : row.map((segment, index) => {
				const partKey = `${key}.${index}`;
				if (segment.style === 'bold') {
					return <Text key={partKey} bold>{segment.text}</Text>;
				}

				return segment.style === 'code' ? <Text key={partKey} color="cyan">{segment.text}</Text> : <Text key={partKey}>{segment.text}</Text>;
			})}
		</Text>
	);
}

/** One line of the Markdown subset with its markers removed: a choice's label, say. */
export function InlineText({text, color}: {readonly text: string; readonly color?: string | undefined}): ReactElement {
	return (
		<Text {...(color === undefined ? {} : {color})}>
			{segmentsOf(text).map((segment, index) => (segment.style === 'plain'
				? segment.text
				: <Text key={String(index)} {...(segment.style === 'bold' ? {bold: true} : {color: color ?? 'cyan'})}>{segment.text}</Text>))}
		</Text>
	);
}

/** Lesson prose, a row an element, long lines wrapped to `width` with their styles kept. */
export function richTextLines(text: string, key: string, width = 78): ReactElement[] {
	const rows = text.replace(/\s+$/, '').split('\n').flatMap(line => wrapSegments(segmentsOf(line), width));
	return rows.map((row, index) => renderRow(row, `${key}.${index}`));
}

/** YAML with keys, comments and values in different colours, a line an element, indented. */
export function yamlLines(text: string, key: string, indent = '  '): ReactElement[] {
	return text.replace(/\s+$/, '').split('\n').map((line, index) => {
		const lineKey = `${key}.${index}`;
		if (/^\s*#/.test(line)) {
			return <Text key={lineKey} dimColor>{indent}{line}</Text>;
		}

		const entry = /^(\s*-?\s*)([\w./-]+)(:)(.*)$/.exec(line);
		if (!entry) {
			return <Text key={lineKey}>{indent}{line === '' ? ' ' : line}</Text>;
		}

		const [, lead, name, colon, rest] = entry as unknown as [string, string, string, string, string];
		return (
			<Text key={lineKey}>
				{indent}{lead}<Text color="cyan">{name}</Text>{colon}<Text color="green">{rest}</Text>
			</Text>
		);
	});
}

/** YAML a line an element, each cut at the edge rather than wrapped. */
export function truncatedYaml(text: string, key: string, indent = '  '): ReactElement[] {
	return yamlLines(text, key, indent).map(element => <Text key={element.key} wrap="truncate-end">{element}</Text>);
}
