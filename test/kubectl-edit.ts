// kubectl edit on the dojo cluster: the file kubectl writes, the save applied, no change
// cancelled, an invalid change reopened with its reasons and then the file kept, an undecodable
// one kept with the replace hint; pure with a fake editor, then end to end with $KUBE_EDITOR.
import {existsSync, readFileSync, rmSync} from 'node:fs';
import test from 'ava';
import {writeObjects} from '../source/kubectl/apply.js';
import {type EditSession, editObject} from '../source/kubectl/edit.js';
import {type ClusterState, findObject} from '../source/kubectl/state.js';
import {documentsOf} from '../source/content/documents.js';
import {dbPolicy, kubectl, kubectlMain, smallCluster, stateFolder, writeIn} from './helpers/kubectl-cluster.js';
import {stringify} from 'yaml';

const withPolicy = (): ClusterState => writeObjects(smallCluster(), [{source: 'f.yaml', value: dbPolicy()}], {verb: 'apply'}).state!;

/** A session whose editor changes the file's text with `edits[round]` (the last one from then on). */
function fakeSession(edits: ReadonlyArray<(text: string) => string>): EditSession & {readonly files: Map<string, string>; readonly seen: string[]} {
	const files = new Map<string, string>();
	const seen: string[] = [];
	let round = 0;
	return {
		files,
		seen,
		createFile(text) {
			files.set('/tmp/kubectl-edit-1.yaml', text);
			return '/tmp/kubectl-edit-1.yaml';
		},
		writeFile: (file, text) => files.set(file, text),
		readFile: file => files.get(file)!,
		removeFile: file => files.delete(file),
		runEditor(file) {
			seen.push(files.get(file)!);
			files.set(file, edits[Math.min(round++, edits.length - 1)]!(files.get(file)!));
			return undefined;
		},
		yamlText: value => stringify(value, {indentSeq: false, lineWidth: 0, version: '1.1'}),
		readYaml: (text, file) => ({values: documentsOf(text, file).map(document => document.value)}),
	};
}

const policyOf = (state: ClusterState) => findObject(state, 'NetworkPolicy', 'default', 'db-policy')!;
const toPort = (port: string) => (text: string) => text.replace('port: 3306', `port: ${port}`);

test('the file is kubectl\'s: its header, then the object with its keys in order', t => {
	const session = fakeSession([text => text]);
	editObject(withPolicy(), policyOf(withPolicy()), session);
	t.is(session.seen[0], `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-policy
  namespace: default
spec:
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: api
    ports:
    - port: 3306
  podSelector:
    matchLabels:
      app: db
`);
});

test('a saved change is applied: "edited", and the file removed', t => {
	const session = fakeSession([toPort('5432')]);
	const result = editObject(withPolicy(), policyOf(withPolicy()), session);
	t.deepEqual([result.exitCode, result.stdout, result.stderr], [0, 'networkpolicy.networking.k8s.io/db-policy edited\n', '']);
	t.deepEqual((policyOf(result.state!)['spec'] as {ingress: Array<{ports: unknown}>}).ingress[0]!.ports, [{port: 5432}]);
	t.is(session.files.size, 0);
});

test('no change, or only comments changed: "Edit cancelled, no changes made."; an emptied file cancels too', t => {
	t.deepEqual(editObject(withPolicy(), policyOf(withPolicy()), fakeSession([text => `${text}# a note\n`])), {stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0});
	t.deepEqual(editObject(withPolicy(), policyOf(withPolicy()), fakeSession([() => '# nothing\n'])), {stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0});
});

