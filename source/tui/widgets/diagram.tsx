// Traffic as arrows: who opens a connection to whom, on which port; a line an element.
import type {ReactElement} from 'react';
import {Text} from 'ink';
import type {DiagramEdge} from '../../model/lesson.js';

export function diagramLines(edges: readonly DiagramEdge[], key: string): ReactElement[] {
	const fromWidth = Math.max(...edges.map(edge => edge.from.length));
	return edges.map(edge => {
		const mark = edge.verdict === 'allow' ? <Text color="green"> allowed</Text> : edge.verdict === 'deny' ? <Text color="red"> denied</Text> : undefined;
		return (
			<Text key={`${key}.${edge.from}.${edge.to}.${edge.port}/${edge.protocol}`}>
				{'  '}{edge.from.padEnd(fromWidth)} <Text dimColor>──{`${edge.port}/${edge.protocol}`}──▶</Text> {edge.to}{mark}
			</Text>
		);
	});
}
