// The evaluator's public face, and the only door other folders use (test/architecture.ts keeps
// it so): functions of plain data with no I/O. A compiled cluster memoizes what deciding flows
// works out (selector results, peer sets), which changes no answer.
export {bitsetHas, type Bitset} from './bitset.js';
export {collectNamespaces, compileCluster, type Cluster, type CompiledRule, peerMembers, podMatchesSelector} from './compile.js';
export {decide, isAllowed} from './decide.js';
export {endpointName, sideSentence, summarizeDecision} from './describe.js';
export {type ClusterDiff, compareLists, type DiffScope, type OutsideChange, portRanges, type VerdictChange, verdictChanges} from './diff.js';
export {type BypassingPolicy, type FlowTrace, type PeerCheck, type PeerReason, type PolicyTrace, type PortCheck, type PortReason, type RuleTrace, type SideTrace, traceFlow} from './explain.js';
export {allowedPairs, compareGrids, forEachMember, gridAllows, type GridComparison, namespaceGroups, namespacePairs, type ReachabilityGrid, reachabilityGrid} from './grid.js';
export {reachability} from './matrix.js';
export {referenceVerdict} from './reference.js';
export {resolveEndpoint, type EndpointProblem} from './resolve.js';
export {resolveFlow, resolvePodFlow, podFlowProblems, hasProblems, isGrouped, type FlowMember, type FlowProblems, type GroupedFlow, type MemberNoun, type ResolvedFlow} from './resolve-flow.js';
export {resolveReference, serviceBackends, referenceKinds, type Backend, type ReferenceChoice, type ReferenceProblem, type ResolvedEnd, type ServiceProblem} from './references.js';
export {selectorKey, selectorMatches, requirementMatches} from './selector.js';
export {admittedPeers, portAdmits} from './side.js';
export {type AddressRange, addressStretches, type PortRange} from './stretches.js';
export {peersField, policyTypeOf} from './types.js';
export type * from './types.js';
export {parseAddress, parseCidr, cidrContains, formatAddress, formatCidr, type Address, type Cidr} from '../kube/ip.js';
