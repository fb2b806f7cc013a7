/**
 * Many literal patterns found in one pass over a text (Aho–Corasick): thousands of secrets are
 * looked for in a 50 MB file without a pass per secret.
 */

interface Node {
  next: Map<number, number>;
  fail: number;
  /** The longest pattern ending here, and the next node whose patterns also end here. */
  out: number;
  outLink: number;
}

export interface Found {
  start: number;
  end: number;
  pattern: number;
}

export interface Matcher {
  /** Every occurrence accepted by `accept`, leftmost first, the longest where two start together, none overlapping. */
  find: (text: string, accept?: (found: Found, text: string) => boolean) => Found[];
}

export function matcher(patterns: readonly string[]): Matcher {
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: -1, outLink: -1 }];
  patterns.forEach((pattern, index) => {
    if (pattern === '') return;
    let at = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = nodes[at]!.next.get(c);
      if (to === undefined) {
        to = nodes.push({ next: new Map(), fail: 0, out: -1, outLink: -1 }) - 1;
        nodes[at]!.next.set(c, to);
      }
      at = to;
    }
    const node = nodes[at]!;
    if (node.out === -1 || patterns[node.out]!.length < pattern.length) node.out = index;
  });
  // Breadth first: each node's fail link is the longest proper suffix that is also a prefix.
  const queue: number[] = [...nodes[0]!.next.values()];
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q]!;
    const node = nodes[id]!;
    for (const [c, child] of node.next) {
      let f = node.fail;
      while (f !== 0 && !nodes[f]!.next.has(c)) f = nodes[f]!.fail;
      const via = nodes[f]!.next.get(c);
      const fail = via !== undefined && via !== child ? via : 0;
      const target = nodes[child]!;
      target.fail = fail;
      target.outLink = nodes[fail]!.out !== -1 ? fail : nodes[fail]!.outLink;
      queue.push(child);
    }
  }

  // Most of a text matches nothing: from the root, one array read per character instead of a Map lookup.
  const fromRoot = new Int32Array(65536);
  for (const [c, child] of nodes[0]!.next) fromRoot[c] = child;

  return {
    find(text, accept = () => true) {
      const all: Found[] = [];
      let at = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (at === 0) {
          at = fromRoot[c]!;
          if (at === 0) continue;
        } else {
          while (at !== 0 && !nodes[at]!.next.has(c)) at = nodes[at]!.fail;
          at = at === 0 ? fromRoot[c]! : (nodes[at]!.next.get(c) ?? 0);
        }
        for (let o = nodes[at]!.out !== -1 ? at : nodes[at]!.outLink; o !== -1; o = nodes[o]!.outLink) {
          const pattern = nodes[o]!.out;
          const found = { start: i + 1 - patterns[pattern]!.length, end: i + 1, pattern };
          if (accept(found, text)) all.push(found);
        }
      }
      all.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: Found[] = [];
      for (const f of all) if (!kept.length || f.start >= kept[kept.length - 1]!.end) kept.push(f);
      return kept;
    },
  };
}

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
