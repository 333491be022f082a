// After a predict page is answered, the page shows every flow of its cluster on the flow's port:
// the one asked about in context. Worked out here, once per page the app shows answered, so the
// lesson screen draws a grid it is given rather than compiling the cluster at each render.
import type {LessonPage} from '../../model/lesson.js';
import {type ReachabilityGrid, compileCluster, reachabilityGrid} from '../../evaluator/index.js';
import {maxGridPods} from '../../format/matrix-text.js';

/** The grid of a predict page's cluster on its flow's port; undefined for other pages and for a cluster too small or too large to draw. */
export function predictMatrix(page: LessonPage | undefined): ReachabilityGrid | undefined {
	if (page?.kind !== 'predict') {
		return undefined;
	}

	const grid = reachabilityGrid(compileCluster(page.cluster), page.flow.port, page.flow.protocol);
	return grid.pods.length < 2 || grid.pods.length > maxGridPods ? undefined : grid;
}
