let queue: Promise<unknown> = Promise.resolve();

/**
 * The worker's writes of shared records (the profile book, secrets, a run an action extends) are
 * read-modify-writes: run them one at a time, in the order they came, or one could undo another
 * (a keystroke saved just before "New profile", two actions on one run).
 */
export function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}
