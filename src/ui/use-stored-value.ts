import { useEffect, useState } from 'preact/hooks';
import { readKey, watchKey, type Area } from '../platform/storage-read.ts';

export type Stored = { loaded: false } | { loaded: true; value: unknown };

/**
 * The live value of `key`: read once, then every change. A change that lands before the first read
 * returns wins, being newer; a value written before we subscribed is caught by the read.
 */
export function useStoredValue(area: Area, key: string | undefined): Stored {
  const [stored, setStored] = useState<Stored>({ loaded: false });
  useEffect(() => {
    setStored({ loaded: false });
    if (!key) return undefined;
    const stop = watchKey(area, key, (value) => setStored({ loaded: true, value }));
    void readKey(area, key).then((value) => setStored((s) => (s.loaded ? s : { loaded: true, value })));
    return stop;
  }, [area, key]);
  return stored;
}
