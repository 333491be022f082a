// busybox ping (1.36) in a dojo pod: `ping [-c N] [-W SECS] [-w SECS] [-q] HOST`. Without -c
// a real ping runs until interrupted; kubectl exec without -t cannot interrupt it, so the dojo
// sends 4. Whether ICMP gets through is network.ts's pingReaches.
import {type Network, formatted, lookUp, pingReaches} from './network.js';
import {type ToolResult, parseOptions, result} from './options.js';

const usage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n';

export function runPing(network: Network, argv: readonly string[]): ToolResult {
	const parsed = parseOptions(argv, {switches: 'q46', valued: 'cWwsiIt'});
	if ('unknown' in parsed) {
		return result('', `ping: invalid option -- '${parsed.unknown.replace(/^-+/, '')}'\n${usage}`, 1);
	}

	if ('missing' in parsed || parsed.operands.length !== 1) {
		return result('', usage, 1);
	}

	const {options} = parsed;
	const host = parsed.operands[0]!;
	const countText = options.get('c');
	const count = typeof countText === 'string' && /^\d+$/.test(countText) && Number(countText) > 0 ? Math.min(Number(countText), 100) : 4;
	const found = lookUp(network, host);
	if (found.kind !== 'address') {
		return result('', `ping: bad address '${host}'\n`, 1);
	}

	const address = formatted(found.address);
	const reaches = pingReaches(network, found.address);
	const isQuiet = options.get('q') === true;
	const replies = reaches && !isQuiet ? Array.from({length: count}, (_, seq) => `64 bytes from ${address}: seq=${seq} ttl=64 time=0.${String(84 + ((seq * 7) % 13)).padStart(3, '0')} ms\n`).join('') : '';
	const received = reaches ? count : 0;
	const statistics = `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${reaches ? 0 : 100}% packet loss\n${reaches ? 'round-trip min/avg/max = 0.084/0.090/0.096 ms\n' : ''}`;
	return result(`PING ${host} (${address}): 56 data bytes\n${replies}${statistics}`, '', reaches ? 0 : 1);
}
