// `kubectl explain networkpolicy[.field...] [--recursive]`, laid out as kubectl's plaintext
// template (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) lays it out: GROUP, KIND,
// VERSION; FIELD with its <type>; DESCRIPTION wrapped at 76 and indented 4; FIELDS sorted, each
// `name\t<type>` with -required- and enums, its description under it (or one line per field,
// nested, with --recursive). The dojo explains NetworkPolicy only.
import {type FlagSpec, booleanFlag, parseKubectlArguments, stringFlag} from './arguments.js';
import {type FieldDoc, rootType, types} from './explain-schema.js';
import {resourceTypesNamed} from './resources.js';
import type {KubectlResult} from './result.js';

const explainFlags: readonly FlagSpec[] = [
	{long: 'recursive', takesValue: false},
	{long: 'api-version', takesValue: true},
	{long: 'output', short: 'o', takesValue: true},
];

const apiVersion = 'networking.k8s.io/v1';

const failure = (message: string): KubectlResult => ({stdout: '', stderr: `${message}\n`, exitCode: 1});

export function runExplain(_state: unknown, argv: readonly string[]): KubectlResult {
	const parsed = parseKubectlArguments(argv, explainFlags, 'explain');
	const [request] = parsed.positionals;
	if (request === undefined) {
		return failure('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
	}

	const [resource = '', ...path] = request.split('.');
	const named = resourceTypesNamed(resource);
	if ('unknown' in named) {
		return failure(`error: the server doesn't have a resource type "${resource}"`);
	}

	if (named.types.length !== 1 || named.types[0]!.kind !== rootType) {
		return failure(`error: the dojo's kubectl explains NetworkPolicy only: kubectl explain networkpolicy, or a field such as networkpolicy.spec.ingress.from`);
	}

	const version = stringFlag(parsed, 'api-version') ?? apiVersion;
	if (version !== apiVersion) {
		return failure(`error: GVR (${version}, Resource=networkpolicies) not found in OpenAPI schema`);
	}

	const output = stringFlag(parsed, 'output') ?? 'plaintext';
	if (output !== 'plaintext') {
		return failure(`error: unsupported output format "${output}"; the dojo's kubectl prints explain as plaintext`);
	}

	const page = explainPage(path, booleanFlag(parsed, 'recursive'));
	return 'error' in page ? failure(page.error) : {stdout: page.text, stderr: '', exitCode: 0};
}

/** The page for a field path under NetworkPolicy (empty: the kind itself). */
export function explainPage(path: readonly string[], isRecursive: boolean): {readonly text: string} | {readonly error: string} {
	const header = `GROUP:      networking.k8s.io\nKIND:       ${rootType}\nVERSION:    v1\n\n`;
	if (path.length === 0) {
		return {text: `${header}${body(`${types[rootType]!.description}\n`, rootType, isRecursive)}\n`};
	}

	let typeName: string | undefined = rootType;
	let field: FieldDoc | undefined;
	for (const segment of path) {
		field = typeName === undefined ? undefined : types[typeName]?.fields[segment];
		if (!field) {
			// kubectl names the last field of the path, whichever one was missing.
			return {error: `error: field "${path.at(-1)!}" does not exist`};
		}

		typeName = field.ref;
	}

	const found = field!;
	const enumLines = found.enum ? `ENUM:${found.enum.map(value => `\n    ${value}`).join('')}` : '';
	const description = `${found.description}\n${found.ref ? `${types[found.ref]!.description}\n` : ''}`;
	return {text: `${header}FIELD: ${path.at(-1)!} <${found.type}>\n${enumLines}\n\n${body(description, found.ref, isRecursive)}\n`};
}

function body(description: string, typeName: string | undefined, isRecursive: boolean): string {
	const fields = typeName === undefined ? '' : fieldList(typeName, 1, isRecursive);
	return `DESCRIPTION:\n${indent(4, wrap(description, 76))}\n${fields === '' ? '' : `FIELDS:\n${fields}`}`;
}

function fieldList(typeName: string, level: number, isRecursive: boolean): string {
	const fields = types[typeName]?.fields ?? {};
	const spaces = level * 2;
	return Object.keys(fields).sort().map(name => {
		const field = fields[name]!;
		const enumLine = field.enum ? `\n${' '.repeat(spaces)}enum: ${field.enum.slice(0, 4).join(', ')}${field.enum.length > 4 ? ', ....' : ''}` : '';
		const line = `${indent(spaces, name)}\t<${field.type}>${field.isRequired ? ' -required-' : ''}${enumLine}\n`;
		if (isRecursive) {
			return line + (field.ref ? fieldList(field.ref, level + 1, true) : '');
		}

		return `${line}${indent(spaces + 2, wrap(field.description, 78 - spaces))}\n\n`;
	}).join('');
}

const indent = (amount: number, text: string) => ' '.repeat(amount) + text.replaceAll('\n', `\n${' '.repeat(amount)}`);

/** go-wordwrap's WrapString: lines of at most `limit` characters, broken between words. */
export function wrap(text: string, limit: number): string {
	return text.split('\n').map(paragraph => {
		const lines: string[] = [];
		let line = '';
		for (const word of paragraph.split(' ')) {
			if (line !== '' && line.length + 1 + word.length > limit) {
				lines.push(line);
				line = word;
			} else {
				line = line === '' ? word : `${line} ${word}`;
			}
		}

		lines.push(line);
		return lines.join('\n');
	}).join('\n');
}
