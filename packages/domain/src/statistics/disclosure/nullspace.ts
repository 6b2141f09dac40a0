/**
 * Which unknowns does a homogeneous linear system pin down? Unknown u is determined by equations
 * A·x = b iff every vector z with A·z = 0 has z_u = 0. We row-reduce A over GF(p) per connected
 * component (dense rows, sparse pivot rows) and evaluate one pseudo-random nullspace vector by back
 * substitution: determined unknowns are always 0 there; a free one is 0 only with probability 1/p.
 * Two primes below 2^26 (products stay exact in doubles) are used and a cell counts as determined when
 * either vector is 0 there — so a false "determined" costs only an extra suppression, and a missed one
 * needs both primes to divide a minor of the 0/±1 constraint matrix (2-D tables are totally unimodular,
 * so there it cannot happen). Seeds are fixed: the answer is deterministic.
 */
export const PRIMES = [67_108_859, 67_108_837] as const;

/** `equations`: each a list of [unknown, coefficient]. Returns the determined unknowns. */
export function determinedUnknowns(unknowns: number, equations: readonly (readonly (readonly [number, number])[])[]): Set<number> {
  const out = new Set<number>();
  for (const component of components(unknowns, equations)) {
    const zeros = PRIMES.map((p, n) => zeroEntries(component, p, 0x9e3779b9 + n));
    for (const col of component.columns.keys()) {
      const local = component.columns.get(col)!;
      if (zeros.some((z) => z.has(local))) out.add(col);
    }
  }
  return out;
}

interface Component {
  /** unknown → local column */
  readonly columns: Map<number, number>;
  readonly rows: (readonly (readonly [number, number])[])[];
}

function components(unknowns: number, equations: readonly (readonly (readonly [number, number])[])[]): Component[] {
  const parent = Int32Array.from({ length: unknowns }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const eq of equations) for (const [u] of eq) parent[find(u)] = find(eq[0]![0]);
  const byRoot = new Map<number, Component>();
  for (let u = 0; u < unknowns; u++) {
    const root = find(u);
    let c = byRoot.get(root);
    if (!c) byRoot.set(root, (c = { columns: new Map(), rows: [] }));
    c.columns.set(u, c.columns.size);
  }
  for (const eq of equations) if (eq.length > 0) byRoot.get(find(eq[0]![0]))!.rows.push(eq);
  // An unknown in no equation is a component without rows: free, never determined.
  return [...byRoot.values()];
}

/** Local columns that are 0 in a pseudo-random nullspace vector of the component over GF(p). */
function zeroEntries(component: Component, p: number, seed: number): Set<number> {
  const n = component.columns.size;
  const m = component.rows.length;
  const a = new Float64Array(m * n);
  component.rows.forEach((eq, r) => {
    for (const [u, coef] of eq) {
      const c = component.columns.get(u)!;
      a[r * n + c] = (((a[r * n + c]! + coef) % p) + p) % p;
    }
  });
  const pivotOfRow: number[] = [];
  let rank = 0;
  for (let c = 0; c < n && rank < m; c++) {
    let pick = -1;
    for (let r = rank; r < m; r++) if (a[r * n + c] !== 0) { pick = r; break; }
    if (pick < 0) continue;
    if (pick !== rank) swapRows(a, n, pick, rank);
    const inv = inverse(a[rank * n + c]!, p);
    const nz: number[] = [];
    for (let j = c; j < n; j++) {
      const v = a[rank * n + j]!;
      if (v !== 0) {
        a[rank * n + j] = (v * inv) % p;
        nz.push(j);
      }
    }
    for (let r = rank + 1; r < m; r++) {
      const f = a[r * n + c]!;
      if (f === 0) continue;
      for (const j of nz) a[r * n + j] = (a[r * n + j]! - ((f * a[rank * n + j]!) % p) + p) % p;
    }
    pivotOfRow.push(c);
    rank++;
  }
  const z = new Float64Array(n);
  let state = seed >>> 0;
  const isPivot = new Uint8Array(n);
  for (const c of pivotOfRow) isPivot[c] = 1;
  for (let c = 0; c < n; c++) {
    if (isPivot[c]) continue;
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    z[c] = (state % (p - 1)) + 1;
  }
  for (let r = rank - 1; r >= 0; r--) {
    const c = pivotOfRow[r]!;
    let s = 0;
    for (let j = c + 1; j < n; j++) {
      const v = a[r * n + j]!;
      if (v !== 0 && z[j] !== 0) s = (s + v * z[j]!) % p;
    }
    z[c] = (p - s) % p;
  }
  const zeros = new Set<number>();
  for (let c = 0; c < n; c++) if (z[c] === 0) zeros.add(c);
  return zeros;
}

function swapRows(a: Float64Array, n: number, i: number, j: number): void {
  for (let k = 0; k < n; k++) {
    const t = a[i * n + k]!;
    a[i * n + k] = a[j * n + k]!;
    a[j * n + k] = t;
  }
}

/** Modular inverse by the extended Euclidean algorithm (p prime, 0 < x < p). */
function inverse(x: number, p: number): number {
  let [r0, r1, s0, s1] = [p, x, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % p) + p) % p;
}
