// A small strict XML reader for tests: enough of XML 1.0 to hold a JUnit report to the rules a
// real parser enforces (one root, matching tags, quoted attributes, known entities, no bare `&`
// or `<`, no character XML forbids), and to read it back as a tree.

export type XmlElement = {
	readonly name: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly children: readonly XmlElement[];
	readonly text: string;
};

const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const name = String.raw`[A-Za-z_][\w.-]*`;

/** Parses a document; throws an Error saying where it is not well-formed. */
export function parseXml(source: string): XmlElement {
	if (forbidden.test(source)) {
		throw new Error(`character U+${source.codePointAt(source.search(forbidden))!.toString(16)} is not allowed in XML 1.0`);
	}

	let rest = source.replace(/^<\?xml [^?]*\?>\s*/, '');
	const stack: Array<{name: string; attributes: Record<string, string>; children: XmlElement[]; text: string}> = [];
	let root: XmlElement | undefined;
	while (rest.length > 0) {
		if (root) {
			if (rest.trim() !== '') {
				throw new Error(`content after the root element: ${JSON.stringify(rest.slice(0, 20))}`);
			}

			break;
		}

		const closing = new RegExp(`^</(${name})\\s*>`).exec(rest);
		const opening = new RegExp(`^<(${name})((?:\\s+${name}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`).exec(rest);
		if (closing) {
			const open = stack.pop();
			if (open === undefined || open.name !== closing[1]) {
				throw new Error(`</${closing[1]!}> closes <${open?.name ?? 'nothing'}>`);
			}

			const element = {...open, text: decode(open.text)};
			if (stack.length === 0) {
				root = element;
			} else {
				stack.at(-1)!.children.push(element);
			}

			rest = rest.slice(closing[0].length);
		} else if (opening) {
			const attributes: Record<string, string> = {};
			for (const [, key, value] of opening[2]!.matchAll(new RegExp(`(${name})\\s*=\\s*"([^"]*)"`, 'g'))) {
				if (key! in attributes) {
					throw new Error(`attribute ${key!} twice`);
				}

				attributes[key!] = decode(value!);
			}

			const element = {name: opening[1]!, attributes, children: [], text: ''};
			if (opening[3] === '/') {
				if (stack.length === 0) {
					root = element;
				} else {
					stack.at(-1)!.children.push(element);
				}
			} else {
				stack.push(element);
			}

			rest = rest.slice(opening[0].length);
		} else if (rest.startsWith('<')) {
			throw new Error(`not a tag: ${JSON.stringify(rest.slice(0, 30))}`);
		} else {
			const end = rest.indexOf('<');
			const chunk = end === -1 ? rest : rest.slice(0, end);
			if (stack.length === 0 && chunk.trim() !== '') {
				throw new Error('text outside the root element');
			}

			if (stack.length > 0) {
				stack.at(-1)!.text += chunk;
			}

			rest = end === -1 ? '' : rest.slice(end);
		}
	}

	if (!root || stack.length > 0) {
		throw new Error('the document ends inside an element');
	}

	return root;
}

function decode(text: string): string {
	return text.replaceAll(/&([^;&\s]*);|&/g, (whole, entity?: string) => {
		switch (entity) {
			case 'amp': {
				return '&';
			}

			case 'lt': {
				return '<';
			}

			case 'gt': {
				return '>';
			}

			case 'quot': {
				return '"';
			}

			case 'apos': {
				return '\'';
			}

			default: {
				const code = /^#(\d+)$/.exec(entity ?? '')?.[1];
				if (code === undefined) {
					throw new Error(`bare or unknown entity ${JSON.stringify(whole)}`);
				}

				return String.fromCodePoint(Number(code));
			}
		}
	});
}
