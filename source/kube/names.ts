// apimachinery's name and label checks (pkg/util/validation/validation.go), with its wording:
// each returns the list of messages, empty when the value is valid.

const qualifiedNameCharFormat = '[A-Za-z0-9]';
const qualifiedNameExtendedCharFormat = '[-A-Za-z0-9_.]';
const qualifiedNameFormat = `(${qualifiedNameCharFormat}${qualifiedNameExtendedCharFormat}*)?${qualifiedNameCharFormat}`;
const qualifiedNameMessage = 'must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
const qualifiedNameMaxLength = 63;
const qualifiedNamePattern = new RegExp(`^${qualifiedNameFormat}$`);

const labelValueFormat = `(${qualifiedNameFormat})?`;
const labelValueMessage = 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
const labelValuePattern = new RegExp(`^${labelValueFormat}$`);

const dns1123LabelFormat = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelMessage = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character';
const dns1123LabelPattern = new RegExp(`^${dns1123LabelFormat}$`);
const dns1123SubdomainFormat = `${dns1123LabelFormat}(\\.${dns1123LabelFormat})*`;
const dns1123SubdomainMessage = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character';
const dns1123SubdomainPattern = new RegExp(`^${dns1123SubdomainFormat}$`);

const dns1035LabelFormat = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelMessage = 'a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character';
const dns1035LabelPattern = new RegExp(`^${dns1035LabelFormat}$`);

/** validation.RegexError */
function regexError(message: string, format: string, ...examples: string[]): string {
	const shown = examples.map(example => `'${example}', `).join(' or ');
	return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

function maxLengthError(length: number): string {
	return `must be no more than ${length} characters`;
}

/** IsQualifiedName: label keys, annotation keys. */
export function qualifiedNameErrors(value: string): string[] {
	const parts = value.split('/');
	let name: string;
	const errors: string[] = [];
	if (parts.length === 1) {
		name = parts[0]!;
	} else if (parts.length === 2) {
		const [prefix, rest] = parts as [string, string];
		name = rest;
		if (prefix.length === 0) {
			errors.push('prefix part must be non-empty');
		} else {
			errors.push(...dns1123SubdomainErrors(prefix).map(message => `prefix part ${message}`));
		}
	} else {
		return [`a qualified name ${regexError(qualifiedNameMessage, qualifiedNameFormat, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
	}

	if (name.length === 0) {
		errors.push('name part must be non-empty');
	} else if (name.length > qualifiedNameMaxLength) {
		errors.push(`name part ${maxLengthError(qualifiedNameMaxLength)}`);
	}

	if (!qualifiedNamePattern.test(name)) {
		errors.push(`name part ${regexError(qualifiedNameMessage, qualifiedNameFormat, 'MyName', 'my.name', '123-abc')}`);
	}

	return errors;
}

// The shape of most apimachinery checks: a length limit, then a pattern.
function lengthAndPatternErrors(value: string, maxLength: number, pattern: RegExp, patternError: string): string[] {
	return [
		...(value.length > maxLength ? [maxLengthError(maxLength)] : []),
		...(pattern.test(value) ? [] : [patternError]),
	];
}

/** IsValidLabelValue */
export function labelValueErrors(value: string): string[] {
	return lengthAndPatternErrors(value, 63, labelValuePattern, regexError(labelValueMessage, labelValueFormat, 'MyValue', 'my_value', '12345'));
}

/** IsDNS1123Subdomain: most object names. */
export function dns1123SubdomainErrors(value: string): string[] {
	return lengthAndPatternErrors(value, 253, dns1123SubdomainPattern, regexError(dns1123SubdomainMessage, dns1123SubdomainFormat, 'example.com'));
}

/** IsDNS1123Label: namespace names. */
export function dns1123LabelErrors(value: string): string[] {
	return lengthAndPatternErrors(value, 63, dns1123LabelPattern, regexError(dns1123LabelMessage, dns1123LabelFormat, 'my-name', '123-abc'));
}

/** IsDNS1035Label: Service names. */
export function dns1035LabelErrors(value: string): string[] {
	return lengthAndPatternErrors(value, 63, dns1035LabelPattern, regexError(dns1035LabelMessage, dns1035LabelFormat, 'my-name', 'abc-123'));
}

/** IsValidPortName (IANA_SVC_NAME): named ports in policies and containers. */
export function portNameErrors(value: string): string[] {
	const errors: string[] = [];
	if (value.length > 15) {
		errors.push(maxLengthError(15));
	}

	if (!/^[-a-z0-9]+$/.test(value)) {
		errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
	}

	if (!/[a-z]/.test(value)) {
		errors.push('must contain at least one letter (a-z)');
	}

	if (value.includes('--')) {
		errors.push('must not contain consecutive hyphens');
	}

	if (value.startsWith('-') || value.endsWith('-')) {
		errors.push('must not begin or end with a hyphen');
	}

	return errors;
}

/** IsValidPortNum */
export function portNumberErrors(value: number): string[] {
	return value >= 1 && value <= 65_535 ? [] : ['must be between 1 and 65535, inclusive'];
}