test('an invalid change reopens the file with the reasons; saved unchanged, edit gives up and keeps the file', t => {
	const session = fakeSession([toPort('70000'), text => text]);
	const result = editObject(withPolicy(), policyOf(withPolicy()), session);
	t.deepEqual(result, {stdout: '', stderr: 'error: networkpolicies.networking.k8s.io "db-policy" is invalid\nA copy of your changes has been stored to "/tmp/kubectl-edit-1.yaml"\nerror: Edit cancelled, no valid changes were saved.\n', exitCode: 1});
	t.true(session.seen[1]!.startsWith(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
# networkpolicies.networking.k8s.io "db-policy" was not valid:
# * spec.ingress[0].ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive
#
apiVersion: networking.k8s.io/v1
`));
	t.regex(session.files.get('/tmp/kubectl-edit-1.yaml')!, /port: 70000/);
});

test('an invalid change fixed in the reopened file is applied', t => {
	const result = editObject(withPolicy(), policyOf(withPolicy()), fakeSession([toPort('70000'), text => text.replace('port: 70000', 'port: 5432')]));
	t.deepEqual([result.exitCode, result.stdout, result.stderr], [0, 'networkpolicy.networking.k8s.io/db-policy edited\n', 'error: networkpolicies.networking.k8s.io "db-policy" is invalid\n']);
});

test('an unknown field cannot be patched: the file is kept and replace is suggested', t => {
	const result = editObject(withPolicy(), policyOf(withPolicy()), fakeSession([text => text.replace('  ingress:', '  ingres:')]));
	t.deepEqual(result, {stdout: '', stderr: 'error: networkpolicies.networking.k8s.io "db-policy" could not be patched: NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingres"\nYou can run `kubectl replace -f /tmp/kubectl-edit-1.yaml` to try this update again.\n', exitCode: 1});
});

test('a changed name is refused, the file kept', t => {
	const result = editObject(withPolicy(), policyOf(withPolicy()), fakeSession([text => text.replace('name: db-policy', 'name: other')]));
	t.deepEqual(result, {stdout: '', stderr: 'A copy of your changes has been stored to "/tmp/kubectl-edit-1.yaml"\nerror: At least one of apiVersion, kind and name was changed\n', exitCode: 1});
});

// End to end, with $KUBE_EDITOR a script.

test('kubectl edit netpol NAME with $KUBE_EDITOR: applied, then the same edit gives "no changes made"', t => {
	const {folder, file} = stateFolder(withPolicy());
	writeIn(folder, 'editor.sh', 'sed -i "s/port: 3306/port: 5432/" "$1"\n');
	const env = {KUBE_EDITOR: `sh ${folder}/editor.sh`, EDITOR: 'false'};
	t.deepEqual(kubectl(file, ['edit', 'netpol', 'db-policy'], {env}), {exitCode: 0, stdout: 'networkpolicy.networking.k8s.io/db-policy edited\n', stderr: ''});
	t.regex(kubectl(file, ['get', 'netpol', 'db-policy', '-o', 'json']).stdout, /"port": 5432/);
	t.deepEqual(kubectl(file, ['edit', 'networkpolicy/db-policy'], {env}), {exitCode: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n'});
});

test('kubectl edit refused: exit 1, the error, and the file kept where it says', t => {
	const {folder, file} = stateFolder(withPolicy());
	writeIn(folder, 'editor.sh', 'grep -q "was not valid" "$1" || sed -i "s/port: 3306/port: 70000/" "$1"\n');
	const result = kubectl(file, ['edit', 'netpol', 'db-policy'], {env: {EDITOR: `sh ${folder}/editor.sh`}});
	t.is(result.exitCode, 1);
	const kept = /A copy of your changes has been stored to "([^"]+)"/.exec(result.stderr)?.[1];
	t.truthy(kept);
	t.is(result.stderr, `error: networkpolicies.networking.k8s.io "db-policy" is invalid\nA copy of your changes has been stored to "${kept!}"\nerror: Edit cancelled, no valid changes were saved.\n`);
	t.true(existsSync(kept!));
	t.regex(readFileSync(kept!, 'utf8'), /port: 70000/);
	rmSync(kept!);
	t.regex(kubectl(file, ['get', 'netpol', 'db-policy', '-o', 'json']).stdout, /"port": 3306/);
	t.deepEqual(kubectl(file, ['edit', 'netpol', 'nope']), {exitCode: 1, stdout: '', stderr: 'Error from server (NotFound): networkpolicies.networking.k8s.io "nope" not found\n'});
});

test('kubectl edit holds no lock while the editor is open: another kubectl runs meanwhile, and edit then refuses to overwrite its change', t => {
	const {folder, file} = stateFolder(withPolicy());
	writeIn(folder, 'editor.sh', `"${process.execPath}" "${kubectlMain}" label netpol db-policy touched=yes > "${folder}/inner.txt" 2>&1\nsed -i "s/port: 3306/port: 5432/" "$1"\n`);
	const result = kubectl(file, ['edit', 'netpol', 'db-policy'], {env: {EDITOR: `sh ${folder}/editor.sh`}});
	t.is(readFileSync(`${folder}/inner.txt`, 'utf8'), 'networkpolicy.networking.k8s.io/db-policy labeled\n');
	const kept = /replace -f (\S+)`/.exec(result.stderr)?.[1];
	t.deepEqual(result, {exitCode: 1, stdout: '', stderr: `error: networkpolicies.networking.k8s.io "db-policy" could not be patched: Operation cannot be fulfilled on networkpolicies.networking.k8s.io "db-policy": the object has been modified; please apply your changes to the latest version and try again\nYou can run \`kubectl replace -f ${kept!}\` to try this update again.\n`});
	const now = kubectl(file, ['get', 'netpol', 'db-policy', '-o', 'json']).stdout;
	t.regex(now, /"touched": "yes"/);
	t.regex(now, /"port": 3306/);
	rmSync(kept!);
});

test('kubectl edit of an object deleted while the editor was open keeps the edits, in kubectl\'s words', t => {
	const {folder, file} = stateFolder(withPolicy());
	writeIn(folder, 'editor.sh', `"${process.execPath}" "${kubectlMain}" delete netpol db-policy > /dev/null\nsed -i "s/port: 3306/port: 5432/" "$1"\n`);
	const result = kubectl(file, ['edit', 'netpol', 'db-policy'], {env: {EDITOR: `sh ${folder}/editor.sh`}});
	const kept = /saved to "([^"]+)"/.exec(result.stderr)?.[1];
	t.deepEqual(result, {exitCode: 1, stdout: '', stderr: `error: networkpolicies.networking.k8s.io "db-policy" could not be found on the server\nThe edits you made on deleted resources have been saved to "${kept!}"\n`});
	t.regex(readFileSync(kept!, 'utf8'), /port: 5432/);
	rmSync(kept!);
});
