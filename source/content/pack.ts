// Loading a challenge pack (CONTRACT.md, "Challenge packs"): pack.yaml, then one folder per
// challenge. Every file is checked; a broken challenge is reported by file and line and left
// out, and the rest of the pack still loads. A pack is data only: nothing in it runs, files
// are read only from inside its folder, and its text is cleaned of control sequences.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {formatFieldPath, type Issue} from '../kube/issue.js';
import {type Schema, checkSchema} from '../kube/schema.js';
import {asRecord, listAt} from '../kube/values.js';
import {dns1123LabelErrors, dns1123SubdomainErrors} from '../kube/names.js';
import {type FlowsCheck, placedFlowProblem} from '../model/flow-spec.js';
import {type Challenge, type Difficulty, type PackInfo, type RequiredPolicy, probeFamilies} from '../model/challenge.js';
import {loadClusterSources} from './cluster-files.js';
import {type FlowsFile, flowsOfDocuments} from './flows-file.js';
import {InputError, moreProblemsLine, type Problem} from '../model/input-error.js';
import {locateIssue} from './locate-issue.js';
import {checkPackFolder, idLengthProblem, packDocumentsOf, packFile, packIdPattern, readPackDocuments} from './pack-files.js';
import {readText} from './read-text.js';
import {quoteValue, stripControlSequences} from '../model/sanitize.js';
import {type SourceDocument, unplaced} from './yaml-document.js';

const text: Schema = {type: 'string'};
const packSchema: Schema = {type: 'object', fields: {id: text, title: text, version: text, author: text, description: text}};
const challengeSchema: Schema = {
	type: 'object',
	fields: {
		title: text,
		difficulty: text,
		topics: {type: 'list', items: text},
		task: text,
		hints: {type: 'list', items: text},
		policies: {type: 'list', items: {type: 'object', fields: {name: text, namespace: text}}},
		minutes: {type: 'integer'},
		probesOff: {type: 'map', values: text},
		helperPolicies: {type: 'boolean'},
	},
};
const difficulties: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export type LoadedPack = {
	readonly pack: PackInfo;
	readonly challenges: readonly Challenge[];
	readonly problems: readonly Problem[];
};

const noPosition = unplaced(undefined);

function fieldProblem(path: ReadonlyArray<string | number>, message: string): Issue {
	return {path, message: `${formatFieldPath(path)}: ${message}`, severity: 'error'};
}

// One YAML document, checked against a schema; its problems located in the file.
function readChecked(file: string, schema: Schema): {value: Readonly<Record<string, unknown>>; document: SourceDocument; problems: Problem[]} {
	const documents = readPackDocuments(file);
	if (documents.length > 1) {
		throw new InputError([{file, message: `has ${documents.length} YAML documents; it holds exactly one`}]);
	}

	const [document = noPosition] = documents;
	const problems = checkSchema(document.value, schema).map(issue => locateIssue(file, document, [], issue));
	return {value: asRecord(document.value) ?? {}, document, problems};
}

// Every line break YAML 1.1 knows, and the ones editors break on.
const lineBreak = /[\n\v\f\r\u0085\u2028\u2029]/;

// Titles, topics, version and author are shown on one line, and the challenge's title and topics
// become comment lines atop the learner's file: a line break there would start a line of YAML
// that is not a comment, such as a live NetworkPolicy above the learner's own.
function multiLineProblems(value: Readonly<Record<string, unknown>>, fields: readonly string[]): Issue[] {
	return fields.flatMap(field => {
		const entries: Array<[ReadonlyArray<string | number>, unknown]> = Array.isArray(value[field])
			? (value[field] as unknown[]).map((entry, index) => [[field, index], entry])
			: [[[field], value[field]]];
		return entries.flatMap(([path, text]) => (typeof text === 'string' && lineBreak.test(text)
			? [fieldProblem(path, `Invalid value: ${quoteValue(text)}: must be a single line, with no line breaks`)]
			: []));
	});
}

