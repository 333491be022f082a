// What answers on a port once a connection is open: a small HTTP server on most ports (nginx's
// page on 80 and 8080, a line naming the pod elsewhere), and the usual non-HTTP servers on
// theirs, which an HTTP client cannot talk to. Invented, plausible, and the same every time.
import type {Network} from './network.js';
import {endpointName} from '../../evaluator/index.js';

/** Ports whose usual server is not HTTP: what curl gets back from each. */
const nonHttpPorts: Readonly<Record<number, 'greeting' | 'silent'>> = {
	22: 'greeting', 25: 'greeting', 53: 'silent', 3306: 'greeting', 5432: 'silent', 6379: 'silent', 9042: 'silent', 2181: 'silent', 5672: 'greeting', 11211: 'silent', 27017: 'silent',
};

export function serverKind(port: number): 'http' | 'greeting' | 'silent' {
	return nonHttpPorts[port] ?? 'http';
}

const nginxPage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working.</p>
</body>
</html>
`;

/** The pod that answered the last connection, by name, when it was a pod. */
export function answeringPod(network: Network): string | undefined {
	const flow = network.steps.at(-1)?.flow;
	return flow?.destination.kind === 'pod' ? endpointName(network.cluster, flow.destination) : undefined;
}

/** The body of `GET /` on the port, as the pod that answered serves it on the port it got (a Service's targetPort). */
export function responseBody(network: Network, port: number): string {
	const arrived = network.steps.at(-1)?.flow?.port ?? port;
	if (arrived === 80) {
		return nginxPage;
	}

	const pod = answeringPod(network);
	return pod === undefined ? `ok: port ${arrived}\n` : `ok: ${pod} on port ${arrived}\n`;
}

/** The response's header lines, CRLF-ended, with the blank line after them. */
export function responseHead(body: string): string {
	const server = body.startsWith('<!DOCTYPE') ? 'nginx/1.27.0' : 'dojo-http';
	const type = body.startsWith('<!DOCTYPE') ? 'text/html' : 'text/plain; charset=utf-8';
	return ['HTTP/1.1 200 OK', `Server: ${server}`, 'Date: Mon, 01 Dec 2025 09:00:00 GMT', `Content-Type: ${type}`, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: keep-alive', '', ''].join('\r\n');
}

/** A URL as curl and wget take it: `host`, `host:port/path`, `http://host:port/path`. */
export type Url = {readonly scheme: string; readonly host: string; readonly port: number; readonly path: string};

export function parseUrl(text: string): Url | {readonly badScheme: string} | undefined {
	const match = /^(?:([a-z][a-z\d+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/i.exec(text);
	if (!match) {
		return undefined;
	}

	const [, written, host = '', port, path] = match;
	const scheme = (written ?? 'http').toLowerCase();
	if (scheme !== 'http' && scheme !== 'https') {
		return {badScheme: written ?? scheme};
	}

	if (host === '') {
		return undefined;
	}

	return {scheme, host, port: port === undefined || port === '' ? (scheme === 'https' ? 443 : 80) : Number(port), path: path ?? '/'};
}
