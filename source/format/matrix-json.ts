// The `matrix --json` document (README.md, `matrix`). A row per source pod as
// a string of 0s and 1s keeps 2,000 pods (4 million pairs) to a few megabytes that any script
// can index: `allowed[i][j]` is "1" when pods[i] may open a connection to pods[j].
import {type ReachabilityGrid, allowedPairs, forEachMember, namespacePairs} from '../evaluator/index.js';

const zero = '0'.codePointAt(0)!;
const one = '1'.codePointAt(0)!;

export function matrixJson(grid: ReachabilityGrid, namespace?: string): string {
	const pods = grid.pods.map(pod => JSON.stringify(`${pod.namespace}/${pod.name}`));
	// Each row is written as character codes, then decoded once: 4 million characters in a blink.
	const characters = new Uint8Array(grid.pods.length);
	const decoder = new TextDecoder();
	const rows = grid.allowed.map(row => {
		characters.fill(zero);
		forEachMember(row, destination => {
			characters[destination] = one;
		});
		return `"${decoder.decode(characters)}"`;
	});
	const namespaces = namespacePairs(grid).map(pair => JSON.stringify(pair));
	const list = (items: readonly string[]) => (items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`);
	return [
		'{',
		`  "port": ${grid.port},`,
		`  "protocol": "${grid.protocol}",`,
		...(namespace === undefined ? [] : [`  "namespace": ${JSON.stringify(namespace)},`]),
		`  "pods": ${list(pods)},`,
		`  "allowed": ${list(rows)},`,
		`  "pairs": {"total": ${grid.pods.length * grid.pods.length}, "allowed": ${allowedPairs(grid)}},`,
		`  "namespaces": ${list(namespaces)}`,
		'}',
		'',
	].join('\n');
}
