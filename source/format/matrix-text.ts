// The reachability matrix as lines of text: a pod-by-pod grid for a readable number of pods, a
// summary by namespace beyond that. Pure, so the app can lay two grids side by side (the
// learner's and the expected one, with the cells where they disagree highlighted).
import {type Bitset, type ReachabilityGrid, allowedPairs, bitsetHas, gridAllows, namespaceGroups, namespacePairs} from '../evaluator/index.js';
import type {Palette} from './color.js';

/** Up to this many pods, the grid is drawn pod by pod; beyond, it is summarised by namespace. */
export const maxGridPods = 30;

export const allowMark = '✓';
export const denyMark = '·';
/**
Brackets a cell where the grid disagrees with the one it is compared with: `[✓]`. A mark beside
the cell (`✓*✓`) read as belonging to its neighbour, so a grid with differences gives every
cell three columns, the mark in the middle.
*/
export const differenceMark = '[ ]';

export type MatrixTextOptions = {
	/** Cells to highlight: where this grid disagrees with another (compareGrids). */
	readonly differing?: readonly Bitset[];
	/** The terminal's width: row names that would not fit move to a numbered legend. */
	readonly width?: number;
};

const count = (value: number) => value.toLocaleString('en-US');

/** The title lines: the port, and how many pairs are allowed. */
export function matrixTitle(grid: ReachabilityGrid): string[] {
	const pairs = grid.pods.length * grid.pods.length;
	const allowed = allowedPairs(grid);
	const namespaces = namespaceGroups(grid);
	const where = namespaces.length === 1 ? `in namespace ${namespaces[0]!.namespace}` : `in ${namespaces.length} namespaces`;
	const share = pairs === 0 ? '' : ` (${Math.round(100 * allowed / pairs)}%)`;
	return [
		`Who may open a connection to whom on ${grid.port}/${grid.protocol} (rows: from, columns: to)`,
		`${count(grid.pods.length)} ${grid.pods.length === 1 ? 'pod' : 'pods'} ${where}; ${count(allowed)} of ${count(pairs)} pairs allowed${share}`,
	];
}

/** The whole matrix: the title, then the pod grid (up to maxGridPods pods) or the namespace summary. */
export function matrixLines(grid: ReachabilityGrid, palette: Palette, options: MatrixTextOptions = {}): string[] {
	const body = grid.pods.length <= maxGridPods ? podGridLines(grid, palette, options) : namespaceSummaryLines(grid, palette);
	return [...matrixTitle(grid), '', ...body];
}

/**
One row per source pod, one column per destination, numbered; a legend below. Names lose their
namespace when the grid has one namespace only.
*/
export function podGridLines(grid: ReachabilityGrid, palette: Palette, options: MatrixTextOptions = {}): string[] {
	const isOneNamespace = namespaceGroups(grid).length <= 1;
	const names = grid.pods.map(pod => (isOneNamespace ? pod.name : `${pod.namespace}/${pod.name}`));
	const numberWidth = String(grid.pods.length).length;
	const nameWidth = Math.max(...names.map(name => name.length));
	const hasDifferences = options.differing?.some(row => row.some(word => word !== 0)) ?? false;
	const cellWidth = hasDifferences ? 3 : 2;
	const cellsWidth = cellWidth * grid.pods.length;
	// Too wide for the terminal with names: rows by number, names in a legend below.
	const hasNamesInRows = options.width === undefined || 2 + numberWidth + 1 + nameWidth + 1 + cellsWidth <= options.width;
	const labelWidth = 2 + numberWidth + (hasNamesInRows ? 1 + nameWidth : 0) + 1;
	const lines = columnHeader(grid.pods.length, labelWidth, cellWidth).map(line => palette.dim(line));
	for (const [source, name] of names.entries()) {
		const label = `  ${String(source + 1).padStart(numberWidth)}${hasNamesInRows ? ` ${name.padEnd(nameWidth)}` : ''} `;
		const cells = grid.pods.map((_, destination) => cellText(grid, source, destination, palette, hasDifferences ? options.differing : undefined)).join('');
		lines.push(`${label}${cells}`.trimEnd());
	}

	if (!hasNamesInRows) {
		lines.push('', ...names.map((name, index) => `  ${String(index + 1).padStart(numberWidth)} ${name}`));
	}

	const legend = `${palette.allow(allowMark)} allowed  ${palette.deny(denyMark)} denied${hasDifferences ? `  ${palette.fail(differenceMark)} differs` : ''}  (a pod can always reach itself)`;
	return [...lines, '', legend];
}

// Column numbers, written downwards when they have several digits (1 above 0 for column 10),
// each above its cell's mark.
function columnHeader(columns: number, labelWidth: number, cellWidth: number): string[] {
	const digits = String(columns).length;
	const numbers = Array.from({length: columns}, (_, index) => String(index + 1).padStart(digits));
	const after = ' '.repeat(cellWidth - 2);
	return Array.from({length: digits}, (_, digit) => `${' '.repeat(labelWidth)}${numbers.map(number => ` ${number[digit]!}${after}`).join('')}`.trimEnd());
}

function cellText(grid: ReachabilityGrid, source: number, destination: number, palette: Palette, differing: readonly Bitset[] | undefined): string {
	const isAllowed = gridAllows(grid, source, destination);
	const mark = isAllowed ? allowMark : denyMark;
	if (!differing) {
		return ` ${isAllowed ? palette.allow(mark) : palette.deny(mark)}`;
	}

	return bitsetHas(differing[source]!, destination) ? palette.fail(`[${mark}]`) : ` ${isAllowed ? palette.allow(mark) : palette.deny(mark)} `;
}

/** Per pair of namespaces, how many of their pod pairs are allowed: `prod  dev  12/40`. */
export function namespaceSummaryLines(grid: ReachabilityGrid, palette: Palette): string[] {
	const pairs = namespacePairs(grid);
	const fromWidth = Math.max(4, ...pairs.map(pair => pair.from.length));
	const toWidth = Math.max(2, ...pairs.map(pair => pair.to.length));
	const ratios = pairs.map(pair => `${pair.allowed}/${pair.total}`);
	const ratioWidth = Math.max(7, ...ratios.map(ratio => ratio.length));
	const lines = [
		`More than ${maxGridPods} pods: pod pairs allowed, by namespace (--namespace N shows one namespace's grid; --json has every pair)`,
		'',
		palette.dim(`${'FROM'.padEnd(fromWidth)}  ${'TO'.padEnd(toWidth)}  ${'ALLOWED'.padStart(ratioWidth)}`),
	];
	for (const [index, pair] of pairs.entries()) {
		const ratio = ratios[index]!.padStart(ratioWidth);
		const styled = pair.allowed === pair.total ? palette.allow(ratio) : (pair.allowed === 0 ? palette.deny(ratio) : ratio);
		lines.push(`${pair.from.padEnd(fromWidth)}  ${pair.to.padEnd(toWidth)}  ${styled}`);
	}

	return lines;
}
