// `kubectl describe` in the dojo: networkpolicy checked against kubectl's own test
// (TestDescribeNetworkPolicies in k8s.io/kubectl/pkg/describe/describe_test.go, its expected
// text word for word, with the egress wording of today's describe.go), pod, namespace and
// service pages in describe.go's layout, and kubectl's errors.
import test from 'ava';
import {runDescribe} from '../source/kubectl/describe.js';
import {type ClusterState, type RawObject, newClusterState} from '../source/kubectl/state.js';
import {tabbed} from '../source/kubectl/tabwriter.js';

const created = Date.parse('2017-06-04T21:45:56Z');

const stateOf = (objects: readonly RawObject[]): ClusterState => newClusterState('built-in/test', objects, created);

const selectorOf = (matchLabels: Record<string, string>, matchExpressions?: unknown[]) => ({matchLabels, ...(matchExpressions ? {matchExpressions} : {})});
const fooIn = {key: 'foo', operator: 'In', values: ['bar1', 'bar2']};
const peers = [
	{podSelector: selectorOf({id: 'pod1', id2: 'pod2'}), namespaceSelector: selectorOf({id: 'ns1', id2: 'ns2'})},
	{podSelector: selectorOf({id: 'app2', id2: 'app3'})},
	{namespaceSelector: selectorOf({id: 'app2', id2: 'app3'})},
	{namespaceSelector: selectorOf({id: 'app2', id2: 'app3'}, [fooIn])},
	{ipBlock: {cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24']}},
];
const ports = [{port: 80}, {port: 82, protocol: 'TCP'}];

const upstreamPolicy: RawObject = {
	apiVersion: 'networking.k8s.io/v1',
	kind: 'NetworkPolicy',
	metadata: {name: 'network-policy-1', namespace: 'default', creationTimestamp: '2017-06-04T21:45:56Z'},
	spec: {
		podSelector: selectorOf({id1: 'app1', id2: 'app2'}, [fooIn, {key: 'foo2', operator: 'NotIn', values: ['bar1', 'bar2']}]),
		ingress: [{ports, from: peers}, {}],
		egress: [{ports, to: peers}, {}],
		policyTypes: ['Ingress', 'Egress'],
	},
};

test('describe networkpolicy prints TestDescribeNetworkPolicies\'s expected page', t => {
	const result = runDescribe(stateOf([upstreamPolicy]), ['networkpolicy', 'network-policy-1']);
	t.is(result.exitCode, 0);
	t.is(result.stderr, '');
	t.is(result.stdout, `Name:         network-policy-1
Namespace:    default
Created on:   2017-06-04 21:45:56 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2
  Allowing ingress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    From:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    From:
      PodSelector: id=app2,id2=app3
    From:
      NamespaceSelector: id=app2,id2=app3
    From:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    From:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    From: <any> (traffic not restricted by source)
  Allowing egress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    To:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    To:
      PodSelector: id=app2,id2=app3
    To:
      NamespaceSelector: id=app2,id2=app3
    To:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    To:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    To: <any> (traffic not restricted by destination)
  Policy Types: Ingress, Egress
`);
});

const denyAll: RawObject = {
	apiVersion: 'networking.k8s.io/v1',
	kind: 'NetworkPolicy',
	metadata: {name: 'default-deny', namespace: 'shop', labels: {team: 'a', app: 'x'}, annotations: {note: 'deny by default'}},
	spec: {podSelector: {}},
};

test('an empty podSelector, no rules, the defaulted policyTypes and several labels', t => {
	const result = runDescribe(stateOf([denyAll]), ['netpol', '-n', 'shop']);
	t.is(result.stdout, `Name:         default-deny
Namespace:    shop
Created on:   2017-06-04 21:45:56 +0000 UTC
Labels:       app=x
              team=a
Annotations:  note: deny by default
Spec:
  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)
  Allowing ingress traffic:
    <none> (Selected pods are isolated for ingress connectivity)
  Not affecting egress traffic
  Policy Types: Ingress
`);
});

test('egress only, named ports, port ranges and a rule on a protocol alone', t => {
	const policy: RawObject = {
		apiVersion: 'networking.k8s.io/v1',
		kind: 'NetworkPolicy',
		metadata: {name: 'egress', namespace: 'default'},
		spec: {
			podSelector: {matchLabels: {app: 'web'}},
			policyTypes: ['Egress'],
			egress: [
				{ports: [{port: 'dns', protocol: 'UDP'}, {port: 32_000, endPort: 32_768}, {protocol: 'SCTP'}], to: [{namespaceSelector: {}}]},
			],
		},
	};
	const result = runDescribe(stateOf([policy]), ['networkpolicies.networking.k8s.io/egress']);
	t.is(result.stdout, `Name:         egress
Namespace:    default
Created on:   2017-06-04 21:45:56 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     app=web
  Not affecting ingress traffic
  Allowing egress traffic:
    To Port: dns/UDP
    To Port Range: 32000-32768/TCP
    To Port: <nil>/SCTP
    To:
      NamespaceSelector: <none>
  Policy Types: Egress
`);
});

test('an egress deny: the egress isolation line; policyTypes defaulted with Egress when there are egress rules', t => {
	const both: RawObject = {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'b'}, spec: {podSelector: {}, egress: [{}]}};
	t.regex(runDescribe(stateOf([both]), ['netpol', 'b']).stdout, /Allowing ingress traffic:\n {4}<none> \(Selected pods are isolated for ingress connectivity\)\n {2}Allowing egress traffic:\n {4}To Port: <any> \(traffic allowed to all ports\)\n {4}To: <any> \(traffic not restricted by destination\)\n {2}Policy Types: Ingress, Egress\n$/);
	const egressDeny: RawObject = {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'e'}, spec: {podSelector: {}, policyTypes: ['Egress']}};
	t.regex(runDescribe(stateOf([egressDeny]), ['netpol', 'e']).stdout, /Allowing egress traffic:\n {4}<none> \(Selected pods are isolated for egress connectivity\)\n/);
});

