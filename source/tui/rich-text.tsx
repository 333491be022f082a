// The Markdown subset lessons use (paragraphs, `- ` lists, **bold**, `code`) and YAML, as one
// element per line, so a page can be scrolled line by line.
import type {ReactElement} from 'react';
import {Text} from 'ink';
import {wrapText} from '../format/wrap.js';

function inline(text: string, key: string): ReactElement {
	// Split on **bold** and `code`, keeping the markers' contents.
	const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).filter(part => part !== '');
	return (
		<Text key={key}>
			{parts.length === 0 ? ' ' : parts.map((part, index) => {
				const partKey = `${key}.${index}`;
				if (part.startsWith('**') && part.endsWith('**')) {
					return <Text key={partKey} bold>{part.slice(2, -2)}</Text>;
				}

				if (part.startsWith('`') && part.endsWith('`')) {
					return <Text key={partKey} color="cyan">{part.slice(1, -1)}</Text>;
				}

				return <Text key={partKey}>{part}</Text>;
			})}
		</Text>
	);
}

/** Lesson prose, a line an element, long lines wrapped to `width` (each element is one row). */
export function richTextLines(text: string, key: string, width = 78): ReactElement[] {
	const lines = text.replace(/\s+$/, '').split('\n').flatMap(line => (line.length > width ? wrapText(line, width) : [line]));
	return lines.map((line, index) => inline(line, `${key}.${index}`));
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
