// NetworkPolicy, Pod and Namespace validation, message by message. Every expected string is the
// API server's own (kubernetes pkg/apis/networking/validation, pkg/apis/core/validation and
// apimachinery pkg/util/validation), so a learner sees here what `kubectl apply` would say.
import test from 'ava';
import type {Issue} from '../source/kube/issue.js';
import {networkPolicyIssues, toNetworkPolicy} from '../source/kube/network-policy.js';
import {namespaceIssues, podIssues} from '../source/kube/pod.js';

type Json = Record<string, unknown>;

function networkPolicy(spec: unknown, metadata: unknown = {name: 'db-policy', namespace: 'prod'}): Json {
	return {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec};
}

function errorsOf(issues: readonly Issue[]): string[] {
	return issues.filter(issue => issue.severity === 'error').map(issue => issue.message);
}

function policyErrors(spec: unknown, metadata?: unknown): string[] {
	return errorsOf(networkPolicyIssues(networkPolicy(spec, metadata)));
}

function policyErrorsWithPaths(spec: unknown): Issue[] {
	return networkPolicyIssues(networkPolicy(spec)).filter(issue => issue.severity === 'error');
}

/** A policy with one ingress rule holding just this port. */
function withPort(port: Json): Json {
	return {podSelector: {}, ingress: [{ports: [port]}]};
}

/** A policy with one ingress rule holding just this peer. */
function withPeer(peer: unknown): Json {
	return {podSelector: {}, ingress: [{from: [peer]}]};
}

const qualifiedNameRegex = '\'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\'';
const qualifiedNameError = `must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is ${qualifiedNameRegex})`;
const labelValueError = 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')';
const subdomainError = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')';
const dnsLabelError = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';
const cidrError = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const portRange = 'must be between 1 and 65535, inclusive';
const portNameCharset = 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';

const seedSpec = {
	podSelector: {matchLabels: {role: 'db'}},
	policyTypes: ['Ingress'],
	ingress: [{from: [{podSelector: {matchLabels: {name: 'api-pod'}}}], ports: [{protocol: 'TCP', port: 3306}]}],
};

test('a valid policy has no issues at all', t => {
	t.deepEqual(networkPolicyIssues(networkPolicy(seedSpec)), []);
});

// Unknown fields: strict decoding (kubectl --validate=strict) names the full path.

test('unknown field spec.podselector (strict decoding)', t => {
	t.deepEqual(policyErrors({podselector: {}}), ['unknown field "spec.podselector"']);
});

test('unknown field spec.ingres (strict decoding)', t => {
	t.deepEqual(policyErrors({podSelector: {}, ingres: [{}]}), ['unknown field "spec.ingres"']);
});

test('unknown field inside a peer (strict decoding)', t => {
	t.deepEqual(policyErrors(withPeer({podSelector: {}, namespaceselector: {}})), ['unknown field "spec.ingress[0].from[0].namespaceselector"']);
});

test('unknown field inside a port (strict decoding)', t => {
	t.deepEqual(policyErrors({podSelector: {}, egress: [{ports: [{port: 53, protocl: 'UDP'}]}]}), ['unknown field "spec.egress[0].ports[0].protocl"']);
});

test('unknown fields at the top level and in metadata', t => {
	t.deepEqual(policyErrors({podSelector: {}}, {name: 'db-policy', namespaces: 'prod'}), ['unknown field "metadata.namespaces"']);
	t.deepEqual(errorsOf(networkPolicyIssues({...networkPolicy({podSelector: {}}), specs: {}})), ['unknown field "specs"']);
});

test('an unknown field points at its key', t => {
	t.deepEqual(networkPolicyIssues(networkPolicy({podSelector: {}, ingres: []})), [
		{path: ['spec', 'ingres'], message: 'unknown field "spec.ingres"', severity: 'error', isAtKey: true},
	]);
});

// Wrong types.

test('policyTypes written as a string is a type error', t => {
	t.deepEqual(policyErrors({podSelector: {}, policyTypes: 'Ingress'}), ['spec.policyTypes: Invalid value: "Ingress": must be a list']);
});

test('a port written as a list is a type error', t => {
	t.deepEqual(policyErrors(withPort({port: [80]})), ['spec.ingress[0].ports[0].port: Invalid value: list: must be an integer or a string']);
});

