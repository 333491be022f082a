import {quoteValue, terminalSafeJson} from '../model/sanitize.js';

/** A step into a decoded document: a mapping key or a list index. */
export type PathSegment = string | number;

/**
A problem found in a document, located by its path from the document's root so that the
content layer can map it to a line. `message` is worded as the API server words it, starting
with the field path.
*/
export type Issue = {
	readonly path: readonly PathSegment[];
	readonly message: string;
	/** Warnings are printed and do not stop the command (kubectl's "Warning:" lines). */
	readonly severity: 'error' | 'warning';
	/** Point at the key rather than the value (unknown fields). */
	readonly isAtKey?: boolean;
	/** A wrong YAML/JSON type rather than a wrong value. */
	readonly isTypeError?: boolean;
};

/** Field paths as Kubernetes prints them: `spec.ingress[0].ports[1].port`. */
export function formatFieldPath(path: readonly PathSegment[]): string {
	let text = '';
	for (const segment of path) {
		if (typeof segment === 'number') {
			text += `[${segment}]`;
		} else {
			text += text === '' ? segment : `.${segment}`;
		}
	}

	return text;
}

/** A value as field.Error prints it: strings quoted (invisible characters escaped, as Go's %q does), numbers and booleans bare. */
export function formatFieldValue(value: unknown): string {
	if (typeof value === 'string') {
		return quoteValue(value);
	}

	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}

	if (value === null || value === undefined) {
		return 'null';
	}

	return terminalSafeJson(JSON.stringify(value));
}

function issue(path: readonly PathSegment[], body: string, severity: 'error' | 'warning' = 'error'): Issue {
	return {path, message: `${formatFieldPath(path)}: ${body}`, severity};
}

/** field.Invalid */
export function invalid(path: readonly PathSegment[], value: unknown, detail: string): Issue {
	return issue(path, `Invalid value: ${formatFieldValue(value)}: ${detail}`);
}

/** field.Required */
export function required(path: readonly PathSegment[], detail: string): Issue {
	return issue(path, detail === '' ? 'Required value' : `Required value: ${detail}`);
}

/** field.Forbidden */
export function forbidden(path: readonly PathSegment[], detail: string): Issue {
	return issue(path, `Forbidden: ${detail}`);
}

/** field.NotSupported */
export function notSupported(path: readonly PathSegment[], value: unknown, supported: readonly string[]): Issue {
	return issue(path, `Unsupported value: ${formatFieldValue(value)}: supported values: ${supported.map(entry => JSON.stringify(entry)).join(', ')}`);
}

/** An API-server-style warning (accepted, but likely not what was meant). */
export function warning(path: readonly PathSegment[], detail: string): Issue {
	return issue(path, detail, 'warning');
}
