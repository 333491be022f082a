// curl (8.x) in a dojo pod: its options, its messages and exit codes, decided by the evaluator.
// Timeouts take no time: they report the time curl would have waited (its -m or
// --connect-timeout, else the kernel's 130 s of SYN retries).
import {type Network, connect, formatted, lookUp} from './network.js';
import {parseUrl, responseBody, responseHead, serverKind} from './http.js';
import {type ToolResult, parseOptions, result, seconds} from './options.js';

const long = Object.fromEntries([
	['silent', 's', false], ['show-error', 'S', false], ['head', 'I', false], ['include', 'i', false], ['verbose', 'v', false], ['fail', 'f', false],
	['location', 'L', false], ['insecure', 'k', false], ['max-time', 'm', true], ['connect-timeout', 'connect-timeout', true], ['output', 'o', true],
	['request', 'X', true], ['header', 'H', true], ['data', 'd', true], ['write-out', 'w', true], ['user-agent', 'A', true], ['user', 'u', true],
].map(([name, key, isValued]) => [name as string, {key: key as string, isValued: isValued as boolean}]));

const tryHelp = 'curl: try \'curl --help\' or \'curl --manual\' for more information\n';
// Linux gives up a TCP connect after its SYN retries (tcp_syn_retries 6): about 130 s.
const kernelConnectTimeoutMs = 130_000;

