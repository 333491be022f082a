// `kubectl explain networkpolicy...` in the dojo: the layout of kubectl's plaintext template
// (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl: GROUP/KIND/VERSION, FIELD with two
// blank lines after it, DESCRIPTION wrapped at 76 and indented 4 ending in an indented blank
// line, `name\t<type>` with -required- and `enum:`), the whole NetworkPolicy schema reachable,
// and kubectl's errors.
import test from 'ava';
import {explainPage, runExplain, wrap} from '../source/kubectl/explain.js';
import {types} from '../source/kubectl/explain-schema.js';

const header = 'GROUP:      networking.k8s.io\nKIND:       NetworkPolicy\nVERSION:    v1\n\n';

test('explain networkpolicy: the kind\'s description, then its four fields with theirs', t => {
	const result = runExplain(undefined, ['networkpolicy']);
	t.is(result.exitCode, 0);
	t.is(result.stderr, '');
	t.true(result.stdout.startsWith(`${header}DESCRIPTION:\n    A NetworkPolicy chooses`));
	t.regex(result.stdout, /\n {4}\nFIELDS:\n {2}apiVersion\t<string>\n {4}The version/);
	t.deepEqual([...result.stdout.matchAll(/^ {2}(\w+)\t<([^>]+)>/gm)].map(match => `${match[1]!} ${match[2]!}`), ['apiVersion string', 'kind string', 'metadata ObjectMeta', 'spec NetworkPolicySpec']);
	t.true(result.stdout.endsWith('from them.\n\n\n'));
	// Every alias kubectl accepts for the kind.
	for (const name of ['netpol', 'networkpolicies', 'NetworkPolicy', 'networkpolicy.networking.k8s.io']) {
		t.is(runExplain(undefined, [name.includes('networking') ? name.split('.')[0]! : name]).stdout, result.stdout);
	}
});

test('a field: FIELD with its type and two blank lines, its description and its type\'s, then its fields', t => {
	const result = runExplain(undefined, ['networkpolicy.spec.ingress.from']);
	t.is(result.stdout, `${header}FIELD: from <[]NetworkPolicyPeer>


DESCRIPTION:
    Where allowed traffic may come from; any one peer is enough. Left out or
    empty, traffic from anywhere is allowed (if it matches ports).
    One source (ingress) or destination (egress) of traffic. Give either ipBlock
    alone, or podSelector, namespaceSelector, or both together (then a pod must
    match both).
    
FIELDS:
  ipBlock\t<IPBlock>
    A range of IP addresses, for traffic outside the cluster. Pod IPs are meant
    to be chosen by selectors; whether a pod's address falls under an ipBlock
    depends on the network plugin.

  namespaceSelector\t<LabelSelector>
    Namespaces, chosen by their labels (every namespace carries
    kubernetes.io/metadata.name=<its name>). Alone, it allows every pod of those
    namespaces; with podSelector, the pods podSelector chooses in them. An empty
    selector ({}) selects every namespace.

  podSelector\t<LabelSelector>
    Pods, chosen by their labels. Alone, it looks in the policy's own namespace;
    with namespaceSelector, in the namespaces that selector chooses. An empty
    selector ({}) selects every pod there.


`);
});

test('a leaf with an enum: ENUM in the long view, no FIELDS', t => {
	t.is(runExplain(undefined, ['netpol.spec.egress.ports.protocol']).stdout, `${header}FIELD: protocol <string>
ENUM:
    SCTP
    TCP
    UDP

DESCRIPTION:
    TCP, UDP or SCTP. Left out, TCP.
    

`);
	t.regex(runExplain(undefined, ['netpol.spec.podSelector']).stdout, /FIELD: podSelector <LabelSelector>\n\n\nDESCRIPTION:[^]*FIELDS:\n {2}matchExpressions\t<\[\]LabelSelectorRequirement>\n[^]*\n {2}matchLabels\t<map\[string\]string>\n/);
	t.regex(runExplain(undefined, ['netpol.spec.podSelector.matchExpressions']).stdout, /\n {2}key\t<string> -required-\n[^]*\n {2}operator\t<string> -required-\n[^]*\n {2}values\t<\[\]string>\n/);
	t.regex(runExplain(undefined, ['netpol.spec.ingress.from.ipBlock']).stdout, /\n {2}cidr\t<string> -required-\n/);
	t.regex(runExplain(undefined, ['netpol.spec.ingress.ports']).stdout, /\n {2}protocol\t<string>\n {2}enum: SCTP, TCP, UDP\n {4}TCP, UDP or SCTP/);
});

