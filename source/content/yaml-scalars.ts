// kubectl reads YAML 1.1 (an unquoted `yes` is a boolean, `010` is octal); most editors and
// people read YAML 1.2. A plain scalar whose value differs between the two is refused, so a
// policy never means one thing to its author and another to the grader. Booleans are the
// exception the contract names: YAML 1.1 wins, and the schema then reports the type.

/** What a plain scalar means under the YAML 1.2 core schema. */
export function coreSchemaValue(source: string): unknown {
	if (/^(?:~|null|Null|NULL)?$/.test(source)) {
		return null;
	}

	if (/^(?:true|True|TRUE)$/.test(source)) {
		return true;
	}

	if (/^(?:false|False|FALSE)$/.test(source)) {
		return false;
	}

	if (/^[-+]?\d+$/.test(source)) {
		return Number(source);
	}

	if (/^0o[0-7]+$/.test(source)) {
		return Number.parseInt(source.slice(2), 8);
	}

	if (/^0x[\dA-Fa-f]+$/.test(source)) {
		return Number.parseInt(source.slice(2), 16);
	}

	if (/^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/.test(source)) {
		return Number.parseFloat(source);
	}

	if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source)) {
		return source.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
	}

	if (/^\.(?:nan|NaN|NAN)$/.test(source)) {
		return Number.NaN;
	}

	return source;
}

/** Whether the YAML 1.1 reading of a plain scalar may stand (see the note above). */
export function isUnambiguous(yaml11Value: unknown, source: string): boolean {
	// `<<` is a merge key, read as kubectl reads it.
	if (typeof yaml11Value === 'symbol') {
		return true;
	}

	const yaml12Value = coreSchemaValue(source);
	if (typeof yaml11Value === 'boolean' && typeof yaml12Value === 'string') {
		return true;
	}

	if (typeof yaml11Value === 'number' && typeof yaml12Value === 'number') {
		 
		return yaml11Value === yaml12Value || (yaml11Value !== yaml11Value && yaml12Value !== yaml12Value);
	}

	return yaml11Value === yaml12Value;
}

/** The message for a scalar isUnambiguous refused. */
export function ambiguityMessage(yaml11Value: unknown, source: string): string {
	const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));
	return `${source} is ambiguous: kubectl (YAML 1.1) reads it as ${show(yaml11Value)}, YAML 1.2 as ${show(coreSchemaValue(source))}; write the value plainly or quote it`;
}

/** A hint for a type error on a boolean that YAML 1.1 made out of a word. */
export function booleanWordHint(source: string): string {
	return `; kubectl reads an unquoted ${source} as a boolean, so quote it: "${source}"`;
}
