// busybox nslookup (1.36) in a dojo pod: `nslookup NAME [SERVER]`. The query is a flow on UDP 53
// to the cluster DNS (or to SERVER), decided by the evaluator; the answer is the cluster's
// records: Services, pod A records, and names outside the cluster (forwarded upstream).
import {type Network, dnsServersOf, formatted, lookUp} from './network.js';
import {type ToolResult, result} from './options.js';
import {parseAddress} from '../../evaluator/index.js';
import {addressKey} from '../../kube/ip.js';

const usage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

export function runNslookup(network: Network, argv: readonly string[]): ToolResult {
	const operands = argv.filter(word => !/^-(type|query|debug|retry|timeout|port)/.test(word));
	if (operands.length === 0 || operands.length > 2 || operands.some(word => word.startsWith('-'))) {
		return result('', usage, 1);
	}

	const [name, serverText] = operands as [string, string?];
	const server = serverText === undefined ? undefined : parseAddress(serverText);
	if (serverText !== undefined && !server) {
		// busybox looks a named server up first; the dojo takes only addresses there.
		return result('', `nslookup: bad address '${serverText}'\n`, 1);
	}

	const shownServer = server ?? dnsServersOf(network)?.address;
	const header = shownServer ? `Server:\t\t${formatted(shownServer)}\nAddress:\t${formatted(shownServer)}:53\n\n` : '';
	if (parseAddress(name)) {
		return reverse(network, name, header, server);
	}

	const found = lookUp(network, name, server);
	switch (found.kind) {
		case 'no-dns':
		case 'timeout': {
			return result(';; connection timed out; no servers could be reached\n\n', '', 1);
		}

		case 'nxdomain': {
			return result(`${header}** server can't find ${name}: NXDOMAIN\n\n`, '', 1);
		}

		case 'address': {
			const authority = found.isOutsideName === true ? 'Non-authoritative answer:\n' : '';
			return result(`${header}${authority}Name:\t${found.name ?? name}\nAddress: ${formatted(found.address)}\n\n`, '', 0);
		}
	}
}

// A PTR query: a Service's address names the Service, a pod's its pod record.
function reverse(network: Network, text: string, header: string, server: ReturnType<typeof parseAddress>): ToolResult {
	const address = parseAddress(text)!;
	const pointer = `${formatted(address).split('.').reverse().join('.')}.in-addr.arpa`;
	// The query itself goes through the DNS as any other does.
	const asked = lookUp(network, `${pointer}.`, server);
	if (asked.kind === 'no-dns' || asked.kind === 'timeout') {
		return result(';; connection timed out; no servers could be reached\n\n', '', 1);
	}

	const service = network.serviceAt.get(addressKey(address));
	const pod = network.cluster.podsByAddress.get(addressKey(address))?.[0];
	const name = service
		? `${service.name}.${service.namespace}.svc.cluster.local`
		: (pod === undefined || address.family !== 4 ? undefined : `${formatted(address).replaceAll('.', '-')}.${network.cluster.pods[pod]!.namespace}.pod.cluster.local`);
	return name === undefined
		? result(`${header}** server can't find ${pointer}: NXDOMAIN\n\n`, '', 1)
		: result(`${header}${pointer}\tname = ${name}\n\n`, '', 0);
}
