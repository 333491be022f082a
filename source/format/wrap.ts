/** Breaks text into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line === '') {
			line = word;
		} else if (line.length + 1 + word.length <= width) {
			line += ` ${word}`;
		} else {
			lines.push(line);
			line = word;
		}

		while (line.length > width) {
			lines.push(line.slice(0, width));
			line = line.slice(width);
		}
	}

	return [...lines, line];
}
