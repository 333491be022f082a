// Objects of kinds netpol-dojo does not read, and the ones among them that were surely meant to
// be read: a misspelt kind (`Networkpolicy`, `NetworkPolicies`) or an old apiVersion
// (`extensions/v1beta1`, `apps/v1beta2`). Other kinds (ConfigMaps, Ingresses) are simply skipped.
import {similarTo} from '../model/similar.js';
import {workloadApiVersions} from '../kube/workload.js';
import {bareOrQuoted, quoteValue} from '../model/sanitize.js';

const readKinds: Readonly<Record<string, string>> = {Namespace: 'v1', Pod: 'v1', Service: 'v1', NetworkPolicy: 'networking.k8s.io/v1', ...workloadApiVersions};

// The real kinds of the networking.k8s.io group: any other kind there is a misspelt NetworkPolicy.
const networkingKinds = new Set(['NetworkPolicy', 'Ingress', 'IngressClass', 'IPAddress', 'ServiceCIDR']);

/** A skipped object that looks like a mistake: the field that is wrong, its value, and why. */
export type KindMistake = {
	readonly field: 'kind' | 'apiVersion';
	readonly value: string;
	/** For a warning: "did you mean kind: NetworkPolicy?". */
	readonly hint: string;
	/** For an error at the field, worded as the API server words an invalid value. */
	readonly reason: string;
};

/** Why a skipped object looks like a mistake, or undefined when it is simply another kind. */
export function likelyMistake({kind, apiVersion}: {readonly kind: string; readonly apiVersion: string}): KindMistake | undefined {
	const expected = readKinds[kind];
	if (expected) {
		return {field: 'apiVersion', value: apiVersion, hint: `netpol-dojo reads ${kind} as ${expected}, not ${bareOrQuoted(apiVersion)}`, reason: `netpol-dojo reads ${kind} as ${expected}`};
	}

	const isNetworkingGroup = apiVersion.startsWith('networking.k8s.io/');
	const [guess] = isNetworkingGroup && !networkingKinds.has(kind) ? ['NetworkPolicy'] : similarTo(kind, Object.keys(readKinds));
	return guess ? {field: 'kind', value: kind, hint: `did you mean kind: ${guess}?`, reason: `did you mean ${guess}?`} : undefined;
}

/** The problem for a mistaken object, at its field: `Networkpolicy "default/x": kind: Invalid value: ...`. */
export function kindMistakeMessage(label: string, mistake: KindMistake): string {
	return `${label}: ${mistake.field}: Invalid value: ${quoteValue(mistake.value)}: ${mistake.reason}`;
}

/** One `Warning:` sentence per skipped kind that looks like a mistake. */
export function skippedKindWarnings(skipped: ReadonlyArray<{readonly kind: string; readonly apiVersion: string; readonly first: string}>): string[] {
	return skipped.flatMap(entry => {
		const mistake = likelyMistake(entry);
		return mistake ? [`Warning: ${entry.first} was skipped: ${mistake.hint}`] : [];
	});
}
