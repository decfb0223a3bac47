// "Did you mean …?": close matches for a misspelt key, enum value or id.

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
 * giving up early once the distance exceeds `limit` (returns `limit + 1`).
 * With a finite limit only the diagonal band |i - j| <= limit is computed
 * (cells outside it exceed the limit anyway), so two long, similar ids cost
 * O(length * limit), not O(length^2): a 1 MB id would otherwise hang.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  const far = Number.isFinite(limit) ? limit + 1 : Number.POSITIVE_INFINITY;
  // Cell (i, j) lives in row i at slot j - i + band + 1; slots 0 and 2·band+2
  // are sentinels, and every cell outside the band reads as `far`.
  const width = 2 * band + 3;
  let prevPrev = new Float64Array(width).fill(far);
  let prev = new Float64Array(width).fill(far);
  let cur = new Float64Array(width).fill(far);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j + band + 1] = j;
  for (let i = 1; i <= a.length; i++) {
    cur.fill(far);
    let rowMin = far;
    if (i <= band) {
      cur[band + 1 - i] = i;
      rowMin = i;
    }
    const hi = Math.min(b.length, i + band);
    for (let j = Math.max(1, i - band); j <= hi; j++) {
      const s = j - i + band + 1;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[s + 1] as number) + 1, (cur[s - 1] as number) + 1, (prev[s] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (prevPrev[s] as number) + 1);
      }
      cur[s] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[b.length - a.length + band + 1] as number;
}

/** How many edits a word of this length may be away from a candidate. */
function threshold(length: number): number {
  if (length <= 1) return 0;
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

const MAX_CANDIDATES = 10_000;

/**
 * Up to `max` candidates close to `word`, best first: a case-insensitive equal,
 * then prefix matches (either way, at least 2 characters), then edit distance
 * within a threshold that grows with the word's length. Ties keep the
 * candidates' order. Never throws; looks at most 10 000 candidates.
 */
export function closestMatches(word: string, candidates: Iterable<string>, max = 3): string[] {
  if (max <= 0 || typeof word !== 'string' || word.length === 0) return [];
  const w = word.toLowerCase();
  const limit = threshold(w.length);
  const scored: { c: string; score: number; order: number }[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const c of candidates) {
    if (order >= MAX_CANDIDATES) break;
    order++;
    if (typeof c !== 'string' || c.length === 0 || seen.has(c)) continue;
    seen.add(c);
    const lc = c.toLowerCase();
    let score: number;
    if (lc === w) {
      score = c === word ? -1 : 0;
    } else {
      const shorter = Math.min(lc.length, w.length);
      const prefix = shorter >= 2 && (lc.startsWith(w) || w.startsWith(lc));
      const dist = editDistance(w, lc, limit);
      if (dist <= limit) score = prefix ? Math.min(dist, 1) : dist;
      else if (prefix) score = 1 + Math.abs(lc.length - w.length) / 100;
      else continue;
      // Prefer a candidate of about the same length among equal distances.
      score += Math.abs(lc.length - w.length) / 1000;
    }
    scored.push({ c, score, order });
  }
  scored.sort((x, y) => x.score - y.score || x.order - y.order);
  return scored.slice(0, max).map((s) => s.c);
}
