// Large clusters load in a worker thread; what comes back must be what loading in place gives.
import path from 'node:path';
import test from 'ava';
import {startLoadingCluster} from '../source/commands/load-cluster.js';
import {loadClusterFiles} from '../source/content/cluster-files.js';
import {InputError} from '../source/model/input-error.js';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures');

test('a cluster loaded in a worker thread equals the cluster loaded in place', async t => {
	const files = [path.join(fixtures, 'seed/cluster.yaml'), path.join(fixtures, 'cli/skipped.yaml')];
	const inWorker = await startLoadingCluster(files, undefined, 0);
	const inPlace = loadClusterFiles(files);
	t.deepEqual(JSON.parse(JSON.stringify(inWorker)), JSON.parse(JSON.stringify(inPlace)));
	t.is(inWorker.objects.pods.length, 3);
});

test('bad input found in the worker thread arrives as the same InputError', async t => {
	const file = path.join(fixtures, 'cli/bad/port-70000.yaml');
	const inPlace = t.throws(() => loadClusterFiles([file]), {instanceOf: InputError});
	const inWorker = await t.throwsAsync(startLoadingCluster([file], undefined, 0), {instanceOf: InputError});
	t.deepEqual(inWorker?.problems, inPlace?.problems);
	t.true((inWorker?.problems.length ?? 0) > 0);
});
