// IP addresses and CIDR blocks as the API server reads them (Go's net.ParseIP and
// ParseCIDRSloppy): IPv4 octets may carry leading zeros (read as decimal), an IPv4-mapped IPv6
// address is IPv4, and a CIDR with host bits set stands for its network.

/** An IP address as a number within its family. */
export type Address = {
	readonly family: 4 | 6;
	readonly value: bigint;
};

/** A network: the addresses whose first `prefix` bits equal those of `network`. */
export type Cidr = {
	readonly family: 4 | 6;
	readonly prefix: number;
	readonly network: bigint;
	/** The prefix length as written (an IPv4-mapped /104 is 104 here, 8 in `prefix`). */
	readonly writtenPrefix: number;
	/** What made the text non-standard, for a warning; the API server accepts it. */
	readonly oddity?: 'host-bits' | 'leading-zeros' | 'ipv4-mapped';
};

const ipv4MappedPrefix = 0xffffn << 32n;

type ParsedAddress = Address & {readonly hasLeadingZeros: boolean; readonly isIpv4Mapped: boolean};

function parseIpv4(text: string): {value: bigint; hasLeadingZeros: boolean} | undefined {
	const number = ipv4Number(text);
	return number && {value: BigInt(number.value), hasLeadingZeros: number.hasLeadingZeros};
}

// Four decimal octets, 0..255 each, as one number; no regular expressions or BigInt on this path,
// which resolves every flow's IP address.
function ipv4Number(text: string): {value: number; hasLeadingZeros: boolean} | undefined {
	let value = 0;
	let octets = 0;
	let hasLeadingZeros = false;
	let index = 0;
	while (index <= text.length) {
		let octet = 0;
		let digits = 0;
		while (index < text.length && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39) {
			octet = (octet * 10) + text.charCodeAt(index) - 0x30;
			hasLeadingZeros ||= digits === 1 && octet < 10 && text.charCodeAt(index - 1) === 0x30;
			digits++;
			index++;
		}

		if (digits === 0 || digits > 3 || octet > 255) {
			return undefined;
		}

		value = (value * 256) + octet;
		octets++;
		if (index === text.length) {
			break;
		}

		if (text.charCodeAt(index) !== 0x2E || octets === 4) {
			return undefined;
		}

		index++;
	}

	return octets === 4 ? {value, hasLeadingZeros} : undefined;
}

// One side of `::` (or the whole address); only the address's last group may be an IPv4 address.
function parseIpv6Groups(text: string, mayEndWithIpv4: boolean): number[] | undefined {
	if (text === '') {
		return [];
	}

	const groups: number[] = [];
	const parts = text.split(':');
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index]!;
		if (mayEndWithIpv4 && index === parts.length - 1 && part.includes('.')) {
			const ipv4 = ipv4Number(part);
			if (!ipv4 || ipv4.hasLeadingZeros) {
				return undefined;
			}

			groups.push(Math.floor(ipv4.value / 65_536), ipv4.value % 65_536);
			continue;
		}

		if (part.length === 0 || part.length > 4 || !/^[\da-fA-F]+$/.test(part)) {
			return undefined;
		}

		groups.push(Number.parseInt(part, 16));
	}

	return groups;
}

function parseIpv6(text: string): bigint | undefined {
	const halves = text.split('::');
	if (halves.length > 2) {
		return undefined;
	}

	const head = parseIpv6Groups(halves[0]!, halves.length === 1);
	const tail = halves.length === 2 ? parseIpv6Groups(halves[1]!, true) : [];
	if (!head || !tail) {
		return undefined;
	}

	const missing = 8 - head.length - tail.length;
	if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) {
		return undefined;
	}

	const groups = [...head, ...Array.from({length: missing}, () => 0), ...tail];
	return BigInt(`0x${groups.map(group => group.toString(16).padStart(4, '0')).join('')}`);
}

function parseAddressDetailed(text: string): ParsedAddress | undefined {
	if (text.includes(':')) {
		const value = parseIpv6(text);
		if (value === undefined) {
			return undefined;
		}

		if (value >> 32n === 0xffffn) {
			return {family: 4, value: value & 0xffff_ffffn, hasLeadingZeros: false, isIpv4Mapped: true};
		}

		return {family: 6, value, hasLeadingZeros: false, isIpv4Mapped: false};
	}

	const ipv4 = parseIpv4(text);
	return ipv4 && {family: 4, value: ipv4.value, hasLeadingZeros: ipv4.hasLeadingZeros, isIpv4Mapped: false};
}

