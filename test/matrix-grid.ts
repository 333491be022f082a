// The reachability grid as data, text and JSON, on a known small cluster: exact strings. And the
// comparison of two grids that the app shows side by side.
import test from 'ava';
import type {ClusterObjects, NetworkPolicy} from '../source/model/kubernetes.js';
import {compareGrids, compileCluster, decide, gridAllows, namespacePairs, reachabilityGrid} from '../source/evaluator/index.js';
import {matrixLines, maxGridPods} from '../source/format/matrix-text.js';
import {matrixJson} from '../source/format/matrix-json.js';
import {ansiColors, noColors} from '../source/format/color.js';
import {cluster, namespace, pod, policy, port, rule, selector} from './helpers/builders.js';

// The three tiers in prod (db open to the API only, on 3306), and a dev pod. Pods are listed
// out of namespace order, to show that the grid groups them by namespace.
const shop = (...policies: NetworkPolicy[]): ClusterObjects => cluster({
	namespaces: [namespace('prod'), namespace('dev')],
	pods: [
		pod('prod/web', {app: 'web'}),
		pod('dev/web', {app: 'web'}),
		pod('prod/api', {app: 'api'}),
		pod('prod/db', {app: 'db'}),
	],
	policies,
});

const dbPolicy = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector({app: 'api'})}], [port(3306)])]});
const webIsolated = policy('prod/web', {app: 'web'}, {policyTypes: ['Egress']});

test('the grid groups pods by namespace, in order of first appearance, and agrees with decide()', t => {
	const compiled = compileCluster(shop(dbPolicy));
	const grid = reachabilityGrid(compiled, 3306, 'TCP');
	t.deepEqual(grid.pods.map(entry => `${entry.namespace}/${entry.name}`), ['prod/web', 'prod/api', 'prod/db', 'dev/web']);
	for (const [source, from] of grid.pods.entries()) {
		for (const [destination, to] of grid.pods.entries()) {
			const flow = {
				source: compiled.podEndpoints[compiled.podIndexByKey.get(`${from.namespace}/${from.name}`)!]!,
				destination: compiled.podEndpoints[compiled.podIndexByKey.get(`${to.namespace}/${to.name}`)!]!,
				port: 3306,
				protocol: 'TCP' as const,
			};
			t.is(gridAllows(grid, source, destination), decide(compiled, flow).verdict === 'allow');
		}
	}
});

test('matrixLines draws the pod grid with names, numbered columns and a legend', t => {
	const grid = reachabilityGrid(compileCluster(shop(dbPolicy, webIsolated)), 3306, 'TCP');
	t.deepEqual(matrixLines(grid, noColors), [
		'Who may open a connection to whom on 3306/TCP (rows: from, columns: to)',
		'4 pods in 2 namespaces; 12 of 16 pairs allowed (75%)',
		'',
		'              1 2 3 4',
		'  1 prod/web  ✓ · · ·',
		'  2 prod/api  ✓ ✓ ✓ ✓',
		'  3 prod/db   ✓ ✓ ✓ ✓',
		'  4 dev/web   ✓ ✓ · ✓',
		'',
		'✓ allowed  · denied  (a pod can always reach itself)',
	]);
});

test('one namespace drops the namespace from the names; --namespace keeps only its pods', t => {
	const grid = reachabilityGrid(compileCluster(shop(dbPolicy)), 80, 'TCP', 'prod');
	t.deepEqual(matrixLines(grid, noColors), [
		'Who may open a connection to whom on 80/TCP (rows: from, columns: to)',
		'3 pods in namespace prod; 7 of 9 pairs allowed (78%)',
		'',
		'         1 2 3',
		'  1 web  ✓ ✓ ·',
		'  2 api  ✓ ✓ ·',
		'  3 db   ✓ ✓ ✓',
		'',
		'✓ allowed  · denied  (a pod can always reach itself)',
	]);
});

test('too narrow a terminal moves the names to a legend below the grid', t => {
	const grid = reachabilityGrid(compileCluster(shop(dbPolicy)), 80, 'TCP');
	t.deepEqual(matrixLines(grid, noColors, {width: 20}).slice(3), [
		'     1 2 3 4',
		'  1  ✓ ✓ · ✓',
		'  2  ✓ ✓ · ✓',
		'  3  ✓ ✓ ✓ ✓',
		'  4  ✓ ✓ · ✓',
		'',
		'  1 prod/web',
		'  2 prod/api',
		'  3 prod/db',
		'  4 dev/web',
		'',
		'✓ allowed  · denied  (a pod can always reach itself)',
	]);
});

test('colours: allowed marks green, denied red (none without colour, as NO_COLOR asks)', t => {
	const grid = reachabilityGrid(compileCluster(shop(dbPolicy)), 80, 'TCP', 'prod');
	t.is(matrixLines(grid, ansiColors)[4], '  1 web  \u001B[32m✓\u001B[39m \u001B[32m✓\u001B[39m \u001B[31m·\u001B[39m');
	t.false(matrixLines(grid, noColors).join('\n').includes('\u001B'));
});