test('every policy of the namespace, two blank lines apart; -A all of them; a prefix names those it begins', t => {
	const state = stateOf([upstreamPolicy, denyAll, {...denyAll, metadata: {name: 'default-allow', namespace: 'shop'}}]);
	const all = runDescribe(state, ['netpol', '-n', 'shop']);
	t.regex(all.stdout, /^Name: {9}default-allow\n[^]*Policy Types: Ingress\n\n\nName: {9}default-deny\n/);
	t.is(runDescribe(state, ['netpol', '-A']).stdout.match(/^Name:/gm)?.length, 3);
	const prefixed = runDescribe(state, ['netpol', 'default-', '-n', 'shop']);
	t.is(prefixed.exitCode, 0);
	t.is(prefixed.stdout.match(/^Name:/gm)?.length, 2);
	t.is(runDescribe(state, ['netpol', '-n', 'shop', '-l', 'team=a']).stdout.match(/^Name:/gm)?.length, 1);
});

test('not found: the API server\'s NotFound with the group, exit 1; nothing to describe: kubectl\'s notice, exit 0', t => {
	const state = stateOf([upstreamPolicy]);
	t.deepEqual(runDescribe(state, ['netpol', 'x']), {stdout: '', stderr: 'Error from server (NotFound): networkpolicies.networking.k8s.io "x" not found\n', exitCode: 1});
	t.deepEqual(runDescribe(state, ['pod', 'x']), {stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1});
	t.deepEqual(runDescribe(state, ['svc', 'x']), {stdout: '', stderr: 'Error from server (NotFound): services "x" not found\n', exitCode: 1});
	t.deepEqual(runDescribe(state, ['netpol', '-n', 'other']), {stdout: '', stderr: 'No resources found in other namespace.\n', exitCode: 0});
	t.is(runDescribe(state, ['frobs']).stderr, 'error: the server doesn\'t have a resource type "frobs"\n');
	t.is(runDescribe(state, []).exitCode, 1);
	t.is(runDescribe(state, ['deploy']).exitCode, 1);
});

