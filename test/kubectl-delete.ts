// kubectl delete on the dojo cluster: by type and name, TYPE/NAME, --all, -l and -f FILE, with
// kubectl's lines and the API server's NotFound and Forbidden wording.
import test from 'ava';
import {writeObjects} from '../source/kubectl/apply.js';
import {runDelete} from '../source/kubectl/delete.js';
import {type ClusterState, findObject, kindOf, metadataOf} from '../source/kubectl/state.js';
import {dbPolicy, kubectl, smallCluster, stateFolder, writeIn} from './helpers/kubectl-cluster.js';

const withPolicies = (): ClusterState => writeObjects(smallCluster(), [{source: 'f.yaml', value: dbPolicy()}, {source: 'f.yaml', value: dbPolicy('other')}], {verb: 'apply'}).state!;

test('delete netpol NAME deletes it, in kubectl\'s words', t => {
	const result = runDelete(withPolicies(), ['netpol', 'db-policy']);
	t.deepEqual([result.exitCode, result.stdout, result.stderr], [0, 'networkpolicy.networking.k8s.io "db-policy" deleted\n', '']);
	t.is(findObject(result.state!, 'NetworkPolicy', 'default', 'db-policy'), undefined);
	t.truthy(findObject(result.state!, 'NetworkPolicy', 'default', 'other'));
});

test('a name that is not there is NotFound; the names that are are still deleted', t => {
	const result = runDelete(withPolicies(), ['networkpolicy', 'nope', 'other']);
	t.deepEqual([result.exitCode, result.stdout, result.stderr], [1, 'networkpolicy.networking.k8s.io "other" deleted\n', 'Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found\n']);
	t.is(runDelete(smallCluster(), ['pod', 'x']).stderr, 'Error from server (NotFound): pods "x" not found\n');
	t.deepEqual(runDelete(smallCluster(), ['pod', 'x', '--ignore-not-found']), {stdout: '', stderr: 'No resources found\n', exitCode: 0});
});

test('TYPE/NAME, --all, -l and -n', t => {
	t.is(runDelete(withPolicies(), ['netpol/db-policy', 'pod/web']).stdout, 'networkpolicy.networking.k8s.io "db-policy" deleted\npod "web" deleted\n');
	t.is(runDelete(withPolicies(), ['netpol', '--all']).stdout, 'networkpolicy.networking.k8s.io "db-policy" deleted\nnetworkpolicy.networking.k8s.io "other" deleted\n');
	t.is(runDelete(smallCluster(), ['pods', '-l', 'app in (web,db)']).stdout, 'pod "web" deleted\npod "db" deleted\n');
	t.is(runDelete(smallCluster(), ['pod', 'tool', '-n', 'dev']).stdout, 'pod "tool" deleted\n');
	t.deepEqual(runDelete(smallCluster(), ['netpol', '--all']), {stdout: '', stderr: 'No resources found\n', exitCode: 0});
});

test('deleting a namespace deletes what is in it; default and kube-system may not be deleted', t => {
	const result = runDelete(smallCluster(), ['ns', 'dev']);
	t.is(result.stdout, 'namespace "dev" deleted\n');
	t.deepEqual(result.state!.objects.filter(object => kindOf(object) === 'Pod').map(object => metadataOf(object).name), ['web', 'api', 'db']);
	t.deepEqual(runDelete(smallCluster(), ['namespace', 'default']), {stdout: '', stderr: 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n', exitCode: 1});
});

test('--force --grace-period=0: kubectl\'s warning, "force deleted"', t => {
	t.deepEqual(runDelete(smallCluster(), ['pod', 'web', '--force', '--grace-period=0']).stderr, 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
	t.is(runDelete(smallCluster(), ['pod', 'web', '--force', '--grace-period', '0']).stdout, 'pod "web" force deleted\n');
});

test('kubectl\'s usage errors', t => {
	t.is(runDelete(smallCluster(), []).stderr, 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'\n');
	t.is(runDelete(smallCluster(), ['pods']).stderr, 'error: resource(s) were provided, but no name was specified\n');
	t.is(runDelete(smallCluster(), ['configmaps', 'x']).stderr, 'error: the server doesn\'t have a resource type "configmaps"\n');
});

test('kubectl delete -f FILE deletes the file\'s objects; again, NotFound naming the file', t => {
	const {folder, file} = stateFolder(withPolicies());
	writeIn(folder, 'db.json', JSON.stringify(dbPolicy()));
	t.deepEqual(kubectl(file, ['delete', '-f', 'db.json']), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io "db-policy" deleted\n', stderr: ''});
	t.deepEqual(kubectl(file, ['delete', '-f', 'db.json']), {exitCode: 1, stdout: '', stderr: 'Error from server (NotFound): error when deleting "db.json": networkpolicies.networking.k8s.io "db-policy" not found\n'});
	t.deepEqual(kubectl(file, ['delete', 'netpol', 'other']), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io "other" deleted\n', stderr: ''});
});
