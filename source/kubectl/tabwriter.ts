// Go's text/tabwriter as kubectl's describe uses it (minwidth 0, padding 2, spaces, no flags):
// kubectl describe writes `Name:\tweb` and lets the writer line the values up, so the columns
// depend on the longest label of each block of lines. Emulated here so that the dojo's
// describe lines up exactly as kubectl's does.

/** Cells of each line: a tab ends a cell; the text after the last tab is not part of a column. */
type Line = readonly string[];

const padding = 2;

/** The text laid out as tabwriter.Writer(minwidth 0, tabwidth 8, padding 2, ' ', 0) writes it. */
export function tabbed(text: string): string {
	const lines = text.split('\n');
	const last = lines.pop() ?? '';
	let output = '';
	let block: Line[] = [];
	for (const line of lines) {
		const cells = line.split('\t');
		block.push(cells);
		// A line without a tab flushes the writer: the columns above it end there.
		if (cells.length === 1) {
			output += formatBlock(block);
			block = [];
		}
	}

	block.push(last.split('\t'));
	const flushed = formatBlock(block);
	// The text after the last newline has no line end of its own.
	return output + flushed.slice(0, -1);
}

const width = (cell: string) => [...cell].length;

function formatBlock(lines: readonly Line[]): string {
	const out: string[] = [];
	format(lines, 0, lines.length, [], out);
	return out.join('');
}

// The recursion of tabwriter.format: a column is a run of consecutive lines with a cell there.
function format(lines: readonly Line[], line0: number, line1: number, widths: readonly number[], out: string[]): void {
	const column = widths.length;
	let start = line0;
	for (let index = line0; index < line1; index++) {
		if (column >= lines[index]!.length - 1) {
			continue;
		}

		writeLines(lines, start, index, widths, out);
		start = index;
		let columnWidth = 0;
		for (; index < line1 && column < lines[index]!.length - 1; index++) {
			columnWidth = Math.max(columnWidth, width(lines[index]![column]!) + padding);
		}

		format(lines, start, index, [...widths, columnWidth], out);
		start = index;
		index--;
	}

	writeLines(lines, start, line1, widths, out);
}

function writeLines(lines: readonly Line[], line0: number, line1: number, widths: readonly number[], out: string[]): void {
	for (let index = line0; index < line1; index++) {
		const cells = lines[index]!;
		out.push(cells.map((cell, column) => (column < cells.length - 1 && column < widths.length ? cell + ' '.repeat(Math.max(0, widths[column]! - width(cell))) : cell)).join(''), '\n');
	}
}