const web: RawObject = {
	apiVersion: 'v1',
	kind: 'Pod',
	metadata: {name: 'web', namespace: 'default', labels: {app: 'web', tier: 'front'}},
	spec: {containers: [{name: 'nginx', image: 'nginx:1.27', ports: [{name: 'http', containerPort: 80}]}]},
	status: {podIP: '10.0.0.10'},
};

test('describe pod: describePod\'s fields for a running, ready pod', t => {
	const result = runDescribe(stateOf([web]), ['po', 'web']);
	t.is(result.exitCode, 0);
	t.is(result.stdout, `Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             dojo-node/
Start Time:       Sun, 04 Jun 2017 21:45:56 +0000
Labels:           app=web
                  tier=front
Annotations:      <none>
Status:           Running
IP:               10.0.0.10
IPs:
  IP:  10.0.0.10
Containers:
  nginx:
    Image:          nginx:1.27
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Sun, 04 Jun 2017 21:45:56 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    BestEffort
Node-Selectors:               <none>
Tolerations:                  <none>
Events:                       <none>
`);
});

test('describe namespace: labels, status, and no quota or limit range', t => {
	const result = runDescribe(stateOf([web]), ['ns', 'default']);
	t.is(result.stdout, `Name:         default
Labels:       kubernetes.io/metadata.name=default
Annotations:  <none>
Status:       Active

No resource quota.

No LimitRange resource.
`);
});

test('describe service: the layout of the Kubernetes docs\' example, endpoints through a named targetPort', t => {
	const api = (name: string, ip: string, port?: number): RawObject => ({
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'default', labels: {app: 'web'}},
		spec: {containers: [{name: 'c', image: 'nginx', ports: port === undefined ? [] : [{name: 'http', containerPort: port}]}]},
		status: {podIP: ip},
	});
	const service: RawObject = {
		apiVersion: 'v1',
		kind: 'Service',
		metadata: {name: 'web', namespace: 'default'},
		spec: {selector: {app: 'web'}, clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'], ports: [{port: 80, targetPort: 'http'}]},
	};
	const pods = [api('web-1', '10.0.0.11', 8080), api('web-2', '10.0.0.12', 8080), api('web-3', '10.0.0.13'), api('web-4', '10.0.0.14', 8080), api('web-5', '10.0.0.15', 8080)];
	// The layout of "kubectl describe service my-service" in the Kubernetes docs (Service concept page).
	t.is(runDescribe(stateOf([...pods, service]), ['svc', 'web']).stdout, `Name:                     web
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.20
IPs:                      10.96.0.20
Port:                     <unset>  80/TCP
TargetPort:               http/TCP
Endpoints:                10.0.0.11:8080,10.0.0.12:8080,10.0.0.14:8080 + 1 more...
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
	const numbered = {...service, spec: {selector: {app: 'none'}, ports: [{name: 'db', port: 3306, protocol: 'TCP'}]}};
	t.regex(runDescribe(stateOf([numbered]), ['svc', 'web']).stdout, /Port: {21}db {2}3306\/TCP\nTargetPort: {15}3306\/TCP\nEndpoints: {16}\n/);
});

test('control sequences in labels never reach the terminal', t => {
	const hostile = {...web, metadata: {name: 'web', labels: {app: 'a\u001B[2Jb'}}};
	t.false(runDescribe(stateOf([hostile]), ['pod', 'web']).stdout.includes('\u001B'));
});

test('the tabwriter: a line without a tab ends the columns above it; the last cell is never padded', t => {
	t.is(tabbed('a:\tx\nlonger:\ty\nbreak\nb:\tz\n'), 'a:       x\nlonger:  y\nbreak\nb:  z\n');
	t.is(tabbed('P:\tname\t80\nTarget:\t8080\n'), 'P:       name  80\nTarget:  8080\n');
});
