// Reading plain values decoded from YAML or JSON, as Go's JSON decoding reads them into
// Kubernetes types: `null` is an absent field, and a null list item or map value is the zero
// value (an empty string, an empty object).
import type {Protocol} from '../model/kubernetes.js';

/** The protocols a NetworkPolicy or container port may name. */
export const protocols: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** A plain object, or undefined for anything else (absent, null, wrong type). */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

/** The list at a key; an absent, null or mistyped field (reported by the schema) is empty. */
export function listAt(record: Readonly<Record<string, unknown>> | undefined, key: string): unknown[] {
	const value = record?.[key];
	return Array.isArray(value) ? value as unknown[] : [];
}

/** A string list item or map value: null is the empty string; other types are undefined. */
export function asStringValue(value: unknown): string | undefined {
	return typeof value === 'string' ? value : value === null ? '' : undefined;
}
