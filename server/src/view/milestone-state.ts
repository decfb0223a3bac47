// The core's one vocabulary of milestone states (program/milestone-state.ts,
// which imports nothing) for the faces that may not import the core: the
// webview's legend and tabs say a state in the same words as hover, the CLI
// and the exports.
export { milestoneStateWords } from '../program/milestone-state.js';
export type { MilestoneState } from '../program/milestone-state.js';