/**
The pods a challenge's cluster may hold. Grading proves every pair of pods, probe pods included,
so its cost grows with their square: pack validate takes seconds at 100 pods, a minute and a
half at 200, and runs out of memory at 500. The built-in challenges hold seven at most.
*/
export const maxChallengePods = 100;

// What packIdPattern asks, in words.
const idWords = 'lowercase letters, digits and hyphens, starting and ending with a letter or digit';

const challengeFiles = 'a challenge has challenge.yaml, cluster.yaml, cases.yaml and solution.yaml';

/**
Reads a pack, its hidden cases checked by `checkEnds` (the evaluator's, given by the caller);
throws InputError only when the pack itself (its folder or pack.yaml) is unusable.
*/
export function readPack(directory: string, checkEnds: FlowsCheck): LoadedPack {
	checkPackFolder(directory);
	const pack = readPackInfo(packFile(directory, 'pack.yaml', 'a pack has pack.yaml (id, title, version, author, description) and one folder per challenge')!);
	const challenges: Challenge[] = [];
	const problems: Problem[] = [];
	for (const entry of readdirSync(directory, {withFileTypes: true}).sort((left, right) => left.name.localeCompare(right.name))) {
		const folder = path.join(directory, entry.name);
		if (entry.isSymbolicLink()) {
			problems.push({file: folder, message: 'is a symbolic link; a pack is read only from its own folder'});
			continue;
		}

		if (!entry.isDirectory() || entry.name.startsWith('.')) {
			continue;
		}

		try {
			challenges.push(loadChallenge(folder, entry.name, checkEnds));
		} catch (error) {
			if (!(error instanceof InputError)) {
				throw error;
			}

			problems.push(...error.problems, ...(error.omitted > 0 ? [{file: folder, message: moreProblemsLine(error.omitted)}] : []));
		}
	}

	const order = (challenge: Challenge) => difficulties.indexOf(challenge.difficulty);
	return {pack, challenges: challenges.sort((left, right) => order(left) - order(right)), problems};
}

function readPackInfo(file: string): PackInfo {
	const {value, document, problems} = readChecked(file, packSchema);
	for (const field of ['id', 'title', 'version', 'author', 'description']) {
		if (typeof value[field] !== 'string' || value[field] === '') {
			problems.push(locateIssue(file, document, [], fieldProblem([field], 'Required value')));
		}
	}

	problems.push(...multiLineProblems(value, ['title', 'version', 'author']).map(issue => locateIssue(file, document, [], issue)));
	if (typeof value['id'] === 'string' && value['id'] !== '' && !packIdPattern.test(value['id'])) {
		const reason = idLengthProblem(value['id']) ?? `a pack id is ${idWords}, such as cks-basics`;
		problems.push(locateIssue(file, document, [], fieldProblem(['id'], `Invalid value: ${JSON.stringify(value['id'])}: ${reason} (it names the pack's folder once added)`)));
	}

	if (problems.length > 0) {
		throw new InputError(problems);
	}

	const clean = (field: string) => stripControlSequences(value[field] as string);
	return {id: clean('id'), title: clean('title'), version: clean('version'), author: clean('author'), description: clean('description')};
}

// Every file of a challenge must be a plain file inside its folder.
function fileIn(folder: string, name: string, isOptional = false): string | undefined {
	return packFile(folder, name, challengeFiles, isOptional);
}

// Cluster objects from one pack file, under the pack's document limit.
function clusterIn(file: string, text = readText(file)): Challenge['cluster'] {
	return loadClusterSources([{file, documents: packDocumentsOf(text, file)}]).objects;
}