test('a matchLabels value that is a boolean is a type error', t => {
	const issues = networkPolicyIssues(networkPolicy({podSelector: {matchLabels: {enabled: true}}}));
	t.deepEqual(errorsOf(issues), ['spec.podSelector.matchLabels.enabled: Invalid value: true: must be a string']);
	t.true(issues[0]!.isTypeError);
});

test('other wrong types: endPort as a string, from as a mapping, except as a string', t => {
	t.deepEqual(policyErrors({podSelector: {}, ingress: [{from: {podSelector: {}}, ports: [{port: 80, endPort: '90'}]}]}), [
		'spec.ingress[0].from: Invalid value: object: must be a list',
		'spec.ingress[0].ports[0].endPort: Invalid value: "90": must be an integer',
	]);
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '10.0.0.0/8', except: '10.1.0.0/16'}})), [
		'spec.ingress[0].from[0].ipBlock.except: Invalid value: "10.1.0.0/16": must be a list',
	]);
});

// Label keys and values (ValidateLabels, IsQualifiedName, IsValidLabelValue).

test('an invalid label key in matchLabels', t => {
	t.deepEqual(policyErrors({podSelector: {matchLabels: {'-app': 'db'}}}), [
		`spec.podSelector.matchLabels: Invalid value: "-app": name part ${qualifiedNameError}`,
	]);
});

test('a label key with an invalid prefix, and one with two slashes', t => {
	t.deepEqual(policyErrors({podSelector: {matchLabels: {'Example.com/app': 'db', 'a/b/c': 'x'}}}), [
		`spec.podSelector.matchLabels: Invalid value: "Example.com/app": prefix part ${subdomainError}`,
		`spec.podSelector.matchLabels: Invalid value: "a/b/c": a qualified name ${qualifiedNameError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
	]);
});

test('a bad label points at its own key or value, so that its line is its own', t => {
	const issues = policyErrorsWithPaths({podSelector: {matchLabels: {app: 'db', 'tier_': 'x', env: 'a b'}}});
	t.deepEqual(issues, [
		{path: ['spec', 'podSelector', 'matchLabels', 'tier_'], message: `spec.podSelector.matchLabels: Invalid value: "tier_": name part ${qualifiedNameError}`, severity: 'error', isAtKey: true},
		{path: ['spec', 'podSelector', 'matchLabels', 'env'], message: `spec.podSelector.matchLabels: Invalid value: "a b": ${labelValueError}`, severity: 'error'},
	]);
});

test('an invalid label value in matchLabels, and one too long', t => {
	const long = 'a'.repeat(64);
	t.deepEqual(policyErrors({podSelector: {matchLabels: {app: 'my db', tier: long}}}), [
		`spec.podSelector.matchLabels: Invalid value: "my db": ${labelValueError}`,
		`spec.podSelector.matchLabels: Invalid value: "${long}": must be no more than 63 characters`,
	]);
});

test('invalid label keys and values in a peer selector and in metadata.labels', t => {
	t.deepEqual(policyErrors(withPeer({namespaceSelector: {matchExpressions: [{key: 'team', operator: 'In', values: ['a b']}]}}), {name: 'p', labels: {'bad key': 'v'}}), [
		`metadata.labels: Invalid value: "bad key": name part ${qualifiedNameError}`,
		`spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values[0]: Invalid value: "a b": ${labelValueError}`,
	]);
});

// Selector operators (ValidateLabelSelectorRequirement).

test('NotIn without values', t => {
	t.deepEqual(policyErrors({podSelector: {matchExpressions: [{key: 'app', operator: 'NotIn'}]}}), [
		'spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'',
	]);
	t.deepEqual(policyErrors({podSelector: {matchExpressions: [{key: 'app', operator: 'In', values: []}]}}), [
		'spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'',
	]);
});

test('Exists with values', t => {
	t.deepEqual(policyErrors({podSelector: {matchExpressions: [{key: 'app', operator: 'Exists', values: ['db']}]}}), [
		'spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'',
	]);
});

test('an unknown operator, and a missing one', t => {
	t.deepEqual(policyErrors({podSelector: {matchExpressions: [{key: 'app', operator: 'Equals', values: ['db']}, {key: 'app'}]}}), [
		'spec.podSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
		'spec.podSelector.matchExpressions[1].operator: Invalid value: "": not a valid selector operator',
	]);
});

test('a requirement without a key', t => {
	t.deepEqual(policyErrors({podSelector: {matchExpressions: [{operator: 'Exists'}]}}), [
		'spec.podSelector.matchExpressions[0].key: Invalid value: "": name part must be non-empty',
		`spec.podSelector.matchExpressions[0].key: Invalid value: "": name part ${qualifiedNameError}`,
	]);
});

// ipBlock (ValidateIPBlock).

test('an invalid CIDR', t => {
	for (const cidr of ['10.0.0.0/33', '10.0.0.0', '300.0.0.0/8', 'fd00::/129', 'not-a-cidr']) {
		t.deepEqual(policyErrors(withPeer({ipBlock: {cidr}})), [`spec.ingress[0].from[0].ipBlock.cidr: Invalid value: ${JSON.stringify(cidr)}: ${cidrError}`], cidr);
	}
});

test('an empty or missing cidr is required', t => {
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: ''}})), ['spec.ingress[0].from[0].ipBlock.cidr: Required value']);
	t.deepEqual(policyErrors(withPeer({ipBlock: {except: ['10.0.0.0/24']}})), ['spec.ingress[0].from[0].ipBlock.cidr: Required value']);
});

test('an except that is not a strict subset of cidr', t => {
	const errors = policyErrors({podSelector: {}, egress: [{to: [{ipBlock: {cidr: '10.0.0.0/16', except: ['10.1.0.0/24', '10.0.0.0/16', '10.0.0.0/8', 'fd00::/64', '10.0.1.0/24', 'bad']}}]}]});
	t.deepEqual(errors, [
		'spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`',
		'spec.egress[0].to[0].ipBlock.except[1]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`',
		'spec.egress[0].to[0].ipBlock.except[2]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`',
		'spec.egress[0].to[0].ipBlock.except[3]: Invalid value: "fd00::/64": must be a strict subset of `cidr`',
		`spec.egress[0].to[0].ipBlock.except[5]: Invalid value: "bad": ${cidrError}`,
	]);
});

