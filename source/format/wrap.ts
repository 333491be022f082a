/**
Breaks text into lines of at most `width` characters, at spaces where it can. A word longer than
a line (a file path, mostly) breaks after a `/` where it has one, so that no name is cut in two.
*/
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
			const cut = breakPoint(line, width);
			lines.push(line.slice(0, cut));
			line = line.slice(cut);
		}
	}

	return [...lines, line];
}

// Where to cut a line longer than the width: just after the last `/` that fits, else at the width.
function breakPoint(line: string, width: number): number {
	const slash = line.lastIndexOf('/', width - 1);
	return slash > 0 ? slash + 1 : width;
}
