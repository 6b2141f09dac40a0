/**
 * Bounded Levenshtein distance on short keys. Returns `max + 1` as soon as the distance must exceed
 * `max` (every cell of a row is above it), so most non-matching pairs stop after a row or two.
 * Uses one module-level buffer: the domain is single-threaded per isolate and the buffer is never
 * observable outside this function.
 */
let row = new Int32Array(64);

export function boundedLevenshtein(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (row.length < lb + 1) row = new Int32Array(lb + 1);
  for (let j = 0; j <= lb; j++) row[j] = j;
  for (let i = 1; i <= la; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const up = row[j] ?? 0;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + cost);
      row[j] = v;
      diag = up;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return row[lb] ?? max + 1;
}

/** Plain Levenshtein similarity ratio 1 - d / max(len): the benchmark baseline. */
export function levenshteinRatio(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  return 1 - boundedLevenshtein(a, b, n) / n;
}
