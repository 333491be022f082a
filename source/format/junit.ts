// JUnit XML, the report format CI systems and classroom autograders read: one <testsuite>, one
// <testcase> per test, a <failure> for each that failed. Every text is escaped, and characters
// that XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are
// dropped, since no escape can carry them and one would make the whole report unreadable. Pure.

/** One test case; `failure` is set when it failed. */
export type JunitCase = {
	readonly name: string;
	readonly className: string;
	readonly failure?: {
		/** A short type, such as `not-passed` or `no-submission`. */
		readonly type: string;
		/** The whole feedback; it goes in the `message` attribute and in the element's text. */
		readonly message: string;
	};
};

export type JunitSuite = {readonly name: string; readonly cases: readonly JunitCase[]};

/** The report as an XML 1.0 document. */
export function junitXml(suite: JunitSuite): string {
	const failures = suite.cases.filter(testCase => testCase.failure).length;
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuite name="${attribute(suite.name)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="0">`,
	];
	for (const testCase of suite.cases) {
		const opening = `  <testcase classname="${attribute(testCase.className)}" name="${attribute(testCase.name)}"`;
		if (testCase.failure) {
			const {type, message} = testCase.failure;
			lines.push(`${opening}>`, `    <failure type="${attribute(type)}" message="${attribute(message)}">${text(message)}</failure>`, '  </testcase>');
		} else {
			lines.push(`${opening}/>`);
		}
	}

	lines.push('</testsuite>', '');
	return lines.join('\n');
}

// Tab, line feed and carriage return are the only C0 characters XML 1.0 allows.
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with the characters XML 1.0 cannot hold removed. */
export function xmlSafe(value: string): string {
	return value.replaceAll(notInXml, '');
}

function text(value: string): string {
	return xmlSafe(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

// In an attribute, a parser turns raw line breaks and tabs into spaces; as character
// references they survive, so a multi-line message reads the same in both places.
function attribute(value: string): string {
	return text(value).replaceAll('"', '&quot;').replaceAll('\'', '&apos;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}
