// A cluster as a person reads it before writing a policy: `kubectl get pods -A --show-labels`
// and `kubectl get ns --show-labels` in a few lines. Used in the task file and on the screens.
import type {ClusterObjects, Labels, Namespace} from '../kube/types.js';
import {namespaceNameLabel} from '../kube/types.js';

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
	// The API server sets the name label on every namespace, over any other value; tasks select
	// by it, so it is shown as the evaluator reads it.
	const withName = (namespace: Namespace): Namespace => ({
		name: namespace.name,
		labels: {[namespaceNameLabel]: namespace.name, ...Object.fromEntries(Object.entries(namespace.labels).filter(([key]) => key !== namespaceNameLabel))},
	});
	const byName = new Map(cluster.namespaces.map(namespace => [namespace.name, withName(namespace)]));
	for (const name of [...cluster.pods.map(pod => pod.namespace), ...cluster.policies.map(policy => policy.namespace)]) {
		if (!byName.has(name)) {
			byName.set(name, {name, labels: {[namespaceNameLabel]: name}});
		}
	}

	return [...byName.values()].sort((left, right) => left.name.localeCompare(right.name));
}

/** The namespaces and the pods as aligned table rows, header first. */
export function clusterTable(cluster: ClusterObjects): {readonly namespaces: string[]; readonly pods: string[]} {
	const namespaces = alignColumns([
		['NAMESPACE', 'LABELS'],
		...namespacesOf(cluster).map(namespace => [namespace.name, labelText(namespace.labels)]),
	]);
	const pods = [...cluster.pods].sort((left, right) => left.namespace.localeCompare(right.namespace) || left.name.localeCompare(right.name));
	const podRows = alignColumns([
		// Labels first: they are what selectors match, and a narrow screen cuts the last columns.
		['NAMESPACE', 'POD', 'LABELS', 'PORTS', 'IP'],
		...pods.map(pod => [
			pod.namespace,
			pod.name,
			labelText(pod.labels),
			pod.ports.map(port => `${port.name ? `${port.name}:` : ''}${port.port}/${port.protocol}`).join(',') || '<none>',
			pod.ips.join(',') || '<none>',
		]),
	]);
	return {namespaces, pods: podRows};
}