test('an IPv6 ipBlock with its except inside is valid', t => {
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:1::/48']}})), []);
});

// Peers (ValidateNetworkPolicyPeer).

test('ipBlock combined with podSelector in one peer', t => {
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '10.0.0.0/8'}, podSelector: {}})), [
		'spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer',
	]);
	t.deepEqual(policyErrors({podSelector: {}, egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8'}, namespaceSelector: {}}]}]}), [
		'spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer',
	]);
});

test('podSelector with namespaceSelector in one peer is valid', t => {
	t.deepEqual(policyErrors(withPeer({podSelector: {}, namespaceSelector: {}})), []);
});

test('an empty peer {}', t => {
	t.deepEqual(policyErrors(withPeer({})), ['spec.ingress[0].from[0]: Required value: must specify a peer']);
	t.deepEqual(policyErrors({podSelector: {}, egress: [{to: [{podSelector: null}]}]}), ['spec.egress[0].to[0]: Required value: must specify a peer']);
});

// Ports (ValidateNetworkPolicyPort).

test('port 0 and port 70000', t => {
	t.deepEqual(policyErrors(withPort({port: 0})), [`spec.ingress[0].ports[0].port: Invalid value: 0: ${portRange}`]);
	t.deepEqual(policyErrors(withPort({port: 70_000})), [`spec.ingress[0].ports[0].port: Invalid value: 70000: ${portRange}`]);
});

test('endPort below port', t => {
	t.deepEqual(policyErrors(withPort({port: 8000, endPort: 7999})), ['spec.ingress[0].ports[0].endPort: Invalid value: 7999: must be greater than or equal to `port`']);
	t.deepEqual(policyErrors(withPort({port: 8000, endPort: 8000})), []);
});

test('endPort out of range', t => {
	t.deepEqual(policyErrors(withPort({port: 8000, endPort: 70_000})), [`spec.ingress[0].ports[0].endPort: Invalid value: 70000: ${portRange}`]);
});

test('endPort with a named port', t => {
	t.deepEqual(policyErrors(withPort({port: 'http', endPort: 9000})), ['spec.ingress[0].ports[0].endPort: Invalid value: 9000: may not be specified when `port` is non-numeric']);
});

test('endPort without port', t => {
	t.deepEqual(policyErrors(withPort({protocol: 'TCP', endPort: 9000})), ['spec.ingress[0].ports[0].endPort: Invalid value: 9000: may not be specified when `port` is not specified']);
});

