// The JUnit report: well-formed XML 1.0 whatever the feedback holds, with the right counts.
import test from 'ava';
import {junitXml, xmlSafe} from '../source/format/junit.js';
import {parseXml} from './helpers/xml.js';

const hostile = 'a <b> & "c" \'d\'\n\tline two\r\u0000\u0007\u001B[31m\uFFFE\uD800 end ✗';

test('a report with passed and failed cases parses, and counts them', t => {
	const xml = junitXml({name: 'netpol-dojo demo', cases: [
		{name: 'one', className: 'demo'},
		{name: 'two', className: 'demo', failure: {type: 'not-passed', message: 'two: not passed, 1 of 2 cases (50%).\n  ✗ a -> b TCP 80 should be denied'}},
		{name: 'three', className: 'demo', failure: {type: 'no-submission', message: 'three: not passed, no submission'}},
	]});
	const suite = parseXml(xml);
	t.is(suite.name, 'testsuite');
	t.like(suite.attributes, {name: 'netpol-dojo demo', tests: '3', failures: '2', errors: '0', skipped: '0'});
	t.deepEqual(suite.children.map(testCase => [testCase.attributes['name'], testCase.attributes['classname'], testCase.children.length]), [['one', 'demo', 0], ['two', 'demo', 1], ['three', 'demo', 1]]);
	const failure = suite.children[1]!.children[0]!;
	t.like(failure.attributes, {type: 'not-passed', message: 'two: not passed, 1 of 2 cases (50%).\n  ✗ a -> b TCP 80 should be denied'});
	t.is(failure.text, failure.attributes['message'] ?? '');
});

test('every text is escaped, and characters XML 1.0 cannot hold are dropped', t => {
	const xml = junitXml({name: hostile, cases: [{name: hostile, className: hostile, failure: {type: hostile, message: hostile}}]});
	const suite = parseXml(xml);
	const kept = 'a <b> & "c" \'d\'\n\tline two\r[31m end ✗';
	t.is(suite.attributes['name'], kept);
	t.is(suite.children[0]!.attributes['name'], kept);
	t.is(suite.children[0]!.children[0]!.attributes['message'], kept);
	t.is(suite.children[0]!.children[0]!.text, kept);
});

test('xmlSafe keeps tabs, line breaks, non-ASCII text and surrogate pairs', t => {
	t.is(xmlSafe('a\tb\nc\r é 日本 😀'), 'a\tb\nc\r é 日本 😀');
	t.is(xmlSafe('\u0001x\u001F\uDC00'), 'x');
});

test('an empty suite is still a report', t => {
	t.like(parseXml(junitXml({name: 'none', cases: []})).attributes, {tests: '0', failures: '0'});
});
