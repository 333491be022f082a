// How kubectl names a kind in the messages of commands that change the cluster: the resource
// with its group (`networkpolicies.networking.k8s.io "x" not found`), the kind with its group
// for output lines (`networkpolicy.networking.k8s.io/x created`), and the apiVersion a kind is
// served at.
import {workloadApiVersions} from '../kube/workload.js';
import {resourceTypeOf} from './resources.js';
import {type RawObject, kindOf, metadataOf} from './state.js';

/** The API group of a kind: '' for the core group. */
function groupOf(kind: string): string {
	const prefix = resourceTypeOf(kind)?.nameprefix ?? kind.toLowerCase();
	const dot = prefix.indexOf('.');
	return dot === -1 ? '' : prefix.slice(dot + 1);
}

/** `pods`, `networkpolicies.networking.k8s.io`: how the API server names a resource in its errors. */
export function qualifiedResource(kind: string): string {
	const group = groupOf(kind);
	const plural = resourceTypeOf(kind)?.plural ?? `${kind.toLowerCase()}s`;
	return group === '' ? plural : `${plural}.${group}`;
}

/** `networkpolicy.networking.k8s.io/db-policy`: the name kubectl prints before "created". */
export function objectReference(object: RawObject): string {
	return `${resourceTypeOf(kindOf(object))?.nameprefix ?? kindOf(object).toLowerCase()}/${metadataOf(object).name}`;
}

/** `networkpolicy.networking.k8s.io "db-policy"`: the name kubectl prints before "deleted". */
export function quotedReference(object: RawObject): string {
	return `${resourceTypeOf(kindOf(object))?.nameprefix ?? kindOf(object).toLowerCase()} "${metadataOf(object).name}"`;
}

/** The apiVersion each kind the dojo keeps is served at. */
export const servedVersions: Readonly<Record<string, string>> = {
	Namespace: 'v1',
	Pod: 'v1',
	Service: 'v1',
	NetworkPolicy: 'networking.k8s.io/v1',
	...workloadApiVersions,
};
