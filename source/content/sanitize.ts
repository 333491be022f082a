// Author text (lessons, packs) reaches the terminal only through here: every control sequence
// is removed, so a pack cannot move the cursor, retitle the window, hide text or ring the bell.
// Unlike ink's sanitizer this keeps no colours and no hyperlinks: authors write plain text.

// ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
// (ESC P|X|^|_ ... ST), and two-character escapes; then the 8-bit C1 forms of the same.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_]|.?)/g;
const c1Sequence = /\u009B[0-?]*[ -/]*[@-~]|[\u009D\u0090\u0098\u009E\u009F][^\u009C\u0007]*(?:\u009C|\u0007)?/g;
// Remaining C0 controls except tab and newline, DEL, and the rest of C1.
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text with every terminal control sequence and control character removed (tabs and newlines stay). */
export function stripControlSequences(text: string): string {
	return text.replaceAll(escapeSequence, '').replaceAll(c1Sequence, '').replaceAll(controlCharacter, '');
}
