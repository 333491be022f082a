// What a kubectl command gives back: its output and exit code, and the new state when it
// changed the cluster. The entry point writes the state and prints; commands stay pure.
import type {ClusterState} from './state.js';

export type KubectlResult = {
	readonly stdout: string;
	readonly stderr: string;
	readonly exitCode: number;
	/** The cluster after the command, when it changed. */
	readonly state?: ClusterState;
};
