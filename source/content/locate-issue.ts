import type {Issue, PathSegment} from '../kube/issue.js';
import type {Problem} from '../model/input-error.js';
import type {SourceDocument} from './yaml-document.js';
import {booleanWordHint} from './yaml-scalars.js';
import {isYamlBooleanWord} from '../model/yaml-words.js';

/** Turns an issue with a path inside an object into a problem at a file's line. */
export function locateIssue(file: string, document: SourceDocument, objectPath: readonly PathSegment[], issue: Issue): Problem {
	const path = [...objectPath, ...issue.path];
	const {line, column} = document.locate(path, issue.isAtKey);
	const source = issue.isTypeError ? document.plainSourceAt(path) : undefined;
	const hint = source !== undefined && isYamlBooleanWord(source)
		? booleanWordHint(source)
		: '';
	return {file, line, column, message: `${issue.message}${hint}`};
}
