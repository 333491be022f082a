// busybox nc (1.36) in a dojo pod: `nc [-z] [-v] [-u] [-w SECS] HOST PORT`, decided by the
// evaluator. Like busybox, it reports only with -v. UDP has no handshake, so a real `nc -zu`
// cannot tell a dropped datagram from a delivered one; the dojo answers as the evaluator
// decides, so that `nc -zuv` checks a UDP flow, and `kubectl why` says so.
import {type Network, connect, formatted, lookUp} from './network.js';
import {type ToolResult, parseOptions, result} from './options.js';

const usage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n\t-e PROG\tRun PROG after connect (must be last)\n\t-l\tListen mode, for inbound connects\n\t-lk\tWith -e, provides persistent server\n\t-p PORT\tLocal port\n\t-s ADDR\tLocal address\n\t-w SEC\tTimeout for connects and final net reads\n\t-i SEC\tDelay interval for lines sent\n\t-n\tDon\'t do DNS resolution\n\t-u\tUDP mode\n\t-b\tAllow broadcasts\n\t-v\tVerbose\n\t-o FILE\tHex dump traffic\n\t-z\tZero-I/O mode (scanning)\n';

export function runNc(network: Network, argv: readonly string[]): ToolResult {
	const parsed = parseOptions(argv, {switches: 'zvunlkb', valued: 'wpisoe'});
	if ('unknown' in parsed) {
		return result('', `nc: invalid option -- '${parsed.unknown.replace(/^-+/, '')}'\n${usage}`, 1);
	}

	if ('missing' in parsed || parsed.operands.length !== 2) {
		return result('', usage, 1);
	}

	const {options} = parsed;
	const [host, portText] = parsed.operands as [string, string];
	const isVerbose = options.get('v') === true;
	const port = /^\d+$/.test(portText) && Number(portText) <= 65_535 ? Number(portText) : undefined;
	if (port === undefined) {
		return result('', `nc: bad port '${portText}'\n`, 1);
	}

	if (options.get('n') === true && !/^[\d.:[\]a-f]+$/i.test(host)) {
		return result('', `nc: bad address '${host}'\n`, 1);
	}

	const found = lookUp(network, host);
	if (found.kind !== 'address') {
		return result('', `nc: bad address '${host}'\n`, 1);
	}

	const where = `${host} (${formatted(found.address)}:${port})`;
	const outcome = connect(network, found.address, port, options.get('u') === true ? 'UDP' : 'TCP');
	if (outcome === 'open') {
		return result('', isVerbose ? `${where} open\n` : '', 0);
	}

	return result('', isVerbose ? `nc: ${where}: ${outcome === 'refused' ? 'Connection refused' : 'Connection timed out'}\n` : '', 1);
}
