/**
 * Many literal patterns found in one pass over a text (Aho–Corasick): thousands of secrets are
 * looked for in a 50 MB file without a pass per secret. The trie lives in typed arrays: most of its
 * nodes have one child (a secret's tail), held in two numbers; only branching nodes get a Map. One
 * class for every matcher, so the engine optimises its search once, not once per file.
 */

export interface Found {
  start: number;
  end: number;
  pattern: number;
}

export interface Matcher {
  /** Every occurrence accepted by `accept`, leftmost first, the longest where two start together, none overlapping. */
  find: (text: string, accept?: (found: Found, text: string) => boolean) => Found[];
}

const always = () => true;

class Automaton implements Matcher {
  /** From the root, one array read per character: most of a text matches nothing. */
  private readonly fromRoot = new Int32Array(65536);
  private readonly onlyChar: Int32Array;
  private readonly onlyChild: Int32Array;
  private readonly children: (Map<number, number> | undefined)[] = [];
  private readonly rootChildren: number[] = [];
  private readonly fail: Int32Array;
  /** The longest pattern ending at a node, and the next node whose patterns also end there. */
  private readonly out: Int32Array;
  private readonly outLink: Int32Array;
  private readonly lengths: Int32Array;
  private nodes = 1;

  constructor(patterns: readonly string[]) {
    let size = 1;
    for (const p of patterns) size += p.length;
    this.onlyChar = new Int32Array(size).fill(-1);
    this.onlyChild = new Int32Array(size);
    this.fail = new Int32Array(size);
    this.out = new Int32Array(size).fill(-1);
    this.outLink = new Int32Array(size).fill(-1);
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    patterns.forEach((pattern, index) => this.add(pattern, index));
    this.link();
  }

  /** The child of `node` along `c`, or 0 (the root is nobody's child). */
  private step(node: number, c: number): number {
    if (node === 0) return this.fromRoot[c]!;
    if (this.onlyChar[node] === c) return this.onlyChild[node]!;
    return this.children[node]?.get(c) ?? 0;
  }

  private add(pattern: string, index: number) {
    if (pattern === '') return;
    let at = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = this.step(at, c);
      if (to === 0) {
        to = this.nodes++;
        if (at === 0) {
          this.fromRoot[c] = to;
          this.rootChildren.push(to);
        } else if (this.onlyChar[at] === -1) {
          this.onlyChar[at] = c;
          this.onlyChild[at] = to;
        } else {
          const map = (this.children[at] ??= new Map([[this.onlyChar[at]!, this.onlyChild[at]!]]));
          map.set(c, to);
        }
      }
      at = to;
    }
    if (this.out[at] === -1 || this.lengths[this.out[at]!]! < pattern.length) this.out[at] = index;
  }

  /** Breadth first: each node's fail link is the longest proper suffix that is also a prefix. */
  private link() {
    const queue = new Int32Array(this.nodes);
    let tail = 0;
    for (const child of this.rootChildren) queue[tail++] = child;
    // A child of the root fails to the root (0), as the arrays start.
    const visit = (node: number, c: number, child: number) => {
      let f = this.fail[node]!;
      while (f !== 0 && this.step(f, c) === 0) f = this.fail[f]!;
      const via = this.step(f, c);
      const to = via !== child ? via : 0;
      this.fail[child] = to;
      this.outLink[child] = this.out[to] !== -1 ? to : this.outLink[to]!;
      queue[tail++] = child;
    };
    for (let q = 0; q < tail; q++) {
      const node = queue[q]!;
      const map = this.children[node];
      if (map) for (const [c, child] of map) visit(node, c, child);
      else if (this.onlyChar[node] !== -1) visit(node, this.onlyChar[node]!, this.onlyChild[node]!);
    }
  }

  find(text: string, accept: (found: Found, text: string) => boolean = always): Found[] {
    const { fromRoot, fail, out, outLink, lengths } = this;
    const all: Found[] = [];
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (at === 0) {
        at = fromRoot[c]!;
        if (at === 0) continue;
      } else {
        let to = this.step(at, c);
        while (to === 0 && at !== 0) {
          at = fail[at]!;
          to = this.step(at, c);
        }
        at = to;
        if (at === 0) continue;
      }
      for (let o = out[at] !== -1 ? at : outLink[at]!; o !== -1; o = outLink[o]!) {
        const pattern = out[o]!;
        const found = { start: i + 1 - lengths[pattern]!, end: i + 1, pattern };
        if (accept(found, text)) all.push(found);
      }
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Found[] = [];
    for (const f of all) if (!kept.length || f.start >= kept[kept.length - 1]!.end) kept.push(f);
    return kept;
  }
}

export const matcher = (patterns: readonly string[]): Matcher => new Automaton(patterns);
/** `text` with each occurrence replaced by `replacement(pattern)`; the rest kept byte for byte. */
export function replaceAll(
  text: string,
  found: readonly Found[],
  replacement: (pattern: number) => string,
): string {
  if (!found.length) return text;
  let out = '';
  let last = 0;
  for (const f of found) {
    out += text.slice(last, f.start) + replacement(f.pattern);
    last = f.end;
  }
  return out + text.slice(last);
}
