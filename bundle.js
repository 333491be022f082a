// The second build step (after tsc): bundle the command line into dist/bin/ with esbuild, so that
// the app starts without resolving hundreds of small modules (ink's start-up went from about 6x
// to under 3x a bare `node -e 0`). Commands stay in their own chunks, loaded on demand; yaml
// stays outside, loaded only to word and place a problem (js-yaml, bundled, reads the YAML).
import {rmSync} from 'node:fs';
import {build} from 'esbuild';

rmSync('dist/bin', {recursive: true, force: true});
await build({
	// The worker thread that loads large clusters (commands/load-cluster.ts) is an entry of its
	// own, dist/bin/commands/cluster-worker.js, so that the published package needs no dist/source.
	// The dojo's kubectl (kubectl/main.ts) is an entry of its own too: `kubectl get pods` in the
	// exam shell loads neither the app nor the command line.
	entryPoints: ['dist/source/cli.js', 'dist/source/commands/cluster-worker.js', 'dist/source/kubectl/main.js'],
	outbase: 'dist/source',
	outdir: 'dist/bin',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	external: ['yaml', 'react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	// Bundled CommonJS dependencies call require() for Node's built-in modules.
	banner: {js: 'import {createRequire as __createRequire} from \'node:module\'; const require = __createRequire(import.meta.url);'},
	logLevel: 'warning',
});