test('--recursive: one line per field, nested two spaces a level, as kubectl explain --recursive prints them', t => {
	const result = runExplain(undefined, ['netpol.spec.ingress', '--recursive']);
	t.true(result.stdout.endsWith(`FIELDS:
  from\t<[]NetworkPolicyPeer>
    ipBlock\t<IPBlock>
      cidr\t<string> -required-
      except\t<[]string>
    namespaceSelector\t<LabelSelector>
      matchExpressions\t<[]LabelSelectorRequirement>
        key\t<string> -required-
        operator\t<string> -required-
        values\t<[]string>
      matchLabels\t<map[string]string>
    podSelector\t<LabelSelector>
      matchExpressions\t<[]LabelSelectorRequirement>
        key\t<string> -required-
        operator\t<string> -required-
        values\t<[]string>
      matchLabels\t<map[string]string>
  ports\t<[]NetworkPolicyPort>
    endPort\t<integer>
    port\t<IntOrString>
    protocol\t<string>
    enum: SCTP, TCP, UDP

`));
	t.regex(runExplain(undefined, ['netpol', '--recursive']).stdout, /\n {2}metadata\t<ObjectMeta>\n {4}annotations\t<map\[string\]string>\n[^]*\n {4}ownerReferences\t<\[\]OwnerReference>\n {6}apiVersion\t<string> -required-\n/);
});

test('every field of the schema explains, and every description is our own words on one line', t => {
	const walk = (typeName: string, path: readonly string[]): string[] => Object.entries(types[typeName]!.fields).flatMap(([name, field]) => [[...path, name].join('.'), ...(field.ref ? walk(field.ref, [...path, name]) : [])]);
	const paths = walk('NetworkPolicy', []);
	t.true(paths.length > 60);
	for (const path of paths) {
		const page = explainPage(path.split('.'), false);
		t.true('text' in page, path);
	}

	for (const type of Object.values(types)) {
		t.false(type.description.includes('\n'));
	}
});

test('errors in kubectl\'s words: the last field of a wrong path, an unknown type, no type; other kinds refused in one line', t => {
	t.deepEqual(runExplain(undefined, ['netpol.spec.podselector']), {stdout: '', stderr: 'error: field "podselector" does not exist\n', exitCode: 1});
	t.is(runExplain(undefined, ['netpol.spec.foo.bar']).stderr, 'error: field "bar" does not exist\n');
	t.is(runExplain(undefined, ['netpol.spec.podSelector.matchLabels.app']).stderr, 'error: field "app" does not exist\n');
	t.is(runExplain(undefined, ['frobs']).stderr, 'error: the server doesn\'t have a resource type "frobs"\n');
	t.is(runExplain(undefined, []).stderr, 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
	const pods = runExplain(undefined, ['pods']);
	t.is(pods.exitCode, 1);
	t.is(pods.stderr.split('\n').length, 2);
	t.regex(pods.stderr, /NetworkPolicy only/);
	t.is(runExplain(undefined, ['netpol', '--api-version=networking.k8s.io/v2']).stderr, 'error: GVR (networking.k8s.io/v2, Resource=networkpolicies) not found in OpenAPI schema\n');
});

test('wrap: greedy between words, a long word alone on its line, newlines kept', t => {
	t.is(wrap('aa bb cc dd', 5), 'aa bb\ncc dd');
	t.is(wrap('a verylongword b', 4), 'a\nverylongword\nb');
	t.is(wrap('one\ntwo three\n', 9), 'one\ntwo three\n');
});
