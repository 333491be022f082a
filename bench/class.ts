// Grading a class in one process (issue 12): 100 learners x the built-in challenges with
// `grade --class`, against one learner with `grade --submissions`. The learners' folders are made
// from the test corpus of right and wrong answers (test/fixtures/challenge-answers), a seeded mix,
// so that the class hands in what a real one does: many of the same answers, some mistakes,
// a few challenges not handed in.
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {gradeLearner, loadGradingPack} from '../source/commands/grade-class.js';
import type {CommandIo} from '../source/commands/io.js';
import {sharedGrader} from '../source/commands/shared-grades.js';
import {grade} from '../source/grading/grade.js';

const learnerCount = 100;
/** Out of 100: a right answer, a wrong one, or nothing handed in. */
const shares = {right: 60, wrong: 35};
const target = 8;

type ClassFolder = {readonly directory: string; readonly learners: readonly string[]; readonly challenges: number; readonly files: number; readonly distinct: number};

// mulberry32: a small seeded generator, so that every run grades the same class.
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6D_2B_79_F5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Writes the class: `learner-NNN/<challenge-id>.yaml`, each a right or a wrong answer from the corpus, or none. */
export function makeClass(root: string, directory: string): ClassFolder {
	const answers = path.join(root, 'test', 'fixtures', 'challenge-answers');
	const challenges = readdirSync(path.join(answers, 'right')).sort();
	const random = seeded(12);
	const learners: string[] = [];
	const used = new Set<string>();
	let files = 0;
	for (let index = 0; index < learnerCount; index++) {
		const learner = `learner-${String(index).padStart(3, '0')}`;
		mkdirSync(path.join(directory, learner), {recursive: true});
		learners.push(learner);
		for (const challenge of challenges) {
			const roll = random() * 100;
			const kind = roll < shares.right ? 'right' : roll < shares.right + shares.wrong ? 'wrong' : undefined;
			if (kind === undefined) {
				continue;
			}

			const folder = path.join(answers, kind, challenge);
			const choices = readdirSync(folder).sort();
			const answer = path.join(folder, choices[Math.floor(random() * choices.length)]!);
			copyFileSync(answer, path.join(directory, learner, `${challenge}.yaml`));
			used.add(answer);
			files++;
		}
	}

	return {directory, learners, challenges: challenges.length, files, distinct: used.size};
}

type Run = {readonly ms: number; readonly status: number | null};

function runGrade(cli: string, root: string, args: readonly string[], devNull: number): Run {
	const started = performance.now();
	const result = spawnSync(process.execPath, [cli, 'grade', '--pack', path.join(root, 'challenges'), ...args], {cwd: root, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8'});
	const ms = performance.now() - started;
	if (result.error) {
		throw result.error;
	}

	// 0 every challenge passed, 1 some did not; 2 is the tool refusing the bench's input.
	if (result.status !== 0 && result.status !== 1) {
		throw new Error(`netpol-dojo grade ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(0, 4000)}`);
	}

	return {ms, status: result.status};
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// In process, once each: the class graded with every submission proved on its own, and with
// equal submissions sharing one grade, as --class does. The grades must be the same.
function sharingCheck(root: string, made: ClassFolder): void {
	const quiet: CommandIo = {stdout: () => undefined, stderr: () => undefined, isColor: false};
	const {challenges} = loadGradingPack(path.join(root, 'challenges'), quiet);
	const gradeAll = (grader: typeof grade) => {
		const started = performance.now();
		const results = made.learners.map(learner => gradeLearner(challenges, path.join(made.directory, learner), {grader}, quiet).results);
		return {ms: performance.now() - started, results};
	};

	const alone = gradeAll(grade);
	const shared = gradeAll(sharedGrader());
	const isSame = isDeepStrictEqual(alone.results, shared.results);
	console.log(`  ${'in process: each submission proved on its own'.padEnd(50)} ${`${alone.ms.toFixed(0)} ms`.padStart(10)}  one run`);
	console.log(`  ${'in process: equal submissions share a grade'.padEnd(50)} ${`${shared.ms.toFixed(0)} ms`.padStart(10)}  one run; ${isSame ? 'the same grades' : 'DIFFERENT GRADES: a bug in sharing'}`);
	if (!isSame) {
		throw new Error('grading with shared grades differs from grading each submission alone');
	}
}

/** Times `grade --class` of the whole class against `grade --submissions` of its first learner, interleaved; prints the ratio and the target. */
export function measureClassGrading(cli: string, root: string): {readonly ratio: number; readonly classMs: number; readonly learnerMs: number} {
	const directory = mkdtempSync(path.join(tmpdir(), 'netpol-dojo-bench-class-'));
	const devNull = openSync('/dev/null', 'w');
	try {
		const made = makeClass(root, directory);
		console.log(`\n== Grading a class: grade --class (${made.learners.length} learners x ${made.challenges} challenges) vs grade --submissions (one learner)`);
		console.log(`  ${made.files} files handed in (${shares.right}% right, ${shares.wrong}% wrong, the rest not handed in), from ${made.distinct} distinct answers of test/fixtures/challenge-answers`);
		const one = path.join(directory, made.learners[0]!);
		const runs = {learner: [] as number[], whole: [] as number[]};
		for (let round = 0; round < 3; round++) {
			runs.learner.push(runGrade(cli, root, ['--submissions', one], devNull).ms);
			runs.whole.push(runGrade(cli, root, ['--class', directory, '--junit', path.join(directory, '.reports')], devNull).ms);
		}

		const [learnerMs, classMs] = [median(runs.learner), median(runs.whole)];
		const ratio = classMs / learnerMs;
		const show = (list: readonly number[]) => `median of ${list.length}: ${list.map(value => value.toFixed(0)).join(', ')}`;
		console.log(`  ${'grade --submissions, one learner'.padEnd(50)} ${`${learnerMs.toFixed(0)} ms`.padStart(10)}  ${show(runs.learner)}`);
		console.log(`  ${`grade --class, ${made.learners.length} learners, JUnit files written`.padEnd(50)} ${`${classMs.toFixed(0)} ms`.padStart(10)}  ${show(runs.whole)}`);
		console.log(`  ${'class / one learner'.padEnd(50)} ${`${ratio.toFixed(2)}x`.padStart(10)}  (${(classMs / made.learners.length).toFixed(0)} ms a learner in the class run)`);
		sharingCheck(root, made);
		console.log(`  ${ratio <= target ? 'PASS' : 'FAIL'}  ${`${made.learners.length} learners with --class <= ${target}x one learner with --submissions`.padEnd(55)} ${ratio.toFixed(2)}x`);
		return {ratio, classMs, learnerMs};
	} finally {
		closeSync(devNull);
		rmSync(directory, {recursive: true, force: true});
	}
}
