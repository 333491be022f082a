// Markdown paragraphs as Markdown reads them: a single line break inside a paragraph is a space.
// Authors wrap task text at their editor's width; the screen wraps it again at its own, so the
// author's breaks must go first or lines end ragged ("labelled" alone on a row).

const listItem = /^\s*(?:[-*+] |\d+[.)] )/;

/** Joins each paragraph's and each list item's lines; code (indented after a blank line) keeps its lines. */
export function reflowParagraphs(text: string): string {
	const out: string[] = [];
	// Whether the line before continues into an indented line: a list item or its continuation.
	let isInItem = false;
	let isInCode = false;
	for (const line of text.split('\n')) {
		const previous = out.at(-1);
		const isBlank = line.trim() === '';
		const isIndented = /^\s{2,}/.test(line);
		if (isBlank) {
			isInItem = false;
			isInCode = false;
			out.push(line);
			continue;
		}

		if (previous === undefined || previous.trim() === '') {
			// An indented block after a blank line is code, kept line by line.
			isInCode = isIndented && !listItem.test(line);
			isInItem = listItem.test(line);
			out.push(line);
			continue;
		}

		if (listItem.test(line)) {
			isInItem = true;
			isInCode = false;
			out.push(line);
			continue;
		}

		if (isInCode) {
			out.push(line);
			continue;
		}

		// A plain line joins the line before unless that one is an indented line kept as it is;
		// an indented one joins only a list item it continues.
		const isAfterKeptIndent = /^\s{2,}/.test(previous) && !isInItem;
		if ((!isIndented && !isAfterKeptIndent) || (isIndented && isInItem)) {
			out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
			continue;
		}

		out.push(line);
	}

	return out.join('\n');
}
