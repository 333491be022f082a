/** A fixed-size set of small integers (pod indexes), one bit each. */
export type Bitset = Uint32Array;

export function createBitset(size: number): Bitset {
	return new Uint32Array(Math.ceil(size / 32));
}

export function bitsetHas(bits: Bitset, index: number): boolean {
	return ((bits[index >>> 5]! >>> (index & 31)) & 1) === 1;
}

export function bitsetAdd(bits: Bitset, index: number): void {
	bits[index >>> 5]! |= 1 << (index & 31);
}

/** Adds every member of `other` to `target`. */
export function bitsetUnionInto(target: Bitset, other: Bitset): void {
	for (let word = 0; word < target.length; word++) {
		target[word]! |= other[word]!;
	}
}

/** Adds the members of both `left` and `right` to `target`. */
export function bitsetUnionIntersectionInto(target: Bitset, left: Bitset, right: Bitset): void {
	for (let word = 0; word < target.length; word++) {
		target[word]! |= left[word]! & right[word]!;
	}
}

export function fullBitset(size: number): Bitset {
	const bits = createBitset(size);
	bits.fill(0xff_ff_ff_ff);
	if (size % 32 !== 0) {
		bits[bits.length - 1] = (2 ** (size % 32)) - 1;
	}

	return bits;
}
