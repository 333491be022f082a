// `kubectl describe` pod, namespace and service, in the layout of kubectl's describePod,
// describeNamespace and describeService. The dojo's pods are running, ready and never
// restarted, as `get pods` shows them; a Service's Endpoints are the pods its selector picks,
// on the port its targetPort resolves to in each (by number, or the container port's name).
import {toPod} from '../kube/pod.js';
import {toService} from '../kube/service.js';
import type {Pod, ServicePort} from '../model/kubernetes.js';
import {annotationLines, clean, createdAt, labelLines, level, list, record, rfc1123zText} from './describe-text.js';
import {type ClusterState, type RawObject, kindOf, metadataOf, namespaceOf, text} from './state.js';
import {labelsText} from './tables.js';
import {tabbed} from './tabwriter.js';

const readyConditions = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

export function describePod(pod: RawObject, fallbackTime: number): string {
	const metadata = record(pod['metadata']);
	const spec = record(pod['spec']);
	const status = record(pod['status']);
	const started = rfc1123zText(createdAt(pod, fallbackTime));
	const ips = list(status['podIPs']).map(entry => text(record(entry)['ip'], '')).filter(ip => ip !== '');
	const podIp = text(status['podIP'], ips[0] ?? '');
	const allIps = ips.length > 0 ? ips : (podIp === '' ? [] : [podIp]);
	const owner = list(metadata['ownerReferences']).map(reference => record(reference)).find(reference => reference['controller'] === true);
	let out = `Name:\t${clean(text(metadata['name'], ''))}\n`
		+ `Namespace:\t${clean(text(metadata['namespace'], 'default'))}\n`
		+ 'Priority:\t0\n'
		+ `Service Account:\t${clean(text(spec['serviceAccountName'], 'default'))}\n`
		+ `Node:\t${clean(text(spec['nodeName'], 'dojo-node'))}/${clean(text(status['hostIP'], ''))}\n`
		+ `Start Time:\t${started}\n`
		+ labelLines('Labels', metadata['labels'])
		+ annotationLines(metadata['annotations'])
		+ 'Status:\tRunning\n'
		+ `IP:\t${clean(podIp)}\n`
		+ (allIps.length === 0 ? 'IPs:\t<none>\n' : `IPs:\n${allIps.map(ip => `${level(1)}IP:\t${clean(ip)}\n`).join('')}`)
		+ (owner ? `Controlled By:\t${clean(text(owner['kind'], ''))}/${clean(text(owner['name'], ''))}\n` : '');
	const containers = list(spec['containers']).map(container => record(container));
	out += `Containers:${containers.length === 0 ? ' <none>' : ''}\n`;
	for (const container of containers) {
		out += containerLines(container, started);
	}

	out += `Conditions:\n${level(1)}Type\tStatus\n${readyConditions.map(condition => `${level(1)}${condition} \tTrue \n`).join('')}`;
	const volumes = list(spec['volumes']).map(volume => clean(text(record(volume)['name'], '')));
	out += volumes.length === 0 ? 'Volumes:\t<none>\n' : `Volumes:\n${volumes.map(name => `${level(1)}${name}:\n${level(2)}Type:\t<unknown>\n`).join('')}`;
	out += `QoS Class:\t${qosClass(containers)}\n`
		+ labelLines('Node-Selectors', spec['nodeSelector'])
		+ `Tolerations:\t${list(spec['tolerations']).length === 0 ? '<none>' : tolerationsText(list(spec['tolerations']))}\n`
		+ 'Events:\t<none>\n';
	return tabbed(out);
}

function containerLines(container: Record<string, unknown>, started: string): string {
	const ports = list(container['ports']).map(port => record(port));
	const portText = ports.map(port => `${clean(text(port['containerPort'], '0'))}/${clean(text(port['protocol'], 'TCP'))}`).join(', ');
	const hostText = ports.map(port => `${clean(text(port['hostPort'], '0'))}/${clean(text(port['protocol'], 'TCP'))}`).join(', ');
	const commandLines = (title: string, field: string) => {
		const words = list(container[field]).map(word => text(word, ''));
		return words.length === 0 ? '' : `${level(2)}${title}:\n${words.flatMap(word => word.split('\n')).map(line => `${level(3)}${clean(line)}\n`).join('')}`;
	};

	const environment = list(container['env']).map(variable => record(variable));
	return `${level(1)}${clean(text(container['name'], ''))}:\n`
		+ `${level(2)}Image:\t${clean(text(container['image'], ''))}\n`
		+ `${level(2)}${portText.includes(',') ? 'Ports' : 'Port'}:\t${portText === '' ? '<none>' : portText}\n`
		+ `${level(2)}${hostText.includes(',') ? 'Host Ports' : 'Host Port'}:\t${hostText === '' ? '<none>' : hostText}\n`
		+ commandLines('Command', 'command')
		+ commandLines('Args', 'args')
		+ `${level(2)}State:\tRunning\n${level(3)}Started:\t${started}\n`
		+ `${level(2)}Ready:\tTrue\n${level(2)}Restart Count:\t0\n`
		+ `${level(2)}Environment:${environment.length === 0 ? '\t<none>' : ''}\n`
		+ environment.map(variable => `${level(3)}${clean(text(variable['name'], ''))}:\t${clean(text(variable['value'], ''))}\n`).join('')
		+ `${level(2)}Mounts:${list(container['volumeMounts']).length === 0 ? '\t<none>' : ''}\n`
		+ list(container['volumeMounts']).map(mount => record(mount)).map(mount => `${level(3)}${clean(text(mount['mountPath'], ''))} from ${clean(text(mount['name'], ''))} (${mount['readOnly'] === true ? 'ro' : 'rw'})\n`).join('');
}