function loadChallenge(folder: string, id: string, checkEnds: FlowsCheck): Challenge {
	if (!packIdPattern.test(id)) {
		const reason = idLengthProblem(id) ?? `name the folder with ${idWords}`;
		throw new InputError([{file: folder, message: `${JSON.stringify(id)} is not a challenge id; ${reason}`}]);
	}

	const challengeFile = fileIn(folder, 'challenge.yaml')!;
	const {value, document, problems} = readChecked(challengeFile, challengeSchema);
	const at = (issue: Issue) => locateIssue(challengeFile, document, [], issue);
	for (const field of ['title', 'task']) {
		if (typeof value[field] !== 'string' || value[field].trim() === '') {
			problems.push(at(fieldProblem([field], 'Required value')));
		}
	}

	problems.push(...multiLineProblems(value, ['title', 'topics']).map(issue => at(issue)));
	if (!difficulties.includes(value['difficulty'] as Difficulty)) {
		problems.push(at(fieldProblem(['difficulty'], `Unsupported value: ${JSON.stringify(value['difficulty'] ?? null)}: supported values: "easy", "medium", "hard"`)));
	}

	const hints = listAt(value, 'hints');
	if (hints.length === 0) {
		problems.push(at(fieldProblem(['hints'], 'Required value: give at least one hint, gentlest first')));
	}

	for (const [index, hint] of hints.entries()) {
		if (typeof hint === 'string' && hint.trim() === '') {
			problems.push(at(fieldProblem(['hints', index], 'is empty. Give a hint, or remove the entry.')));
		}
	}

	// The exam weighs a task by its minutes and runs a clock of their sum.
	if (typeof value['minutes'] === 'number' && value['minutes'] < 1) {
		problems.push(at(fieldProblem(['minutes'], `Invalid value: ${value['minutes']}: must be at least 1 (the minutes a candidate should need)`)));
	}

	// A family turned off needs its reason: the task text must say what it leaves open.
	const probesOff = asRecord(value['probesOff']) ?? {};
	for (const [family, reason] of Object.entries(probesOff)) {
		if (!(probeFamilies as readonly string[]).includes(family)) {
			problems.push(at(fieldProblem(['probesOff', family], `Unsupported value: ${quoteValue(family)}: supported values: ${probeFamilies.map(name => `"${name}"`).join(', ')}`)));
		} else if (typeof reason === 'string' && reason.trim() === '') {
			problems.push(at(fieldProblem(['probesOff', family], 'Required value: say why the task leaves these probes open')));
		}
	}

	const policies = listAt(value, 'policies').map(entry => asRecord(entry) ?? {});

	// The names reach the screen, the learner's skeleton and the grade: they must be names a
	// NetworkPolicy can have, as the API server checks them.
	for (const [index, policy] of policies.entries()) {
		const checks: Array<[string, (text: string) => string[]]> = [['name', dns1123SubdomainErrors], ['namespace', dns1123LabelErrors]];
		for (const [field, errorsOf] of checks) {
			const text = policy[field];
			if (field === 'name' && typeof text !== 'string') {
				problems.push(at(fieldProblem(['policies', index, field], 'Required value')));
			} else if (typeof text === 'string') {
				const errors = errorsOf(text);
				if (errors.length > 0) {
					problems.push(at(fieldProblem(['policies', index, field], `Invalid value: ${quoteValue(text)}: ${errors.join('; ')}`)));
				}
			}
		}
	}

	if (problems.length > 0) {
		throw new InputError(problems);
	}

	const clusterFile = fileIn(folder, 'cluster.yaml')!;
	const cluster = clusterIn(clusterFile);
	if (cluster.pods.length > maxChallengePods) {
		throw new InputError([{file: clusterFile, message: `has ${cluster.pods.length} pods, more than the ${maxChallengePods} a challenge's cluster may hold (grading proves every pair of pods and probe pods; a teaching cluster needs a handful)`}]);
	}

	const solutionFile = fileIn(folder, 'solution.yaml')!;
	// Read once: parsed for grading, and kept as written to show beside the learner's answer.
	const solutionText = readText(solutionFile);
	const solutionObjects = clusterIn(solutionFile, solutionText);
	const solution = solutionObjects.policies;
	const solutionRelabelling = relabellingIn(solutionFile, solutionObjects, cluster);
	// A task asks for policies, or for labels only (kubectl label), which solution.yaml then sets.
	if (policies.length === 0 && !solutionRelabelling) {
		throw new InputError([at(fieldProblem(['policies'], 'Required value: name the policies the submission must create (or, for a task that asks only for labels, put the labelled Namespaces and Pods in solution.yaml)'))]);
	}

	const casesFile = fileIn(folder, 'cases.yaml')!;
	const cases = flowsOfDocuments(casesFile, readPackDocuments(casesFile));
	checkCases(cluster, cases, checkEnds);
	const starterFile = fileIn(folder, 'starter.yaml', true);
	const clean = (field: string) => stripControlSequences(value[field] as string);
	return {
		id,
		title: clean('title'),
		difficulty: value['difficulty'] as Difficulty,
		topics: listAt(value, 'topics').map(topic => stripControlSequences(String(topic))),
		task: clean('task'),
		hints: hints.map(hint => stripControlSequences(String(hint))),
		policies: policies.map((policy): RequiredPolicy => ({name: String(policy['name']), namespace: typeof policy['namespace'] === 'string' ? policy['namespace'] : 'default'})),
		...(typeof value['minutes'] === 'number' ? {minutes: value['minutes']} : {}),
		...(value['helperPolicies'] === false ? {helperPolicies: false} : {}),
		...(Object.keys(probesOff).length > 0 ? {probesOff: Object.fromEntries(Object.entries(probesOff).map(([family, reason]) => [family, stripControlSequences(String(reason))]))} : {}),
		cluster,
		cases: cases.flows,
		solution,
		...(solutionRelabelling ? {solutionRelabelling} : {}),
		// Shown beside the learner's file after a pass, the author's comments kept.
		solutionText: stripControlSequences(solutionText),
		...(starterFile ? {starter: stripControlSequences(readText(starterFile))} : {}),
		source: {
			folder,
			caseLine: index => cases.locate(index, 'from').line,
			policyLine: index => document.locate(['policies', index]).line,
		},
	};
}

