// Scenario folders decided end to end through the project's own loaders: each holds a
// cluster.yaml and a flows.yaml whose every flow carries `expect`. The conformance cases
// transcribe the upstream Kubernetes e2e NetworkPolicy tests (test/e2e/network/netpol); seed is
// the three-tier example of the contract.
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {resolveFlows} from '../source/commands/flow-ends.js';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {readFlowsFile} from '../source/content/flows-file.js';
import {compileCluster, decide, referenceVerdict} from '../source/evaluator/index.js';

// This file runs as dist/test/conformance.js; the fixtures stay in test/fixtures.
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const conformanceCases = readdirSync(path.join(fixtures, 'conformance'), {withFileTypes: true})
	.filter(entry => entry.isDirectory() && /^\d{3}-/.test(entry.name))
	.map(entry => entry.name)
	.sort();

const holdsExpectations = test.macro({
	exec(t, folder: string) {
		const loaded = loadClusterFiles([path.join(folder, 'cluster.yaml')]);
		const flowsFile = readFlowsFile(path.join(folder, 'flows.yaml'));
		const cluster = compileCluster(loaded.objects);
		const flows = resolveFlows(cluster, flowsFile.flows, flowsFile.locate);
		t.true(flows.length > 0, 'the case has flows');
		const mismatches: string[] = [];
		for (const [index, flow] of flows.entries()) {
			const spec = flowsFile.flows[index]!;
			t.truthy(spec.expect, `${spec.from} -> ${spec.to} ${spec.port}/${spec.protocol} has an expect`);
			const {verdict} = decide(cluster, flow);
			const reference = referenceVerdict(loaded.objects, flow);
			if (verdict !== spec.expect || reference !== spec.expect) {
				mismatches.push(`${spec.from} -> ${spec.to} ${spec.port}/${spec.protocol}: expected ${spec.expect ?? '(none)'}, decide() says ${verdict}, referenceVerdict() says ${reference}`);
			}
		}

		t.deepEqual(mismatches, []);
	},
	title: (_providedTitle, folder: string) => path.relative(fixtures, folder),
});

test('the conformance fixtures are there', t => {
	t.true(conformanceCases.length >= 57, `${conformanceCases.length} case folders in test/fixtures/conformance`);
});

for (const name of conformanceCases) {
	test(holdsExpectations, path.join(fixtures, 'conformance', name));
}

test(holdsExpectations, path.join(fixtures, 'seed'));
