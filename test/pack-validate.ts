// pack validate's checks, one problem class per fixture challenge (test/fixtures/packs/problems),
// asserted with their exact wording, file and line.
import path from 'node:path';
import test from 'ava';
import type {CommandIo} from '../source/commands/io.js';
import {runPackValidate, validatePack} from '../source/commands/pack-validate.js';
import {loadPack} from '../source/commands/load-content.js';
import {checkChallenges} from '../source/grading/check-pack.js';
import {packReport} from '../source/format/pack-report.js';

const packs = path.resolve(import.meta.dirname, '../../test/fixtures/packs');

function capture(): {io: CommandIo; stdout: () => string} {
	let stdout = '';
	return {io: {stdout: text => { stdout += text; }, stderr: () => undefined, isColor: false}, stdout: () => stdout};
}

// Problems as `severity: file:line: message`, files relative to the pack.
function problemsOf(pack: string): string[] {
	const directory = path.join(packs, pack);
	return validatePack(directory).problems.map(problem => `${problem.severity}: ${path.relative(directory, problem.file)}:${problem.line ?? ''}: ${problem.message}`);
}

test('every problem class is reported with its file, line and wording', t => {
	t.deepEqual(problemsOf('problems'), [
		'error: no-hints/challenge.yaml:8: hints[0]: is empty. Give a hint, or remove the entry.',
		'error: unknown-field/challenge.yaml:12: unknown field "dificulty"',
		'error: empty-passes/cases.yaml:: the empty submission passes every case: add a case that only a right answer gets right',
		'warning: extra-policy/solution.yaml:: NetworkPolicy default/web-policy is not in challenge.yaml\'s policies, so grading does not ask for it; list it there if the task does',
		'warning: inert-case/cases.yaml:10: flows[7]: other/client -> other/server TCP 80 teaches nothing: every answer gets it right (the empty one, and ones that allow or deny everything wherever the task\'s and the cluster\'s policies are)',
		'error: missing-policy/challenge.yaml:11: policies[1]: solution.yaml has no NetworkPolicy default/api-policy, which the task asks for',
		'error: solution-fails/cases.yaml:3: flows[1]: the reference solution fails this case: default/web -> default/db TCP 5432 should be allowed, and solution.yaml denies it (NetworkPolicy \'default/db-policy\' selects default/db for ingress, and no rule allows from default/web on 5432/TCP)',
		'error: starter-passes/starter.yaml:: the starter already passes: it must leave the learner something to do',
	]);
});

test('a clean pack: no problems, every mutant refused, what the reference allows, exit 0 and one closing line', t => {
	const {io, stdout} = capture();
	t.is(runPackValidate({directory: path.join(packs, 'clean'), isStrict: true}, io), 0);
	t.is(stdout(), 'db-policy: 7 cases; the proof refuses 15 of 15 near-miss mutants; the cases alone catch 14\n  allows: ingress of default/db (+ 1 probe pod): TCP 5432 from default/api (+ 1 probe pod)\nPack OK: 1 challenge, 7 cases; every near-miss mutant refused.\n');
});

test('problems found: exit 1; warnings alone: exit 0, and 1 with --strict', t => {
	t.is(runPackValidate({directory: path.join(packs, 'problems'), isStrict: false}, capture().io), 1);
	t.is(runPackValidate({directory: path.join(packs, 'warnings'), isStrict: false}, capture().io), 0);
	t.is(runPackValidate({directory: path.join(packs, 'warnings'), isStrict: true}, capture().io), 1);
	t.is(runPackValidate({directory: path.join(packs, 'weak'), isStrict: false}, capture().io), 0);
	t.is(runPackValidate({directory: path.join(packs, 'weak'), isStrict: true}, capture().io), 1);
});

test('the report says what the reference allows, and names the survivors under their challenge', t => {
	const report = packReport(validatePack(path.join(packs, 'weak')));
	t.is(report, [
		'db-policy: 2 cases; the proof refuses 14 of 15 near-miss mutants; the cases alone catch 7',
		'  allows: ingress of default/db (+ 3 probe pods): TCP 5432 from default/api (+ 2 probe pods)',
		'  survivor: db-policy: podSelector tier=data broadened to tier Exists (accepted only because probes label-value-changed are off)',
		'Pack weak: 1 challenge, 2 cases; 1 surviving mutant (confirm the task leaves them open, or turn those probes back on).',
		'',
	].join('\n'));
});

test('mutants are not counted for a challenge whose solution fails its own cases', t => {
	const report = packReport(validatePack(path.join(packs, 'problems')));
	t.true(report.includes('\nsolution-fails: 7 cases; near-miss mutants not checked until the reference solution passes\n'));
});

test('challenge ids are unique within a pack', t => {
	const {challenges} = loadPack(path.join(packs, 'clean'));
	const findings = checkChallenges([challenges[0]!, challenges[0]!]);
	t.deepEqual(findings.filter(finding => finding.message.includes('used twice')), [
		{severity: 'error', challenge: 'db-policy', file: 'challenge.yaml', message: 'challenge id "db-policy" is used twice; ids are unique within a pack'},
	]);
});

test('a pack without a challenge folder has a problem', t => {
	t.deepEqual(problemsOf('no-challenges'), ['error: :: has no challenges: add one folder per challenge (netpol-dojo pack init shows one)']);
});
