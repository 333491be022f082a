// A cluster as a person reads it before writing a policy: `kubectl get pods -A --show-labels`
// and `kubectl get ns --show-labels` in a few lines. Used in the task file and on the screens.
import type {ClusterObjects, Labels, Namespace, Pod} from '../model/kubernetes.js';
import {wrapText} from './wrap.js';
import {collectNamespaces} from '../evaluator/index.js';
import {namespaceNameLabel} from '../model/kubernetes.js';

function labelText(labels: Labels): string {
	const pairs = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
	return pairs.length === 0 ? '<none>' : pairs.join(',');
}

/** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
export function alignColumns(rows: ReadonlyArray<readonly string[]>): string[] {
	const widths = rows[0]?.map((_cell, column) => Math.max(...rows.map(row => row[column]?.length ?? 0))) ?? [];
	return rows.map(row => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '));
}

/** Every namespace a pod or policy lives in or a Namespace object names, with its labels. */
export function namespacesOf(cluster: ClusterObjects): Namespace[] {
	// As the evaluator reads them, the name label shown first: tasks select by it.
	return [...collectNamespaces(cluster).values()]
		.map(namespace => ({name: namespace.name, labels: {[namespaceNameLabel]: namespace.name, ...namespace.labels}}))
		.sort((left, right) => left.name.localeCompare(right.name));
}

function portText(pod: Pod): string {
	return pod.ports.map(port => `${port.name ? `${port.name}:` : ''}${port.port}/${port.protocol}`).join(', ') || '<none>';
}

// A record per object when a table row would not fit: the name, then each field on its own
// wrapped lines, so nothing a selector matches is ever cut off.
function blocks(records: ReadonlyArray<{readonly head: string; readonly fields: ReadonlyArray<readonly [string, string]>}>, width: number): string[] {
	return records.flatMap(record => [
		record.head,
		...record.fields.flatMap(([name, value]) => wrapText(value, Math.max(20, width - 12)).map((line, index) => `    ${(index === 0 ? `${name}:` : '').padEnd(8)}${line}`)),
	]);
}

const fits = (lines: readonly string[], width: number) => lines.every(line => line.length <= width);

/**
The namespaces and the pods as `kubectl get --show-labels` shows them: aligned table rows,
header first, or, when a row would be wider than `width`, a block per object.
*/
export function clusterTable(cluster: ClusterObjects, width = Number.POSITIVE_INFINITY): {readonly namespaces: string[]; readonly pods: string[]} {
	const namespaceList = namespacesOf(cluster);
	const namespaces = alignColumns([
		['NAMESPACE', 'LABELS'],
		...namespaceList.map(namespace => [namespace.name, labelText(namespace.labels)]),
	]);
	const pods = [...cluster.pods].sort((left, right) => left.namespace.localeCompare(right.namespace) || left.name.localeCompare(right.name));
	const podRows = alignColumns([
		// Labels first: they are what selectors match.
		['NAMESPACE', 'POD', 'LABELS', 'PORTS', 'IP'],
		...pods.map(pod => [pod.namespace, pod.name, labelText(pod.labels), portText(pod).replaceAll(', ', ','), pod.ips.join(',') || '<none>']),
	]);
	return {
		namespaces: fits(namespaces, width) ? namespaces : blocks(namespaceList.map(namespace => ({head: `namespace ${namespace.name}`, fields: [['labels', labelText(namespace.labels).replaceAll(',', ', ')]]})), width),
		pods: fits(podRows, width) ? podRows : blocks(pods.map(pod => ({
			head: `pod ${pod.namespace}/${pod.name}  ${pod.ips.join(', ') || 'no IP'}`,
			fields: [['labels', labelText(pod.labels).replaceAll(',', ', ')], ['ports', portText(pod)]],
		})), width),
	};
}
