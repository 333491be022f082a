// The dojo cluster as the evaluator reads it: its objects through the same decoding and checks
// as cluster files, so that a flow in the exam shell is decided exactly as `eval` decides it.
import {type LoadedCluster, loadClusterSources} from '../content/cluster-files.js';
import {unplaced} from '../content/yaml-document.js';
import type {ClusterState} from './state.js';

/** The state's objects as cluster files would load them (pods, workloads, Services, namespaces, policies). */
export function loadedClusterOf(state: ClusterState): LoadedCluster {
	return loadClusterSources([{file: 'the dojo cluster', documents: state.objects.map(object => unplaced(object))}]);
}
