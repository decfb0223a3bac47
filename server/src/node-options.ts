// Node options our clients start the language server with (the VS Code
// client, and the Neovim setup in the README). A program's syntax tree is
// large and long-lived, and most garbage dies young: a small young generation
// is scavenged more often, which keeps the server's peak memory down for no
// measurable cost in speed (10,000 tasks: about 515 MB peak without, 430 MB
// with; see `npm run bench`).
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=4'];
