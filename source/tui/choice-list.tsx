// The one way the app shows a list to choose from: ink-select-input, reporting the highlighted
// and the chosen index.
import SelectInput from 'ink-select-input';

type Props = {
	readonly labels: readonly string[];
	readonly selected: number;
	/** Rows to show at most; the list scrolls within them. */
	readonly limit?: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

export function ChoiceList({labels, selected, limit, onHighlight, onChoose}: Props) {
	const items = labels.map((label, index) => ({key: String(index), label, value: index}));
	return (
		<SelectInput
			items={items}
			initialIndex={selected}
			{...(limit === undefined ? {} : {limit})}
			onHighlight={item => {
				onHighlight(item.value);
			}}
			onSelect={item => {
				onChoose(item.value);
			}}
		/>
	);
}
