// The evaluator's public face: pure functions of plain data, no I/O.
export {compileCluster, type Cluster} from './compile.js';
export {decide, isAllowed} from './decide.js';
export {reachability} from './matrix.js';
export {referenceVerdict} from './reference.js';
export {resolveEndpoint, type EndpointProblem} from './resolve.js';
export {selectorMatches, requirementMatches} from './selector.js';
export {parseAddress, parseCidr, cidrContains, formatAddress, formatCidr, type Address, type Cidr} from '../kube/ip.js';
export {bitsetHas, type Bitset} from './bitset.js';
export type * from './types.js';
