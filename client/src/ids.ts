// Names shared by package.json's `contributes` and the code. A unit test
// checks that every command here is contributed and vice versa.
export const LANGUAGE_ID = 'program-yaml';
export const CONFIG_SECTION = 'programAsCode';

export const Commands = {
  openPreview: 'programAsCode.openPreview',
  openPreviewToSide: 'programAsCode.openPreviewToSide',
  goToDependents: 'programAsCode.goToDependents',
  goToDependencies: 'programAsCode.goToDependencies',
  showCriticalPath: 'programAsCode.showCriticalPath',
  exportGanttSvg: 'programAsCode.exportGanttSvg',
  exportGraphSvg: 'programAsCode.exportGraphSvg',
  exportRiskCsv: 'programAsCode.exportRiskCsv',
  copyAsMermaid: 'programAsCode.copyAsMermaid',
  newProgram: 'programAsCode.newProgram',
  restartServer: 'programAsCode.restartServer',
  pickBaseline: 'programAsCode.pickBaseline',
  /** The server's code lenses call this (server/src/features/code-lens.ts); hidden from the palette. */
  showDependents: 'programAsCode.showDependents',
} as const;
