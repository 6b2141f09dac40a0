/**
 * A trie over the distinct loose name keys of a list, searched with a Levenshtein automaton (one DP row
 * per trie level; a branch is abandoned when every cell of its row exceeds the bound). Finds every key
 * within an edit distance of a query key without comparing the query to each key. Children are kept in
 * parallel arrays (char codes, nodes): iteration is the hot loop of screening.
 */
interface TrieNode {
  readonly chars: number[];
  readonly kids: TrieNode[];
  /** Postings of the key ending here (null when no key ends here). */
  postings: number[] | null;
}

const node = (): TrieNode => ({ chars: [], kids: [], postings: null });

export type TrieVisitor = (postings: readonly number[], keyLength: number, distance: number) => void;

export class KeyTrie {
  private readonly root = node();
  private maxDepth = 0;
  private words = 0;
  private rows = new Int32Array(0);
  private query = new Int32Array(0);

  get size(): number {
    return this.words;
  }

  add(word: string, posting: number): void {
    let at = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const k = at.chars.indexOf(c);
      let next = k >= 0 ? at.kids[k] : undefined;
      if (!next) {
        next = node();
        at.chars.push(c);
        at.kids.push(next);
      }
      at = next;
    }
    if (at.postings === null) {
      at.postings = [];
      this.words++;
    }
    if (at.postings[at.postings.length - 1] !== posting) at.postings.push(posting);
    this.maxDepth = Math.max(this.maxDepth, word.length);
  }

  /** Calls `visit(postings, k.length, d)` for every stored key k with d = levenshtein(query, k) ≤ maxDistance. */
  search(query: string, maxDistance: number, visit: TrieVisitor): void {
    const width = query.length + 1;
    const depthLimit = Math.min(this.maxDepth, query.length + maxDistance);
    const need = (depthLimit + 1) * width;
    if (this.rows.length < need) this.rows = new Int32Array(need * 2);
    if (this.query.length < width) this.query = new Int32Array(width * 2);
    for (let i = 0; i < query.length; i++) this.query[i] = query.charCodeAt(i);
    for (let i = 0; i < width; i++) this.rows[i] = i;
    this.walk(this.root, 0, width, depthLimit, maxDistance, visit);
  }

  private walk(at: TrieNode, depth: number, width: number, depthLimit: number, maxDistance: number, visit: TrieVisitor): void {
    if (depth >= depthLimit) return;
    const rows = this.rows;
    const q = this.query;
    const prev = depth * width;
    const base = prev + width;
    const chars = at.chars;
    for (let k = 0; k < chars.length; k++) {
      const c = chars[k] as number;
      let left = depth + 1;
      rows[base] = left;
      let min = left;
      for (let i = 1; i < width; i++) {
        const diag = (rows[prev + i - 1] as number) + (q[i - 1] === c ? 0 : 1);
        const up = (rows[prev + i] as number) + 1;
        let v = left + 1;
        if (up < v) v = up;
        if (diag < v) v = diag;
        rows[base + i] = v;
        left = v;
        if (v < min) min = v;
      }
      const child = at.kids[k] as TrieNode;
      if (child.postings !== null && left <= maxDistance) visit(child.postings, depth + 1, left);
      if (min <= maxDistance) this.walk(child, depth + 1, width, depthLimit, maxDistance, visit);
    }
  }
}