/** Parses an IPv4 or IPv6 address; undefined when it is not one. */
export function parseAddress(text: string): Address | undefined {
	const parsed = parseAddressDetailed(text);
	return parsed && {family: parsed.family, value: parsed.value};
}

/** Parses `address/prefix`; undefined when it is not a CIDR the API server would accept. */
export function parseCidr(text: string): Cidr | undefined {
	const slash = text.indexOf('/');
	if (slash === -1 || !/^\d+$/.test(text.slice(slash + 1))) {
		return undefined;
	}

	const parsed = parseAddressDetailed(text.slice(0, slash));
	if (!parsed) {
		return undefined;
	}

	let prefix = Number(text.slice(slash + 1));
	const width = parsed.isIpv4Mapped ? 128 : parsed.family === 4 ? 32 : 128;
	if (prefix > width) {
		return undefined;
	}

	let {family} = parsed;
	let {value} = parsed;
	if (parsed.isIpv4Mapped) {
		// Go's IPNet.Contains reads a v4-mapped network with a /96+ mask as IPv4.
		if (prefix >= 96) {
			prefix -= 96;
		} else {
			family = 6;
			value = ipv4MappedPrefix | value;
		}
	}

	const network = maskTo(value, family, prefix);
	const hasLeadingZeroPrefix = text.length - slash - 1 > 1 && text[slash + 1] === '0';
	const oddity = parsed.isIpv4Mapped
		? 'ipv4-mapped'
		: parsed.hasLeadingZeros || hasLeadingZeroPrefix
			? 'leading-zeros'
			: network === value
				? undefined
				: 'host-bits';
	const writtenPrefix = Number(text.slice(slash + 1));
	return oddity ? {family, prefix, network, writtenPrefix, oddity} : {family, prefix, network, writtenPrefix};
}

function maskTo(value: bigint, family: 4 | 6, prefix: number): bigint {
	const hostBits = BigInt((family === 4 ? 32 : 128) - prefix);
	return (value >> hostBits) << hostBits;
}

/** Whether the address lies in the network. Families never mix. */
export function cidrContains(cidr: Cidr, address: Address): boolean {
	return cidr.family === address.family && maskTo(address.value, address.family, cidr.prefix) === cidr.network;
}

/**
Whether `inner` is a strict subset of `outer`, as ValidateIPBlock decides for `except`: the
outer network contains the inner one's address, and the written mask lengths grow (so an
IPv4-mapped /104 with a plain IPv4 except is refused, as Go compares 104 with the except's).
*/
export function isStrictSubnet(inner: Cidr, outer: Cidr): boolean {
	return cidrContains(outer, {family: inner.family, value: inner.network}) && outer.writtenPrefix < inner.writtenPrefix;
}

/** The canonical text of a network, as Go's IPNet.String writes it. */
export function formatCidr(cidr: Cidr): string {
	return `${formatAddress({family: cidr.family, value: cidr.network})}/${cidr.prefix}`;
}

/** RFC 5952 text for an address. */
export function formatAddress(address: Address): string {
	if (address.family === 4) {
		return [24n, 16n, 8n, 0n].map(shift => String((address.value >> shift) & 0xffn)).join('.');
	}

	const groups = Array.from({length: 8}, (_, index) => Number((address.value >> BigInt(112 - (16 * index))) & 0xffffn));
	let bestStart = -1;
	let bestLength = 1;
	for (let start = 0; start < 8; start++) {
		let length = 0;
		while (start + length < 8 && groups[start + length] === 0) {
			length++;
		}

		if (length > bestLength) {
			bestStart = start;
			bestLength = length;
		}
	}

	const hex = groups.map(group => group.toString(16));
	if (bestStart === -1) {
		return hex.join(':');
	}

	return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** A string two addresses share exactly when they are the same address. */
export function addressKey(address: Address): string {
	return `${address.family}:${address.value.toString(16)}`;
}