// Namespaces and Pods in solution.yaml set labels the task asks for (kubectl label): they may
// only name objects of cluster.yaml, whose labels they replace; the learner cannot create pods.
function relabellingIn(file: string, objects: Challenge['cluster'], cluster: Challenge['cluster']): Challenge['solutionRelabelling'] {
	const problems: Problem[] = [];
	const namespaceNames = new Set(cluster.namespaces.map(namespace => namespace.name));
	const podNames = new Set(cluster.pods.map(pod => `${pod.namespace}/${pod.name}`));
	for (const namespace of objects.namespaces.filter(candidate => !namespaceNames.has(candidate.name))) {
		problems.push({file, message: `Namespace ${quoteValue(namespace.name)} is not a Namespace object of cluster.yaml; a solution may relabel the cluster's namespaces, not add new ones`});
	}

	for (const pod of objects.pods.filter(candidate => !podNames.has(`${candidate.namespace}/${candidate.name}`))) {
		problems.push({file, message: `Pod ${quoteValue(`${pod.namespace}/${pod.name}`)} is not a pod of cluster.yaml; a solution may relabel the cluster's pods, not add new ones`});
	}

	if (problems.length > 0) {
		throw new InputError(problems);
	}

	return objects.namespaces.length + objects.pods.length === 0 ? undefined : {namespaces: objects.namespaces, pods: objects.pods};
}

// Every case has an expectation and is one pod-to-pod flow of the cluster, so grading can always decide it.
function checkCases(cluster: Challenge['cluster'], cases: FlowsFile, checkEnds: FlowsCheck): void {
	const flowProblems = checkEnds(cluster, cases.flows, 'cluster.yaml');
	const problems: Problem[] = [];
	for (const [index, flow] of cases.flows.entries()) {
		if (flow.expect === undefined) {
			problems.push({...cases.locate(index, 'from'), message: `flows[${index}]: Required value: expect (allow or deny); every hidden case needs one`});
		}

		problems.push(...flowProblems[index]!.map(problem => placedFlowProblem(problem, index, cases.locate)));
	}

	if (problems.length > 0) {
		throw new InputError(problems);
	}
}
