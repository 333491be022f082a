/** The index of the first byte that is not part of valid UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
	let index = 0;
	while (index < bytes.length) {
		const lead = bytes[index]!;
		let length: number;
		let minimum: number;
		if (lead < 0x80) {
			index++;
			continue;
		} else if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
			minimum = 0x80;
		} else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			minimum = 0x800;
		} else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			minimum = 0x1_00_00;
		} else {
			return index;
		}

		let codePoint = lead & (0xFF >> (length + 1));
		for (let offset = 1; offset < length; offset++) {
			const next = bytes[index + offset];
			if (next === undefined || (next & 0xC0) !== 0x80) {
				return index;
			}

			codePoint = (codePoint << 6) | (next & 0x3F);
		}

		// Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
		if (codePoint < minimum || (codePoint >= 0xD8_00 && codePoint <= 0xDF_FF) || codePoint > 0x10_FF_FF) {
			return index;
		}

		index += length;
	}

	return -1;
}
