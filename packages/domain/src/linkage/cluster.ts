/**
 * Clustering of scored pairs: union-find over the edges at or above the threshold, strongest first, with
 * a guard against chaining. Two clusters merge only if no cross pair is a hard conflict (different full
 * birth dates, different sex, different national ids) that does not itself score above the threshold,
 * and the merged cluster stays within maxClusterSize. So a year-only record that fits two different
 * people joins the first (best-scoring) one, and the two people are never merged through it.
 */

export interface ClusterOptions {
  readonly threshold: number;
  readonly maxClusterSize: number;
  /** Cheap attribute check: the two records cannot be one person unless they score above the threshold. */
  readonly conflict: (x: number, y: number) => boolean;
  /** Full pair score, computed only for conflicting cross pairs. */
  readonly score: (x: number, y: number) => number;
}

export class EdgeList {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  s = new Float64Array(1024);
  length = 0;

  push(a: number, b: number, s: number): void {
    if (this.length === this.a.length) {
      const grow = <T extends Int32Array | Float64Array>(arr: T, make: (n: number) => T): T => {
        const out = make(arr.length * 2);
        out.set(arr);
        return out;
      };
      this.a = grow(this.a, (n) => new Int32Array(n));
      this.b = grow(this.b, (n) => new Int32Array(n));
      this.s = grow(this.s, (n) => new Float64Array(n));
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.s[this.length++] = s;
  }
}

export interface ClusterResult {
  /** For each record, the index of the first record (in input order) of its cluster. */
  readonly clusterOf: Int32Array;
  readonly merges: number;
  readonly refusedByConflict: number;
  readonly refusedBySize: number;
}

export function clusterEdges(n: number, edges: EdgeList, options: ClusterOptions): ClusterResult {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const list = (root: number): number[] => members.get(root) ?? [root];

  const order = new Uint32Array(edges.length);
  for (let e = 0; e < edges.length; e++) order[e] = e;
  order.sort((x, y) => (edges.s[y] as number) - (edges.s[x] as number) || (edges.a[x] as number) - (edges.a[y] as number) || (edges.b[x] as number) - (edges.b[y] as number));

  let merges = 0;
  let refusedByConflict = 0;
  let refusedBySize = 0;
  for (const e of order) {
    const ra = find(edges.a[e] as number);
    const rb = find(edges.b[e] as number);
    if (ra === rb) continue;
    const [ma, mb] = [list(ra), list(rb)];
    if (ma.length + mb.length > options.maxClusterSize) {
      refusedBySize++;
      continue;
    }
    let ok = true;
    for (const x of ma) {
      for (const y of mb) {
        if (options.conflict(x, y) && options.score(x, y) < options.threshold) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok) {
      refusedByConflict++;
      continue;
    }
    const [big, small] = ma.length >= mb.length ? [ra, rb] : [rb, ra];
    parent[small] = big;
    members.set(big, [...list(big), ...list(small)]);
    members.delete(small);
    merges++;
  }

  const first = new Int32Array(n).fill(-1);
  const clusterOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if ((first[r] as number) < 0) first[r] = i;
    clusterOf[i] = first[r] as number;
  }
  return { clusterOf, merges, refusedByConflict, refusedBySize };
}
