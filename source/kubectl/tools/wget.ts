// busybox wget (1.36) in a dojo pod: -q, -O FILE|-, -T SECS, --spider; its messages and exit
// codes, decided by the evaluator. A timeout takes no time.
import {type Network, connect, formatted, lookUp} from './network.js';
import {parseUrl, responseBody, serverKind} from './http.js';
import {type ToolResult, parseOptions, result} from './options.js';

const long = {
	quiet: {key: 'q', isValued: false},
	'output-document': {key: 'O', isValued: true},
	timeout: {key: 'T', isValued: true},
	spider: {key: 'spider', isValued: false},
	tries: {key: 't', isValued: true},
	'no-check-certificate': {key: 'no-check-certificate', isValued: false},
	header: {key: 'header', isValued: true},
	'user-agent': {key: 'U', isValued: true},
} as const;

const usage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n';

export function runWget(network: Network, argv: readonly string[]): ToolResult {
	const parsed = parseOptions(argv, {switches: 'cqS', valued: 'OoTtPUY', long});
	if ('unknown' in parsed) {
		const written = parsed.unknown.startsWith('--') ? `unrecognized option '${parsed.unknown}'` : `invalid option -- '${parsed.unknown.slice(1)}'`;
		return result('', `wget: ${written}\n${usage}`, 1);
	}

	if ('missing' in parsed || parsed.operands.length === 0) {
		return result('', usage, 1);
	}

	const {options, operands} = parsed;
	const isQuiet = options.get('q') === true;
	const say = (line: string) => (isQuiet ? '' : `${line}\n`);
	const url = parseUrl(operands[0]!);
	if (!url || 'badScheme' in url) {
		return result('', `wget: not an http or ftp url: ${operands[0]!}\n`, 1);
	}

	const found = lookUp(network, url.host);
	if (found.kind !== 'address') {
		return result('', `wget: bad address '${url.host}'\n`, 1);
	}

	const address = formatted(found.address);
	let stderr = say(`Connecting to ${url.host}:${url.port} (${address}:${url.port})`);
	const outcome = connect(network, found.address, url.port, 'TCP');
	if (outcome !== 'open') {
		const why = outcome === 'refused' ? 'Connection refused' : 'Connection timed out';
		stderr += outcome === 'timeout' && typeof options.get('T') === 'string' ? 'wget: download timed out\n' : `wget: can't connect to remote host (${address}): ${why}\n`;
		return result('', stderr, 1);
	}

	if (serverKind(url.port) !== 'http') {
		return result('', `${stderr}wget: error getting response\n`, 1);
	}

	if (options.get('spider') === true) {
		return result('', stderr + say('remote file exists'), 0);
	}

	const body = responseBody(network, url.port);
	const output = options.get('O');
	const toStdout = output === '-';
	const file = typeof output === 'string' ? output : (url.path.replace(/[?#].*$/, '').split('/').at(-1) || 'index.html');
	const bytes = String(Buffer.byteLength(body)).padStart(7);
	const bar = `100% |********************************|${bytes}  0:00:00 ETA`;
	stderr += toStdout
		? say('writing to stdout') + say(`-                    ${bar}`) + say('written to stdout')
		: say(`saving to '${file}'`) + say(`${file.padEnd(20).slice(0, 20)} ${bar}`) + say(`'${file}' saved`);
	return result(toStdout ? body : '', stderr, 0);
}
