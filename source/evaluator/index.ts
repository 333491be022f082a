// The evaluator's public face: functions of plain data with no I/O. A compiled cluster memoizes
// what deciding flows works out (selector results, peer sets), which changes no answer.
export {compileCluster, type Cluster} from './compile.js';
export {decide, isAllowed} from './decide.js';
export {reachability} from './matrix.js';
export {referenceVerdict} from './reference.js';
export {resolveEndpoint, type EndpointProblem} from './resolve.js';
export {resolveFlow, resolvePodFlow, podFlowProblems, hasProblems, isGrouped, type FlowMember, type FlowProblems, type GroupedFlow, type MemberNoun, type ResolvedFlow} from './resolve-flow.js';
export {resolveReference, serviceBackends, referenceKinds, type Backend, type ReferenceChoice, type ReferenceProblem, type ResolvedEnd, type ServiceProblem} from './references.js';
export {selectorMatches, requirementMatches} from './selector.js';
export {parseAddress, parseCidr, cidrContains, formatAddress, formatCidr, type Address, type Cidr} from '../kube/ip.js';
export {bitsetHas, type Bitset} from './bitset.js';
export type * from './types.js';
