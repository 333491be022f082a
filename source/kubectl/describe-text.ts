// The pieces every kubectl describe page shares: its indent levels, the Labels and Annotations
// lines, the times as Go prints them, and values cleaned of anything a terminal would obey.
import {stripControlSequences} from '../model/sanitize.js';
import {type RawObject, text} from './state.js';

/** kubectl's PrefixWriter levels: two spaces each. */
export const level = (depth: number) => '  '.repeat(depth);

/** A value from an object, safe to print and unable to break describe's columns. */
export const clean = (value: string) => stripControlSequences(value).replaceAll(/[\t\n]/g, ' ');

export const record = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {});

export const list = (value: unknown) => (Array.isArray(value) ? value as unknown[] : []);

const sortedKeys = (map: Record<string, unknown>) => Object.keys(map).sort((left, right) => (left < right ? -1 : (left > right ? 1 : 0)));

/** printLabelsMultiline: `Labels:\tk=v`, then each further label under the first. */
export function labelLines(title: string, labels: unknown, indent = ''): string {
	const map = record(labels);
	const keys = sortedKeys(map);
	if (keys.length === 0) {
		return `${indent}${title}:\t<none>\n`;
	}

	return keys.map((key, index) => `${index === 0 ? `${indent}${title}:` : indent}\t${clean(key)}=${clean(text(map[key], ''))}\n`).join('');
}

const maxAnnotationLength = 140;
// kubectl never shows the copy of the object `kubectl apply` keeps in this annotation.
const hiddenAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** printAnnotationsMultiline: `key: value`, long or many-line values under their key, cut at 140. */
export function annotationLines(annotations: unknown): string {
	const map = record(annotations);
	const keys = sortedKeys(map).filter(key => !hiddenAnnotations.has(key));
	if (keys.length === 0) {
		return 'Annotations:\t<none>\n';
	}

	return keys.map((key, index) => {
		const start = index === 0 ? 'Annotations:\t' : '\t';
		const value = stripControlSequences(text(map[key], '')).replace(/\n$/, '');
		if (value.length + key.length + 2 > maxAnnotationLength || value.includes('\n')) {
			const shortened = value.split('\n').map(line => `\t  ${clean(line.length > maxAnnotationLength - 2 ? `${line.slice(0, maxAnnotationLength - 2)}...` : line)}\n`);
			return `${start}${clean(key)}:\n${shortened.join('')}`;
		}

		return `${start}${clean(key)}: ${clean(value)}\n`;
	}).join('');
}

/** When the object was made: its creationTimestamp, else when the dojo cluster was. */
export function createdAt(object: RawObject, fallback: number): Date {
	const written = record(object['metadata'])['creationTimestamp'];
	const parsed = typeof written === 'string' ? Date.parse(written) : Number.NaN;
	return new Date(Number.isNaN(parsed) ? fallback : parsed);
}

const two = (value: number) => String(value).padStart(2, '0');

/** Go's time.Time.String() in UTC, as `Created on:` shows it: `2026-09-30 10:12:03 +0000 UTC`. */
export function goTimeText(date: Date): string {
	return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000 UTC`;
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC, as `Start Time:` shows it: `Wed, 02 Dec 2026 07:30:05 +0000`. */
export function rfc1123zText(date: Date): string {
	return `${days[date.getUTCDay()]!}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()]!} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
