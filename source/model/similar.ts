/**
The number of single-character edits (insert, delete, replace, or swap two neighbours) that turn
one text into the other: a swap is the commonest typo (`pakc` for `pack`), so it counts as one.
*/
export function editDistance(left: string, right: string): number {
	let beforePrevious: number[] = [];
	let previous = Array.from({length: right.length + 1}, (_, index) => index);
	for (let row = 1; row <= left.length; row++) {
		const current = [row];
		for (let column = 1; column <= right.length; column++) {
			const cost = left[row - 1] === right[column - 1] ? 0 : 1;
			let distance = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
			if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) {
				distance = Math.min(distance, beforePrevious[column - 2]! + 1);
			}

			current.push(distance);
		}

		beforePrevious = previous;
		previous = current;
	}

	return previous[right.length]!;
}

/** The candidates a typo of `text` could mean: within two edits (one for short words), closest first. */
export function similarTo(text: string, candidates: Iterable<string>): string[] {
	const limit = text.length <= 4 ? 1 : 2;
	return [...candidates]
		.map(candidate => ({candidate, distance: editDistance(text.toLowerCase(), candidate.toLowerCase())}))
		.filter(({distance}) => distance <= limit)
		.sort((left, right) => left.distance - right.distance)
		.map(({candidate}) => candidate);
}
