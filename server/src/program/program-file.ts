// What a program file is called: `*.program.yaml` or `*.program.yml`, any
// case (README, "The format in brief"). The one pattern for the workspace
// scan, open documents and files read from a git revision. Imports nothing,
// so any part may use it.
export const PROGRAM_FILE_RE = /\.program\.ya?ml$/i;