test('an unknown protocol', t => {
	t.deepEqual(policyErrors(withPort({protocol: 'ICMP', port: 80})), ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"']);
	t.deepEqual(policyErrors(withPort({protocol: 'tcp'})), ['spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"']);
});

test('a port name that is too long', t => {
	t.deepEqual(policyErrors(withPort({port: 'metrics-endpoint'})), ['spec.ingress[0].ports[0].port: Invalid value: "metrics-endpoint": must be no more than 15 characters']);
});

test('a port name in upper case', t => {
	t.deepEqual(policyErrors(withPort({port: 'HTTP'})), [
		`spec.ingress[0].ports[0].port: Invalid value: "HTTP": ${portNameCharset}`,
		'spec.ingress[0].ports[0].port: Invalid value: "HTTP": must contain at least one letter (a-z)',
	]);
});

test('a port name with no letter (a quoted number is a name)', t => {
	t.deepEqual(policyErrors(withPort({port: '8080'})), ['spec.ingress[0].ports[0].port: Invalid value: "8080": must contain at least one letter (a-z); in quotes it is a port name: write 8080 without quotes for a port number']);
});

test('a port name with a double hyphen, or a hyphen at an end', t => {
	t.deepEqual(policyErrors(withPort({port: 'my--port'})), ['spec.ingress[0].ports[0].port: Invalid value: "my--port": must not contain consecutive hyphens']);
	t.deepEqual(policyErrors(withPort({port: '-http'})), ['spec.ingress[0].ports[0].port: Invalid value: "-http": must not begin or end with a hyphen']);
});

test('an empty port name', t => {
	t.deepEqual(policyErrors(withPort({port: ''})), [
		`spec.ingress[0].ports[0].port: Invalid value: "": ${portNameCharset}`,
		'spec.ingress[0].ports[0].port: Invalid value: "": must contain at least one letter (a-z)',
	]);
});

// policyTypes.

test('an invalid policyTypes entry', t => {
	t.deepEqual(policyErrors({podSelector: {}, policyTypes: ['Ingress', 'egress']}), ['spec.policyTypes[1]: Unsupported value: "egress": supported values: "Ingress", "Egress"']);
});

test('more than two policyTypes', t => {
	t.deepEqual(policyErrors({podSelector: {}, policyTypes: ['Ingress', 'Egress', 'Ingress']}), ['spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes']);
});

// Metadata (ValidateObjectMeta with NameIsDNSSubdomain).

test('a missing metadata.name', t => {
	t.deepEqual(policyErrors(seedSpec, {namespace: 'prod'}), ['metadata.name: Required value: name or generateName is required']);
	t.deepEqual(policyErrors(seedSpec, {name: '', namespace: 'prod'}), ['metadata.name: Required value: name or generateName is required']);
	t.deepEqual(errorsOf(networkPolicyIssues({apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', spec: seedSpec})), ['metadata.name: Required value: name or generateName is required']);
});

test('a metadata.name of the wrong type is a type error, not a missing name', t => {
	t.deepEqual(policyErrors(seedSpec, {name: 123, namespace: 'prod'}), ['metadata.name: Invalid value: 123: must be a string']);
	t.deepEqual(errorsOf(podIssues({apiVersion: 'v1', kind: 'Pod', metadata: {name: ['web']}})), ['metadata.name: Invalid value: list: must be a string']);
});

test('an invalid metadata.name', t => {
	t.deepEqual(policyErrors(seedSpec, {name: 'DB_Policy'}), [`metadata.name: Invalid value: "DB_Policy": ${subdomainError}`]);
	const long = 'a'.repeat(254);
	t.deepEqual(policyErrors(seedSpec, {name: long}), [`metadata.name: Invalid value: "${long}": must be no more than 253 characters`]);
});

test('an invalid metadata.namespace', t => {
	t.deepEqual(policyErrors(seedSpec, {name: 'db-policy', namespace: 'Prod.Team'}), [`metadata.namespace: Invalid value: "Prod.Team": ${dnsLabelError}`]);
});

// Every problem at once.

test('every problem of one object is reported, not only the first', t => {
	const errors = policyErrors({
		podselector: {},
		policyTypes: ['Ingress', 'Sideways'],
		ingress: [{
			from: [{}, {ipBlock: {cidr: '10.0.0.0/16', except: ['10.9.0.0/24']}, podSelector: {}}],
			ports: [{port: 70_000}, {port: 'HTTP-ALT', endPort: 9000}, {protocol: 'ICMP'}],
		}],
		egress: [{to: [{namespaceSelector: {matchExpressions: [{key: 'team', operator: 'Exists', values: ['a']}]}}], ports: [{port: 80, endPort: 79}]}],
	}, {name: 'Bad_Name', namespace: 'prod'});
	t.deepEqual(errors, [
		'unknown field "spec.podselector"',
		`metadata.name: Invalid value: "Bad_Name": ${subdomainError}`,
		`spec.ingress[0].ports[0].port: Invalid value: 70000: ${portRange}`,
		'spec.ingress[0].ports[1].endPort: Invalid value: 9000: may not be specified when `port` is non-numeric',
		`spec.ingress[0].ports[1].port: Invalid value: "HTTP-ALT": ${portNameCharset}`,
		'spec.ingress[0].ports[1].port: Invalid value: "HTTP-ALT": must contain at least one letter (a-z)',
		'spec.ingress[0].ports[2].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
		'spec.ingress[0].from[0]: Required value: must specify a peer',
		'spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: "10.9.0.0/24": must be a strict subset of `cidr`',
		'spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer',
		'spec.egress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`',
		'spec.egress[0].to[0].namespaceSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'',
		'spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
	]);
});

test('warnings are not errors: a missing podSelector selects the whole namespace', t => {
	t.deepEqual(networkPolicyIssues(networkPolicy({ingress: []})), [
		{path: ['spec', 'podSelector'], message: 'spec.podSelector: podSelector is missing: it selects every pod in namespace "prod" (write podSelector: {} to say so)', severity: 'warning'},
	]);
});

// The typed result, with the API server's defaulting (SetDefaults_NetworkPolicy).

test('toNetworkPolicy: the typed seed policy, protocol defaulted to TCP', t => {
	const typed = toNetworkPolicy(networkPolicy({...seedSpec, ingress: [{from: [{podSelector: {matchLabels: {name: 'api-pod'}}}], ports: [{port: 3306}]}]}));
	t.is(typed.namespace, 'prod');
	t.is(typed.name, 'db-policy');
	t.deepEqual({...typed.podSelector.matchLabels}, {role: 'db'});
	t.deepEqual(typed.podSelector.matchExpressions, []);
	t.deepEqual(typed.policyTypes, ['Ingress']);
	t.false(typed.isPolicyTypesDefaulted);
	t.is(typed.ingress.length, 1);
	t.deepEqual(typed.ingress[0]!.ports, [{protocol: 'TCP', port: 3306}]);
	t.deepEqual({...typed.ingress[0]!.peers[0]!.podSelector!.matchLabels}, {name: 'api-pod'});
	t.is(typed.ingress[0]!.peers[0]!.namespaceSelector, undefined);
	t.deepEqual(typed.egress, []);
});

test('toNetworkPolicy: a namespace left out is "default"', t => {
	t.is(toNetworkPolicy(networkPolicy({podSelector: {}}, {name: 'p'})).namespace, 'default');
});

test('toNetworkPolicy: policyTypes omitted means [Ingress]', t => {
	const typed = toNetworkPolicy(networkPolicy({podSelector: {}, ingress: [{}]}));
	t.deepEqual(typed.policyTypes, ['Ingress']);
	t.true(typed.isPolicyTypesDefaulted);
});

test('toNetworkPolicy: policyTypes omitted with an egress rule means [Ingress, Egress]', t => {
	const typed = toNetworkPolicy(networkPolicy({podSelector: {}, egress: [{to: [{ipBlock: {cidr: '10.0.0.0/8'}}]}]}));
	t.deepEqual(typed.policyTypes, ['Ingress', 'Egress']);
	t.true(typed.isPolicyTypesDefaulted);
	t.deepEqual(typed.egress, [{peers: [{ipBlock: {cidr: '10.0.0.0/8', except: []}}], ports: []}]);
});

test('toNetworkPolicy: an empty egress rule {} counts as a rule, so Egress is defaulted in', t => {
	t.deepEqual(toNetworkPolicy(networkPolicy({podSelector: {}, egress: [{}]})).policyTypes, ['Ingress', 'Egress']);
});

test('toNetworkPolicy: `egress: []` alone stays [Ingress]', t => {
	const typed = toNetworkPolicy(networkPolicy({podSelector: {}, egress: []}));
	t.deepEqual(typed.policyTypes, ['Ingress']);
	t.true(typed.isPolicyTypesDefaulted);
});

test('toNetworkPolicy: `policyTypes: []` is defaulted like an omitted one', t => {
	const typed = toNetworkPolicy(networkPolicy({podSelector: {}, policyTypes: [], egress: [{}]}));
	t.deepEqual(typed.policyTypes, ['Ingress', 'Egress']);
	t.true(typed.isPolicyTypesDefaulted);
});

test('toNetworkPolicy: declared policyTypes are kept as written', t => {
	const typed = toNetworkPolicy(networkPolicy({podSelector: {}, policyTypes: ['Egress']}));
	t.deepEqual(typed.policyTypes, ['Egress']);
	t.false(typed.isPolicyTypesDefaulted);
	t.deepEqual(toNetworkPolicy(networkPolicy({podSelector: {}, policyTypes: ['Egress', 'Ingress'], ingress: [{}]})).policyTypes, ['Egress', 'Ingress']);
});

test('toNetworkPolicy: named ports and endPort ranges', t => {
	const typed = toNetworkPolicy(networkPolicy({podSelector: {}, ingress: [{ports: [{port: 'http'}, {protocol: 'UDP', port: 8000, endPort: 9000}, {protocol: 'SCTP'}]}]}));
	t.deepEqual(typed.ingress[0]!.ports, [{protocol: 'TCP', port: 'http'}, {protocol: 'UDP', port: 8000, endPort: 9000}, {protocol: 'SCTP'}]);
});

// Pods and Namespaces: only the fields netpol-dojo reads are checked, with the API server's wording.

function podObject(metadata: Json, rest: Json = {}): Json {
	return {apiVersion: 'v1', kind: 'Pod', metadata, ...rest};
}

test('a valid pod with unknown fields (a real dump) has no issues', t => {
	t.deepEqual(podIssues(podObject({name: 'web', namespace: 'prod', uid: 'x', labels: {app: 'web'}}, {
		spec: {nodeName: 'n1', containers: [{name: 'web', image: 'nginx', ports: [{name: 'http', containerPort: 80, protocol: 'TCP'}]}]},
		status: {phase: 'Running', podIP: '10.0.0.1', podIPs: [{ip: '10.0.0.1'}, {ip: 'fd00::1'}]},
	})), []);
});

test('a pod with an invalid name, label and namespace', t => {
	t.deepEqual(errorsOf(podIssues(podObject({name: 'Web_1', namespace: 'Prod', labels: {app: 'web server'}}))), [
		`metadata.name: Invalid value: "Web_1": ${subdomainError}`,
		`metadata.namespace: Invalid value: "Prod": ${dnsLabelError}`,
		`metadata.labels: Invalid value: "web server": ${labelValueError}`,
	]);
});

test('a pod without a name', t => {
	t.deepEqual(errorsOf(podIssues(podObject({namespace: 'prod'}))), ['metadata.name: Required value: name or generateName is required']);
});

test('a pod label value that is a boolean is a type error', t => {
	t.deepEqual(errorsOf(podIssues(podObject({name: 'web', labels: {enabled: true}}))), ['metadata.labels.enabled: Invalid value: true: must be a string']);
});

test('a pod with an invalid IP', t => {
	t.deepEqual(errorsOf(podIssues(podObject({name: 'web'}, {status: {podIP: '10.0.0.300'}}))), [
		'status.podIP: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
	]);
	t.deepEqual(errorsOf(podIssues(podObject({name: 'web'}, {status: {podIPs: [{ip: '10.0.0.1'}, {ip: 'fd00::g'}]}}))), [
		'status.podIPs[1].ip: Invalid value: "fd00::g": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
	]);
});

test('a pod with invalid container ports: every problem (validateContainerPorts)', t => {
	const ports = [
		{name: 'metrics-endpoint', containerPort: 9090},
		{name: 'HTTP', containerPort: 70_000, protocol: 'ICMP'},
		{name: 'grpc', containerPort: 0},
		{name: 'admin', protocol: 'UDP'},
	];
	t.deepEqual(errorsOf(podIssues(podObject({name: 'web'}, {spec: {containers: [{name: 'web', ports}]}}))), [
		'spec.containers[0].ports[0].name: Invalid value: "metrics-endpoint": must be no more than 15 characters',
		`spec.containers[0].ports[1].name: Invalid value: "HTTP": ${portNameCharset}`,
		'spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
		`spec.containers[0].ports[1].containerPort: Invalid value: 70000: ${portRange}`,
		// core validation lists the protocols sorted (sets.List), unlike the NetworkPolicy's own list.
		'spec.containers[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
		'spec.containers[0].ports[2].containerPort: Required value',
		'spec.containers[0].ports[3].containerPort: Required value',
	]);
});

test('a pod container port of the wrong type', t => {
	t.deepEqual(errorsOf(podIssues(podObject({name: 'web'}, {spec: {containers: [{name: 'web', ports: [{containerPort: '80'}]}]}}))), [
		'spec.containers[0].ports[0].containerPort: Invalid value: "80": must be an integer',
	]);
});

test('a namespace name must be an RFC 1123 label (no dots)', t => {
	t.deepEqual(errorsOf(namespaceIssues({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team.prod'}})), [`metadata.name: Invalid value: "team.prod": ${dnsLabelError}`]);
	const long = 'a'.repeat(64);
	t.deepEqual(errorsOf(namespaceIssues({apiVersion: 'v1', kind: 'Namespace', metadata: {name: long}})), [`metadata.name: Invalid value: "${long}": must be no more than 63 characters`]);
});

test('a namespace without a name, and one with a bad label', t => {
	t.deepEqual(errorsOf(namespaceIssues({apiVersion: 'v1', kind: 'Namespace', metadata: {labels: {'team/': 'a'}}})), [
		'metadata.name: Required value: name or generateName is required',
		'metadata.labels: Invalid value: "team/": name part must be non-empty',
		`metadata.labels: Invalid value: "team/": name part ${qualifiedNameError}`,
	]);
});

test('a namespace with a type error in its labels', t => {
	const issues = namespaceIssues({apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'prod', labels: {enabled: false}}});
	t.deepEqual(errorsOf(issues), ['metadata.labels.enabled: Invalid value: false: must be a string']);
	t.true(issues[0]!.isTypeError);
});

// Go's JSON decoding reads a null list item or map value as the zero value, "": a null label
// value selects the empty label (not "any value"), and a null entry elsewhere is refused.

test('a null label value selects the empty value, as Go decodes it (not any value)', t => {
	const spec = {podSelector: {matchLabels: {tier: null}, matchExpressions: [{key: 'app', operator: 'In', values: [null, 'web']}]}};
	t.deepEqual(policyErrors(spec), []);
	const {podSelector} = toNetworkPolicy(networkPolicy(spec));
	t.deepEqual({...podSelector.matchLabels}, {tier: ''});
	t.deepEqual(podSelector.matchExpressions[0]!.values, ['', 'web']);
});

test('a null policyTypes entry is the empty string, which the API server refuses', t => {
	t.deepEqual(policyErrors({podSelector: {}, policyTypes: [null, 'Egress']}), ['spec.policyTypes[0]: Unsupported value: "": supported values: "Ingress", "Egress"']);
});

test('a null except entry is the empty string, not a CIDR', t => {
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '10.0.0.0/8', except: [null]}})), [
		'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
	]);
});

test('a port of the wrong type gets the type error alone, not range errors as well', t => {
	t.deepEqual(policyErrors(withPort({port: 1.5})), ['spec.ingress[0].ports[0].port: Invalid value: 1.5: must be an integer or a string']);
	t.deepEqual(policyErrors(withPort({port: 80, endPort: 90.5})), ['spec.ingress[0].ports[0].endPort: Invalid value: 90.5: must be an integer']);
});

test('an IPv4 tail is allowed only at the end of an IPv6 address (1.2.3.4::/64 is no CIDR)', t => {
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '1.2.3.4::/64'}})), [
		'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "1.2.3.4::/64": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
	]);
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '::ffff:10.0.0.0/104'}})).length, 0);
});

test('an except must shrink the written mask too: an IPv4-mapped /104 with a plain IPv4 except is refused, as Go compares 104 with 16', t => {
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '::ffff:10.0.0.0/104', except: ['10.1.0.0/16']}})), [
		'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/16": must be a strict subset of `cidr`',
	]);
	t.deepEqual(policyErrors(withPeer({ipBlock: {cidr: '::ffff:10.0.0.0/104', except: ['::ffff:10.1.0.0/112']}})), []);
});
