// Markdown paragraphs as Markdown reads them: a single line break inside a paragraph is a space.
// Authors wrap task text at their editor's width; the screen wraps it again at its own, so the
// author's breaks must go first or lines end ragged ("labelled" alone on a row).

// A line that starts a list item or is indented keeps its own line.
const startsItsOwnLine = /^(?:\s{2,}|[-*+] |\d+[.)] )/;

export function reflowParagraphs(text: string): string {
	const out: string[] = [];
	for (const line of text.split('\n')) {
		const previous = out.at(-1);
		const isJoinable = previous !== undefined && previous.trim() !== '' && line.trim() !== '' && !startsItsOwnLine.test(line) && !/^\s{2,}/.test(previous);
		if (isJoinable) {
			out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
		} else {
			out.push(line);
		}
	}

	return out.join('\n');
}
