// kubectl's table printer: columns as its tabwriter pads them (three spaces between, the last
// column not padded), its `<none>`, its ages (HumanDuration), its label and selector strings.

/** Rows under a header, each column as wide as its widest cell plus three spaces, and at least 6 (kubectl's tabwriter minwidth). */
export function table(rows: ReadonlyArray<readonly string[]>): string {
	const widths = rows[0]?.map((_cell, column) => Math.max(6, 3 + Math.max(...rows.map(row => row[column]?.length ?? 0)))) ?? [];
	return rows.map(row => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('')).join('\n') + '\n';
}

/** duration.HumanDuration, as kubectl prints an AGE. */
export function humanDuration(milliseconds: number): string {
	const seconds = Math.max(0, Math.floor(milliseconds / 1000));
	if (seconds < 60 * 2) {
		return `${seconds}s`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 10) {
		const rest = seconds % 60;
		return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
	}

	if (minutes < 60 * 3) {
		return `${minutes}m`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 8) {
		const rest = minutes % 60;
		return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
	}

	if (hours < 48) {
		return `${hours}h`;
	}

	if (hours < 24 * 8) {
		const rest = hours % 24;
		return rest === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${rest}h`;
	}

	return hours < 24 * 365 * 2 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24 / 365)}y`;
}

/** Labels as `--show-labels` prints them: `k=v,k2=v2` sorted by key, or `<none>`. */
export function labelsText(labels: Readonly<Record<string, string>>): string {
	const pairs = Object.keys(labels).sort().map(key => `${key}=${labels[key]!}`);
	return pairs.length === 0 ? '<none>' : pairs.join(',');
}

type Expression = {readonly key: string; readonly operator: string; readonly values?: readonly string[]};

/** metav1.FormatLabelSelector: a LabelSelector as one string, requirements sorted by key. */
export function labelSelectorText(selector: unknown): string {
	const record = (selector ?? {}) as {matchLabels?: Record<string, string>; matchExpressions?: Expression[]};
	const requirements = [
		...Object.entries(record.matchLabels ?? {}).map(([key, value]) => ({key, text: `${key}=${value}`})),
		...(record.matchExpressions ?? []).map(expression => ({key: expression.key, text: expressionText(expression)})),
	].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
	return requirements.length === 0 ? '<none>' : requirements.map(requirement => requirement.text).join(',');
}

function expressionText({key, operator, values = []}: Expression): string {
	const sorted = [...values].sort();
	switch (operator) {
		case 'In': {
			return `${key} in (${sorted.join(',')})`;
		}

		case 'NotIn': {
			return `${key} notin (${sorted.join(',')})`;
		}

		case 'Exists': {
			return key;
		}

		default: {
			return `!${key}`;
		}
	}
}

/** A Service's or workload's selector map as `k=v,...`, or `<none>`. */
export function selectorMapText(selector: unknown): string {
	const map = (selector ?? {}) as Record<string, string>;
	return labelsText(map);
}
