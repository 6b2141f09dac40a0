/**
 * Name against name: token similarity matrix, best one-to-one alignment (so token order does not
 * matter: "Petrov Ivan" = "Ivan Petrov"), weighted mean over aligned pairs, then penalties for tokens left
 * over (missing middle name or patronymic) and for a one-token name against a longer one.
 */
import { TOKEN_LEVELS, tokenSimilarity, type TokenLevel } from './token-similarity.ts';
import type { PreparedName, PreparedToken } from './tokens.ts';
import { MAX_TOKENS, SINGLE_TOKEN_CAP, SURNAME_WEIGHT, UNMATCHED_TOKEN_FACTOR } from './weights.ts';

export interface TokenPairExplanation {
  readonly a: string;
  readonly b: string;
  readonly level: TokenLevel;
  readonly score: number;
}

export interface NameComparison {
  readonly score: number;
  readonly pairs: readonly TokenPairExplanation[];
  readonly unmatched: readonly string[];
}

const CELLS = MAX_TOKENS * MAX_TOKENS;
const sims = new Float64Array(CELLS);
const gains = new Float64Array(CELLS);
const wts = new Float64Array(CELLS);
const levels = new Uint8Array(CELLS);
const best = new Int8Array(MAX_TOKENS);
const current = new Int8Array(MAX_TOKENS);
let bestGain = -1;

const weightOf = (t: PreparedToken) => (t.surnameLike ? SURNAME_WEIGHT : 1);

/** Exhaustive search over assignments of the `rows` tokens to distinct columns (small names only). */
function search(row: number, rows: number, cols: number, used: number, gain: number, transposed: boolean, m: number): void {
  if (row === rows) {
    if (gain > bestGain) {
      bestGain = gain;
      best.set(current.subarray(0, rows));
    }
    return;
  }
  for (let c = 0; c < cols; c++) {
    if (used & (1 << c)) continue;
    current[row] = c;
    const cell = transposed ? c * m + row : row * m + c;
    search(row + 1, rows, cols, used | (1 << c), gain + (gains[cell] ?? 0), transposed, m);
  }
}

/** Greedy alignment for larger names: repeatedly take the best remaining cell. */
function greedy(rows: number, cols: number, transposed: boolean, m: number): void {
  let usedCols = 0;
  let usedRows = 0;
  for (let k = 0; k < rows; k++) {
    let bc = -1;
    let br = -1;
    let bg = -1;
    for (let r = 0; r < rows; r++) {
      if (usedRows & (1 << r)) continue;
      for (let c = 0; c < cols; c++) {
        if (usedCols & (1 << c)) continue;
        const g = gains[transposed ? c * m + r : r * m + c] ?? 0;
        if (g > bg) {
          bg = g;
          br = r;
          bc = c;
        }
      }
    }
    usedRows |= 1 << br;
    usedCols |= 1 << bc;
    best[br] = bc;
  }
}

export function compareNames(a: PreparedName, b: PreparedName, explain: boolean): NameComparison {
  const n = a.tokens.length;
  const m = b.tokens.length;
  if (n === 0 || m === 0) return { score: 0, pairs: [], unmatched: [] };
  for (let i = 0; i < n; i++) {
    const ta = a.tokens[i] as PreparedToken;
    const wa = weightOf(ta);
    for (let j = 0; j < m; j++) {
      const tb = b.tokens[j] as PreparedToken;
      const cell = i * m + j;
      const s = tokenSimilarity(ta, tb, levels, cell);
      const w = Math.max(wa, weightOf(tb));
      sims[cell] = s;
      wts[cell] = w;
      gains[cell] = s * w;
    }
  }
  // Rows = the side with fewer tokens; `transposed` when that is b.
  const transposed = m < n;
  const rows = transposed ? m : n;
  const cols = transposed ? n : m;
  bestGain = -1;
  if (rows * cols <= 16) search(0, rows, cols, 0, 0, transposed, m);
  else greedy(rows, cols, transposed, m);

  let num = 0;
  let den = 0;
  for (let r = 0; r < rows; r++) {
    const c = best[r] ?? 0;
    const cell = transposed ? c * m + r : r * m + c;
    num += gains[cell] ?? 0;
    den += wts[cell] ?? 1;
  }
  let score = den > 0 ? num / den : 0;
  score *= UNMATCHED_TOKEN_FACTOR ** (cols - rows);
  if (rows === 1 && cols > 1) score = Math.min(score, SINGLE_TOKEN_CAP);
  if (!explain) return { score, pairs: [], unmatched: [] };

  const pairs: TokenPairExplanation[] = [];
  const matchedCols = new Set<number>();
  for (let r = 0; r < rows; r++) {
    const c = best[r] ?? 0;
    matchedCols.add(c);
    const [i, j] = transposed ? [c, r] : [r, c];
    const cell = i * m + j;
    pairs.push({
      a: a.tokens[i]?.text ?? '',
      b: b.tokens[j]?.text ?? '',
      level: TOKEN_LEVELS[levels[cell] ?? 0] ?? 'none',
      score: Math.round((sims[cell] ?? 0) * 1000) / 1000,
    });
  }
  const longer = transposed ? a.tokens : b.tokens;
  const unmatched = longer.filter((_t, k) => !matchedCols.has(k)).map((t) => t.text);
  return { score, pairs, unmatched };
}
