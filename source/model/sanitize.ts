// Text from files (lessons, packs, cluster dumps, flows, submissions) reaches the terminal only
// through here. Two kinds of harm are removed: control sequences, which move the cursor, retitle
// the window, write the clipboard (OSC 52), hide text or ring the bell; and invisible characters,
// which make text look like other text: bidi overrides and isolates reorder what is shown, and
// zero-width characters, U+FEFF, RLM/LRM/ALM and the line and paragraph separators hide inside a
// name so that `kind: NetworkPolicy` or a pod name looks right while it is not.
// Unlike ink's sanitizer this keeps no colours and no hyperlinks: authors write plain text.

// ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
// (ESC P|X|^|_ ... ST), and two-character escapes; then the 8-bit C1 forms of the same.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_]|.?)/g;
const c1Sequence = /\u009B[0-?]*[ -/]*[@-~]|[\u009D\u0090\u0098\u009E\u009F][^\u009C\u0007]*(?:\u009C|\u0007)?/g;

// Every character a terminal does not show as itself: the C0 controls but tab and newline, DEL
// and C1 (Cc); the format characters (Cf: bidi embeddings, overrides and isolates, LRM, RLM,
// ALM, zero-width space, joiners, word joiner, U+FEFF, soft hyphen, tags); and the line and
// paragraph separators U+2028 and U+2029 (Zl, Zp), which some terminals and editors break on.
// Go's strconv.Quote, and so the API server's messages, escapes the same characters.
const invisibleCharacter = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const keptControls = new Set(['\t', '\n']);

/** The text with every terminal control sequence, control character and invisible character removed (tabs and newlines stay). */
export function stripControlSequences(text: string): string {
	return text
		.replaceAll(escapeSequence, '')
		.replaceAll(c1Sequence, '')
		.replaceAll(invisibleCharacter, character => (keptControls.has(character) ? character : ''));
}

/**
A value in double quotes, as the API server quotes an invalid value: JSON's escapes, and every
control or invisible character written as `\uXXXX` (JSON leaves DEL, C1, bidi controls and
U+2028 raw), so a message shows exactly what the file holds and nothing reaches the terminal.
*/
export function quoteValue(value: string): string {
	return JSON.stringify(value).replaceAll(invisibleCharacter, character => unitEscapes(character));
}

// A character outside the BMP (the tag characters) is escaped as its two UTF-16 halves, as JSON does.
function unitEscapes(character: string): string {
	let escaped = '';
	for (let index = 0; index < character.length; index++) {
		escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
	}

	return escaped;
}

/** The text as it is when it holds nothing to clean (a kind, an apiVersion), else quoted with its invisible characters escaped, so a look-alike shows as one. */
export function bareOrQuoted(text: string): string {
	return text === '' || /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}"]/u.test(text) ? quoteValue(text) : text;
}

/**
A JSON document safe to print: every control or invisible character inside its strings written
as `\uXXXX`. The same data for a JSON reader; nothing for a terminal to act on or hide. JSON.stringify
already escapes C0 controls inside strings, so a raw newline or tab here is the document's own layout.
*/
export function terminalSafeJson(json: string): string {
	return json.replaceAll(invisibleCharacter, character => (keptControls.has(character) ? character : unitEscapes(character)));
}
