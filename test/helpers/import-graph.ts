// The import graph of source/, for test/architecture.ts: which file imports which, read from
// the text (static, dynamic and re-exports, type imports included), and the rules it must keep.
import {isBuiltin} from 'node:module';
import path from 'node:path';

export type SourceFile = {readonly path: string; readonly text: string};

/**
The folders of source/, lowest first, each with what it may import. A folder may always import
its own files; the top-level files (`cli.ts`) may import anything.
*/
export const layers: Readonly<Record<string, readonly string[]>> = {
	model: [],
	kube: ['model'],
	evaluator: ['model', 'kube'],
	grading: ['model', 'kube', 'evaluator'],
	format: ['model', 'kube', 'evaluator', 'grading'],
	content: ['model', 'kube'],
	progress: ['model', 'content'],
	tui: ['model', 'kube', 'evaluator', 'grading', 'format', 'progress'],
	kubectl: ['model', 'kube', 'evaluator', 'grading', 'format', 'content'],
	commands: ['model', 'kube', 'evaluator', 'grading', 'format', 'content', 'progress', 'tui', 'kubectl'],
	cli: ['model', 'kube', 'evaluator', 'grading', 'format', 'content', 'progress', 'commands'],
};

/**
The rooms of tui/: state (reducers, no React), widgets, screens (props in, JSX out), and the app
that joins them to services. Screens and widgets show what state and services computed: they
call neither the evaluator nor grading.
*/
const tuiRooms: Readonly<Record<string, readonly string[]>> = {
	state: ['state'],
	widgets: ['widgets'],
	screens: ['screens', 'widgets', 'state'],
};

const computingLayers = new Set(['evaluator', 'grading']);

/** Folders other folders enter by one file only: the evaluator's public face. */
const doors: Readonly<Record<string, string>> = {evaluator: 'source/evaluator/index.ts'};

/** Folders whose files must be pure: no node:, yaml, React or ink. */
const pureFolders = ['source/model/', 'source/kube/', 'source/evaluator/', 'source/grading/', 'source/format/', 'source/tui/state/'];
const pureFiles = new Set(['source/progress/model.ts', 'source/progress/challenge-model.ts', 'source/progress/saved-exam.ts']);
const sideEffectSpecifier = /^(?:node:|yaml$|react|ink)/;

// The files of tui/ outside its rooms: the app, the services it declares, and the views it builds for screens.
const tuiRootFiles = new Set(['source/tui/app.tsx', 'source/tui/services.ts', 'source/tui/screen-views.tsx']);

type Import = {readonly specifier: string; readonly isTypeOnly: boolean};

function importsOf(text: string): Import[] {
	const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
	return [...text.matchAll(pattern)].map(match => ({specifier: match[3] ?? match[4]!, isTypeOnly: match[2] !== undefined}));
}

/** Each file's imports of other files of source/, resolved to their paths. */
export function importGraph(files: readonly SourceFile[]): Map<string, Array<{target: string; isTypeOnly: boolean}>> {
	const known = new Set(files.map(file => file.path));
	const graph = new Map<string, Array<{target: string; isTypeOnly: boolean}>>();
	for (const file of files) {
		const edges = importsOf(file.text)
			.filter(entry => entry.specifier.startsWith('.'))
			.map(entry => {
				const base = path.posix.join(path.posix.dirname(file.path), entry.specifier).replace(/\.js$/, '');
				const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(candidate => known.has(candidate));
				return target === undefined ? undefined : {target, isTypeOnly: entry.isTypeOnly};
			})
			.filter(edge => edge !== undefined);
		graph.set(file.path, edges);
	}

	return graph;
}

function folderOf(file: string): string | undefined {
	const parts = file.split('/');
	return parts.length > 2 ? parts[1] : undefined;
}

function tuiRoomOf(file: string): string | undefined {
	const parts = file.split('/');
	return parts[1] === 'tui' && parts.length > 3 ? parts[2] : undefined;
}

/** Every import that points up or sideways, worded `a imports b: folder/ may import ...`. */
export function importsAgainstLayers(files: readonly SourceFile[]): string[] {
	const offending: string[] = [];
	for (const [file, edges] of importGraph(files)) {
		const folder = folderOf(file);
		if (folder === undefined) {
			continue;
		}

		const fileRoom = tuiRoomOf(file);
		if (folder === 'tui' && (fileRoom === undefined ? !tuiRootFiles.has(file) : !(fileRoom in tuiRooms))) {
			offending.push(`${file} is in no room of tui/: put it in tui/${Object.keys(tuiRooms).join('/, tui/')}/`);
		}

		const allowed = layers[folder] ?? [];
		for (const {target, isTypeOnly} of edges) {
			const targetFolder = folderOf(target);
			if (targetFolder !== folder && !allowed.includes(targetFolder ?? '')) {
				offending.push(`${file} imports ${target}: ${folder}/ may import ${allowed.length === 0 ? 'nothing of ours' : allowed.map(name => `${name}/`).join(', ')}`);
				continue;
			}

			const door = doors[targetFolder ?? ''];
			if (targetFolder !== folder && door !== undefined && target !== door) {
				offending.push(`${file} imports ${target}: other folders use ${targetFolder}/ through ${door}`);
			}

			const room = tuiRoomOf(file);
			const targetRoom = tuiRoomOf(target);
			if (room !== undefined && room in tuiRooms) {
				if (targetFolder === 'tui' && !tuiRooms[room]!.includes(targetRoom ?? '')) {
					offending.push(`${file} imports ${target}: tui/${room}/ may import tui/${tuiRooms[room]!.join('/, tui/')}/`);
				} else if (room !== 'state' && !isTypeOnly && computingLayers.has(targetFolder ?? '')) {
					offending.push(`${file} imports ${target}: tui/${room}/ shows what state and services computed, and calls neither evaluator/ nor grading/`);
				}
			}
		}
	}

	return offending;
}

/** Every cycle of imports, each once, written from its first file in sorted order. */
export function importCycles(files: readonly SourceFile[]): string[] {
	const graph = importGraph(files);
	const cycles: string[] = [];
	const done = new Set<string>();
	const onPath: string[] = [];
	const visit = (file: string): void => {
		const index = onPath.indexOf(file);
		if (index !== -1) {
			const cycle = onPath.slice(index);
			const start = cycle.indexOf([...cycle].sort()[0]!);
			const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
			cycles.push([...rotated, rotated[0]].join(' -> '));
			return;
		}

		if (done.has(file)) {
			return;
		}

		onPath.push(file);
		for (const {target} of graph.get(file) ?? []) {
			visit(target);
		}

		onPath.pop();
		done.add(file);
	};

	for (const file of [...graph.keys()].sort()) {
		visit(file);
	}

	return [...new Set(cycles)];
}

/** Every import of node:, yaml, React or ink from a pure folder or file. */
export function sideEffectImports(files: readonly SourceFile[]): string[] {
	return files
		.filter(file => pureFiles.has(file.path) || pureFolders.some(folder => file.path.startsWith(folder)))
		.flatMap(file => importsOf(file.text)
			.filter(entry => sideEffectSpecifier.test(entry.specifier) || isBuiltin(entry.specifier))
			.map(entry => `${file.path} imports ${entry.specifier}`));
}
