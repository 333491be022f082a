// The pieces every scrolling screen is made of: one-row lines (wrapped or cut, never wrapped by
// ink behind the viewport's back), small formatters, and the viewport that shows a window of lines.
import type {ReactElement} from 'react';
import {Box, Text} from 'ink';
import {wrapText} from '../../format/wrap.js';

export const blank = (key: string) => <Text key={key}> </Text>;

/** Text wrapped to the width, a row an element. */
export function wrapped(text: string, key: string, width: number, style: {color?: string; dimColor?: boolean; bold?: boolean} = {}, indent = '', hang = ''): ReactElement[] {
	// The first row starts at the indent, the others at indent and hang: under the text of `✗ `.
	const [first = '', ...rest] = wrapText(text, Math.max(20, width - indent.length - hang.length));
	const others = rest.length === 0 ? [] : wrapText(rest.join(' '), Math.max(20, width - indent.length - hang.length));
	return [`${indent}${first}`, ...others.map(line => `${indent}${hang}${line}`)].map((line, index) => <Text key={`${key}.${index}`} {...style}>{line}</Text>);
}

/** One row, cut at the edge rather than wrapped, so a row stays a row. */
export function row(key: string, content: ReactElement | string, style: {color?: string; dimColor?: boolean; bold?: boolean} = {}): ReactElement {
	return <Text key={key} wrap="truncate-end" {...style}>{content}</Text>;
}

// Widths are counted without colour codes.
export const stripAnsi = (text: string) => text.replaceAll(/\u001B\[[\d;]*m/g, '');

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A list label cut to the row, past the list's two-column pointer, so an item is one row. */
export function fitLabel(label: string, width: number): string {
	const room = Math.max(10, width - 2);
	return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}

export const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function clock(milliseconds: number): string {
	const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The time left before a deadline, as the exam's clock shows it. */
export function timeLeft(deadline: number, now: number): string {
	return `${clock(deadline - now)} left`;
}

export function timeOfDay(time: number): string {
	const date = new Date(time);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}


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