test('columns past 9 are numbered downwards, two digits a column', t => {
	const pods = Array.from({length: 12}, (_, index) => pod(`prod/p${index + 1}`));
	const grid = reachabilityGrid(compileCluster(cluster({pods})), 80, 'TCP');
	const lines = matrixLines(grid, noColors);
	t.is(lines[3], '                            1 1 1');
	t.is(lines[4], '          1 2 3 4 5 6 7 8 9 0 1 2');
	t.is(lines[5], '   1 p1   ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓');
	t.is(lines[16], '  12 p12  ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓');
});

test(`beyond ${maxGridPods} pods the matrix is summarised per pair of namespaces`, t => {
	const pods = [
		...Array.from({length: 20}, (_, index) => pod(`prod/p${index}`, {app: 'x'})),
		...Array.from({length: 11}, (_, index) => pod(`dev/d${index}`)),
	];
	const denyFromDev = policy('prod/only-prod', {}, {ingress: [rule([{podSelector: selector()}])]});
	const grid = reachabilityGrid(compileCluster(cluster({pods, policies: [denyFromDev]})), 80, 'TCP');
	t.deepEqual(namespacePairs(grid), [
		{from: 'prod', to: 'prod', allowed: 400, total: 400},
		{from: 'prod', to: 'dev', allowed: 220, total: 220},
		{from: 'dev', to: 'prod', allowed: 0, total: 220},
		{from: 'dev', to: 'dev', allowed: 121, total: 121},
	]);
	t.deepEqual(matrixLines(grid, noColors), [
		'Who may open a connection to whom on 80/TCP (rows: from, columns: to)',
		'31 pods in 2 namespaces; 741 of 961 pairs allowed (77%)',
		'',
		'More than 30 pods: pod pairs allowed, by namespace (--namespace N shows one namespace\'s grid; --json has every pair)',
		'',
		'FROM  TO    ALLOWED',
		'prod  prod  400/400',
		'prod  dev   220/220',
		'dev   prod    0/220',
		'dev   dev   121/121',
	]);
});

test('matrixJson: pods in grid order, a row of 0s and 1s per source, the counts and each namespace pair', t => {
	const grid = reachabilityGrid(compileCluster(shop(dbPolicy, webIsolated)), 3306, 'TCP');
	t.is(matrixJson(grid), `{
  "port": 3306,
  "protocol": "TCP",
  "pods": [
    "prod/web",
    "prod/api",
    "prod/db",
    "dev/web"
  ],
  "allowed": [
    "1000",
    "1111",
    "1111",
    "1101"
  ],
  "pairs": {"total": 16, "allowed": 12},
  "namespaces": [
    {"from":"prod","to":"prod","allowed":7,"total":9},
    {"from":"prod","to":"dev","allowed":2,"total":3},
    {"from":"dev","to":"prod","allowed":2,"total":3},
    {"from":"dev","to":"dev","allowed":1,"total":1}
  ]
}
`);
	t.like(JSON.parse(matrixJson(grid, 'prod')) as object, {namespace: 'prod', port: 3306});
});

test('compareGrids finds exactly the cells where two sets of policies disagree', t => {
	const expected = reachabilityGrid(compileCluster(shop(dbPolicy)), 3306, 'TCP');
	const anyPod = policy('prod/db', {app: 'db'}, {ingress: [rule([{podSelector: selector()}], [port(3306)])]});
	const actual = reachabilityGrid(compileCluster(shop(anyPod)), 3306, 'TCP');
	const {differences, differing} = compareGrids(actual, expected);
	t.deepEqual(differences, [{source: 0, destination: 2, isAllowedActually: true}]);
	t.deepEqual(compareGrids(expected, expected).differences, []);
	t.deepEqual(matrixLines(actual, noColors, {differing}).slice(3), [
		// The differing cell (prod/web -> prod/db, column 3) in brackets, under its column's number:
		// a mark beside a cell read as belonging to its neighbour.
		'              1  2  3  4',
		'  1 prod/web  ✓  ✓ [✓] ✓',
		'  2 prod/api  ✓  ✓  ✓  ✓',
		'  3 prod/db   ✓  ✓  ✓  ✓',
		'  4 dev/web   ✓  ✓  ·  ✓',
		'',
		'✓ allowed  · denied  [ ] differs  (a pod can always reach itself)',
	]);
	const header = matrixLines(actual, noColors, {differing}).at(3)!;
	const webRow = matrixLines(actual, noColors, {differing}).at(4)!;
	t.is(webRow.indexOf('[') + 1, header.indexOf('3'), 'the bracketed mark sits under column 3');
	t.throws(() => compareGrids(actual, reachabilityGrid(compileCluster(shop(dbPolicy)), 3306, 'TCP', 'prod')), {message: /different pods/});
});