// qos.GetPodQOS, for the requests and limits a dojo pod may carry: none is BestEffort, cpu and
// memory limited everywhere with requests equal to limits is Guaranteed, anything else Burstable.
function qosClass(containers: ReadonlyArray<Record<string, unknown>>): string {
	const resources = containers.map(container => record(container['resources']));
	if (resources.every(resource => Object.keys(record(resource['requests'])).length === 0 && Object.keys(record(resource['limits'])).length === 0)) {
		return 'BestEffort';
	}

	const isGuaranteed = resources.every(resource => {
		const limits = record(resource['limits']);
		const requests = {...limits, ...record(resource['requests'])};
		return ['cpu', 'memory'].every(name => limits[name] !== undefined && text(limits[name], '') === text(requests[name], ''));
	});
	return isGuaranteed ? 'Guaranteed' : 'Burstable';
}

function tolerationsText(tolerations: readonly unknown[]): string {
	return tolerations.map(entry => record(entry)).map(toleration => {
		const key = text(toleration['key'], '');
		const value = text(toleration['value'], '');
		const effect = text(toleration['effect'], '');
		const exists = toleration['operator'] === 'Exists' && value === '' ? (key === '' && effect === '' ? 'op=Exists' : ' op=Exists') : '';
		const seconds = typeof toleration['tolerationSeconds'] === 'number' ? ` for ${toleration['tolerationSeconds']}s` : '';
		return clean(`${key}${value === '' ? '' : `=${value}`}${effect === '' ? '' : `:${effect}`}${exists}${seconds}`);
	}).join('\n\t');
}

export function describeNamespace(namespace: RawObject): string {
	const metadata = record(namespace['metadata']);
	return tabbed(`Name:\t${clean(text(metadata['name'], ''))}\n`
		+ labelLines('Labels', metadata['labels'])
		+ annotationLines(metadata['annotations'])
		+ 'Status:\tActive\n'
		+ '\nNo resource quota.\n'
		+ '\nNo LimitRange resource.\n');
}

/** At most three endpoints are listed, then how many more (formatEndpointSlices). */
const shownEndpoints = 3;

export function describeService(service: RawObject, state: ClusterState): string {
	const metadata = record(service['metadata']);
	const spec = record(service['spec']);
	const typed = toService(service);
	const clusterIp = text(spec['clusterIP'], '<none>');
	const clusterIps = list(spec['clusterIPs']).map(ip => text(ip, ''));
	const families = list(spec['ipFamilies']).map(family => text(family, ''));
	let out = `Name:\t${clean(text(metadata['name'], ''))}\n`
		+ `Namespace:\t${clean(text(metadata['namespace'], 'default'))}\n`
		+ labelLines('Labels', metadata['labels'])
		+ annotationLines(metadata['annotations'])
		+ `Selector:\t${clean(labelsText(typed.selector ?? {}))}\n`
		+ `Type:\t${clean(text(spec['type'], 'ClusterIP'))}\n`
		+ `IP Family Policy:\t${clean(text(spec['ipFamilyPolicy'], 'SingleStack'))}\n`
		+ `IP Families:\t${clean(families.length === 0 ? 'IPv4' : families.join(','))}\n`
		+ `IP:\t${clean(clusterIp)}\n`
		+ `IPs:\t${clean(clusterIps.length > 0 ? clusterIps.join(',') : clusterIp)}\n`;
	const backends = typed.selector === undefined ? undefined : podsSelected(state, typed.namespace, typed.selector);
	for (const [index, port] of typed.ports.entries()) {
		const written = record(list(spec['ports'])[index]);
		const name = port.name ?? '<unset>';
		out += `Port:\t${clean(name)}\t${port.port}/${port.protocol}\n`
			+ `TargetPort:\t${clean(String(port.targetPort))}/${port.protocol}\n`
			+ (typeof written['nodePort'] === 'number' ? `NodePort:\t${clean(name)}\t${written['nodePort']}/${port.protocol}\n` : '')
			+ `Endpoints:\t${backends === undefined ? '<none>' : endpointsText(backends, port)}\n`;
	}

	out += `Session Affinity:\t${clean(text(spec['sessionAffinity'], 'None'))}\n`
		+ `Internal Traffic Policy:\t${clean(text(spec['internalTrafficPolicy'], 'Cluster'))}\n`
		+ 'Events:\t<none>\n';
	return tabbed(out);
}

// The pods the EndpointSlice controller would pick: the Service's namespace, every selector label.
function podsSelected(state: ClusterState, namespace: string, selector: Readonly<Record<string, string>>): Pod[] {
	return state.objects
		.filter(object => kindOf(object) === 'Pod' && namespaceOf(object) === namespace)
		.filter(object => Object.entries(selector).every(([key, value]) => metadataOf(object).labels[key] === value))
		.sort((left, right) => (metadataOf(left).name < metadataOf(right).name ? -1 : 1))
		.map(object => toPod(object));
}

// A backend is listed on the targetPort's number, or on its container port of that name and
// protocol; a pod without that port is no endpoint of this port.
function endpointsText(pods: readonly Pod[], port: ServicePort): string {
	const addresses = pods.flatMap(pod => {
		const [ip] = pod.ips;
		const number = typeof port.targetPort === 'number' ? port.targetPort : pod.ports.find(entry => entry.name === port.targetPort && entry.protocol === port.protocol)?.port;
		return ip === undefined || number === undefined ? [] : [ip.includes(':') ? `[${ip}]:${number}` : `${ip}:${number}`];
	});
	const shown = addresses.slice(0, shownEndpoints).map(address => clean(address)).join(',');
	return addresses.length > shownEndpoints ? `${shown} + ${addresses.length - shownEndpoints} more...` : shown;
}
