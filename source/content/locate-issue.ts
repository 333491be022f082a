import type {Issue, PathSegment} from '../kube/issue.js';
import type {Problem} from '../model/input-error.js';
import type {SourceDocument} from './yaml-document.js';
import {booleanWordHint} from './yaml-scalars.js';

/** Turns an issue with a path inside an object into a problem at a file's line. */
export function locateIssue(file: string, document: SourceDocument, objectPath: readonly PathSegment[], issue: Issue): Problem {
	const path = [...objectPath, ...issue.path];
	const {line, column} = document.locate(path, issue.isAtKey);
	const source = issue.isTypeError ? document.plainSourceAt(path) : undefined;
	const hint = source !== undefined && /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE)$/.test(source)
		? booleanWordHint(source)
		: '';
	return {file, line, column, message: `${issue.message}${hint}`};
}
