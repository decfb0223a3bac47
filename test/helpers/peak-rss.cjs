// Preloaded with `node --require` into a child process (the CLI in tests and
// in `npm run bench`): on exit it writes the process's peak resident memory,
// `PEAK_RSS_KB=<n>`, to standard error, so callers can read it without
// /usr/bin/time.
process.on('exit', () => {
  try {
    process.stderr.write(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
  } catch {
    // stderr may be closed; the figure is then simply missing.
  }
});
