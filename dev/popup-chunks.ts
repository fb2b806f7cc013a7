import { dirname, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * How the build splits what the popup loads (issue 22). Extension pages get their files from the
 * browser one after another, so every file the popup waits for costs it time: left to itself the
 * bundler gave the popup 8 files, each a different mix of what some other page or the worker shares.
 * Here the popup loads 3: its own code, one chunk of what it shares with the other pages (`ui`), and
 * one of what it shares with the worker (`common`: storage, messages, words, no page code, so the
 * worker never runs a page's code). Other pages and the worker import these chunks as they need them.
 *
 * The test functions read the module graph, which is complete when the bundler starts forming chunks.
 */
export function popupChunks(entries: { popup: string; worker: string }) {
  const imports = new Map<string, readonly string[]>();
  const reached = new Map<string, Set<string>>();
  const reachedFrom = (entry: string): Set<string> => {
    const known = reached.get(entry);
    if (known) return known;
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const next of imports.get(id) ?? []) visit(next);
    };
    visit(entry);
    reached.set(entry, seen);
    return seen;
  };
  const popupFolder = dirname(entries.popup) + sep;
  const byPopup = (id: string) => reachedFrom(entries.popup).has(id);
  const byWorker = (id: string) => reachedFrom(entries.worker).has(id);

  const plugin: Plugin = {
    name: 'popup-chunks:module-graph',
    buildStart() {
      imports.clear();
      reached.clear();
    },
    buildEnd() {
      // Static imports only: what the popup loads later, on demand, stays out of its first files.
      for (const id of this.getModuleIds()) imports.set(id, this.getModuleInfo(id)?.importedIds ?? []);
    },
  };
  const groups = [
    // First (higher priority), so a module both chunks would take, and what it imports, lands here.
    { name: 'common', priority: 2, test: (id: string) => byPopup(id) && byWorker(id) },
    {
      name: 'ui',
      priority: 1,
      test: (id: string) => byPopup(id) && !byWorker(id) && !id.startsWith(popupFolder),
    },
  ];
  return { plugin, groups };
}
