// A process that saves progress as the app does (merged into what the file holds), for the
// tests of saves from several processes at once and of kill -9 mid-save. Usage: node
// progress-writer.js DIRECTORY NAME COUNT; each save adds one lesson record, `<NAME>-<n>`, and
// holds that record alone, as a short-lived app would: a save lost to another's is then lost
// for good, where the app's next save would bring its earlier records back. COUNT 0 saves until
// killed. Prints `saved <n>` after each save.
import process from 'node:process';
import {type Progress, emptyProgress} from '../../source/progress/model.js';
import {saveProgressMerged} from '../../source/progress/store.js';

const [directory = '', name = '', countText = '0'] = process.argv.slice(2);
const count = Number(countText);
for (let n = 1; count === 0 || n <= count; n++) {
	const progress: Progress = {...emptyProgress(), lessons: {[`${name}-${n}`]: {pagesSeen: [0], checkpoints: {}, isCompleted: false}}};
	saveProgressMerged(directory, progress);
	process.stdout.write(`saved ${n}\n`);
}
