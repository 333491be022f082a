// The one way the app shows a list to choose from: ink-select-input, reporting the highlighted
// and the chosen index.
import SelectInput from 'ink-select-input';
import {InlineText} from './rich-text.js';

// Choices are written in the lessons' Markdown subset: `code` shows as code, not in backticks.
function ChoiceItem({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return <InlineText text={label} color={isSelected ? 'blue' : undefined}/>;
}

type Props = {
	readonly labels: readonly string[];
	readonly selected: number;
	/** Rows to show at most; the list scrolls within them. */
	readonly limit?: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

/** A screen's list: the highlighted item, and what to call when the highlight moves or an item is chosen. */
export type MenuProps = {
	readonly selected: number;
	readonly onHighlight: (index: number) => void;
	readonly onChoose: (index: number) => void;
};

export function ChoiceList({labels, selected, limit, onHighlight, onChoose}: Props) {
	// ink-select-input calls onSelect with no item when its list is empty.
	if (labels.length === 0) {
		return undefined;
	}

	const items = labels.map((label, index) => ({key: String(index), label, value: index}));
	// ink-select-input keeps its scroll position when the limit changes (a resized terminal), and
	// then reports another item than the one it marks: a new limit starts a new list at `selected`.
	return (
		<SelectInput
			key={limit ?? 'all'}
			items={items}
			itemComponent={ChoiceItem}
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