/** `curl [options] URL`; `isTerminal` when kubectl exec has -t (no progress meter then). */
export function runCurl(network: Network, argv: readonly string[], isTerminal: boolean): ToolResult {
	const parsed = parseOptions(argv, {switches: 'sSIivfLk', valued: 'moXHdwAu', long});
	if ('unknown' in parsed) {
		return result('', `curl: option ${parsed.unknown}: is unknown\n${tryHelp}`, 2);
	}

	if ('missing' in parsed) {
		return result('', `curl: option ${parsed.missing}: requires parameter\n${tryHelp}`, 2);
	}

	const {options, operands} = parsed;
	const has = (key: string) => options.get(key) === true;
	const isSilent = has('s');
	const showsErrors = !isSilent || has('S');
	const [urlText] = operands;
	if (urlText === undefined) {
		return result('', `curl: no URL specified\n${tryHelp}`, 2);
	}

	const url = parseUrl(urlText);
	if (!url) {
		return result('', showsErrors ? `curl: (3) URL rejected: Bad hostname\n` : '', 3);
	}

	if ('badScheme' in url) {
		return result('', showsErrors ? `curl: (1) Protocol "${url.badScheme}" not supported\n` : '', 1);
	}

	const limits = [seconds(options.get('m')), seconds(options.get('connect-timeout'))].filter((value): value is number => value !== undefined && value > 0);
	const limitMs = limits.length > 0 ? Math.round(Math.min(...limits) * 1000) : undefined;
	const writeOut = (code: string, address: string) => {
		const format = options.get('w');
		return typeof format === 'string' ? writeOutText(format, code, address, url.port) : '';
	};

	const meterShown = !isSilent && !isTerminal && !has('v');
	const meter = (bytes: number, spentSeconds: number) => (meterShown ? progressMeter(bytes, spentSeconds) : '');
	const fail = (code: number, message: string, spentSeconds: number, address = '') => result(writeOut('000', address), `${meter(0, spentSeconds)}${showsErrors ? `curl: (${code}) ${message}\n` : ''}`, code);
	const verbose: string[] = [];
	const found = lookUp(network, url.host);
	if (found.kind !== 'address') {
		// getaddrinfo gives up after two tries of 5 s; a shorter curl limit ends it first.
		if (found.kind !== 'nxdomain' && limitMs !== undefined && limitMs < 10_000) {
			return fail(28, `Resolving timed out after ${limitMs} milliseconds`, limitMs / 1000);
		}

		return fail(6, `Could not resolve host: ${url.host}`, found.kind === 'nxdomain' ? 0 : 10);
	}

	const address = formatted(found.address);
	const shownAddress = found.address.family === 6 ? `[${address}]` : address;
	verbose.push(`*   Trying ${shownAddress}:${url.port}...`);
	const outcome = connect(network, found.address, url.port, 'TCP');
	if (outcome === 'timeout') {
		const verboseText = has('v') ? `${verbose.join('\n')}\n` : '';
		const failed = limitMs === undefined
			? fail(28, `Failed to connect to ${url.host} port ${url.port} after ${kernelConnectTimeoutMs} ms: Couldn't connect to server`, kernelConnectTimeoutMs / 1000, address)
			: fail(28, `Connection timed out after ${limitMs} milliseconds`, limitMs / 1000, address);
		return {...failed, stderr: verboseText + failed.stderr};
	}

	if (outcome === 'refused') {
		const failed = fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`, 0, address);
		return {...failed, stderr: (has('v') ? `${verbose.join('\n')}\n` : '') + failed.stderr};
	}

	verbose.push(`* Connected to ${url.host} (${address}) port ${url.port}`);
	const method = has('I') ? 'HEAD' : (typeof options.get('X') === 'string' ? options.get('X') as string : (options.has('d') ? 'POST' : 'GET'));
	verbose.push(`> ${method} ${url.path} HTTP/1.1`, `> Host: ${url.host}${url.port === 80 ? '' : `:${url.port}`}`, '> User-Agent: curl/8.5.0', '> Accept: */*', '>');
	const kind = serverKind(url.port);
	if (kind !== 'http') {
		const stderrVerbose = has('v') ? `${verbose.join('\n')}\n` : '';
		const failed = kind === 'greeting' ? fail(1, 'Received HTTP/0.9 when not allowed', 0, address) : fail(52, 'Empty reply from server', 0, address);
		return {...failed, stderr: stderrVerbose + failed.stderr};
	}

	const body = responseBody(network, url.port);
	const head = responseHead(body);
	const shownHead = has('I') || has('i') ? head : '';
	const shownBody = has('I') ? '' : body;
	const output = options.has('o') && options.get('o') !== '-' ? '' : shownHead + shownBody;
	const verboseHead = has('v') ? `${verbose.join('\n')}\n${head.split('\r\n').filter(line => line !== '').map(line => `< ${line}`).join('\n')}\n<\n` : '';
	const verboseTail = has('v') ? `* Connection #0 to host ${url.host} left intact\n` : '';
	return result(output + writeOut('200', address), verboseHead + meter(Buffer.byteLength(shownHead + shownBody), 0) + verboseTail, 0);
}

// -w's variables that a check uses; the others are left as written.
function writeOutText(format: string, code: string, address: string, port: number): string {
	return format
		.replaceAll('%{http_code}', code)
		.replaceAll('%{response_code}', code)
		.replaceAll('%{remote_ip}', address)
		.replaceAll('%{remote_port}', address === '' ? '' : String(port))
		.replaceAll('%{exitcode}', code === '000' ? '' : '0')
		.replaceAll('\\n', '\n')
		.replaceAll('\\t', '\t');
}

// The progress meter curl writes to stderr when its output is not a terminal: the header and the last line.
function progressMeter(bytes: number, spentSeconds: number): string {
	const percent = bytes > 0 ? '100' : '  0';
	const size = String(bytes).padStart(5);
	const spent = spentSeconds === 0 ? '--:--:--' : clock(spentSeconds);
	const speed = bytes > 0 ? `${bytes}`.padStart(5) : '    0';
	return '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n'
		+ '                                 Dload  Upload   Total   Spent    Left  Speed\n'
		+ `${percent} ${size}  ${percent} ${size}    0     0  ${speed.padStart(5)}      0 --:--:-- ${spent.padStart(8)} --:--:-- ${speed}\n`;
}

function clock(totalSeconds: number): string {
	const whole = Math.round(totalSeconds);
	const hours = Math.floor(whole / 3600);
	const minutes = Math.floor((whole % 3600) / 60);
	return `${hours}:${String(minutes).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
