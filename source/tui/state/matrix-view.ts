// What the matrix view of a challenge shows: the network the learner's policies make beside the
// reference's, on one port, and where they differ. Worked out by the reducer when the view opens
// or turns to another port, so the screen draws it without compiling a cluster.
import type {Challenge} from '../../model/challenge.js';
import type {NetworkPolicy, Protocol} from '../../model/kubernetes.js';
import {type GridComparison, type ReachabilityGrid, compareGrids, compileCluster, reachabilityGrid} from '../../evaluator/index.js';
import {appliedPolicies} from '../../grading/grade.js';

export type MatrixView = {
	readonly port: number;
	readonly protocol: Protocol;
	/** Which of the matrix's ports this is, from 0, and how many there are. */
	readonly portIndex: number;
	readonly portCount: number;
	readonly yours: ReachabilityGrid;
	readonly expected: ReachabilityGrid;
	readonly comparison: GridComparison;
};

function gridOf(challenge: Challenge, policies: readonly NetworkPolicy[], port: number, protocol: Protocol): ReachabilityGrid {
	return reachabilityGrid(compileCluster({...challenge.cluster, policies: appliedPolicies(challenge, policies)}), port, protocol);
}

/** The matrix of the learner's policies and the reference solution on the port at `portIndex`. */
export function matrixView(challenge: Challenge, policies: readonly NetworkPolicy[], ports: ReadonlyArray<{readonly port: number; readonly protocol: Protocol}>, portIndex: number): MatrixView {
	const {port, protocol} = ports[portIndex] ?? ports[0]!;
	const yours = gridOf(challenge, policies, port, protocol);
	const expected = gridOf(challenge, challenge.solution, port, protocol);
	return {port, protocol, portIndex, portCount: ports.length, yours, expected, comparison: compareGrids(yours, expected)};
}
