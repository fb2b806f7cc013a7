/**
 * The worker's key store: generated private keys, kept as non-extractable `CryptoKey`s in IndexedDB
 * (the one place a browser keeps such a key across restarts), by handle. Only the worker opens it
 * (`eslint.config.js`); the pages never see a private key.
 */
const DATABASE = 'client-keys';
const STORE = 'keys';

const opened = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });

/** One request in its own transaction: resolves with its result once the transaction has committed. */
async function inTransaction<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await opened();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export const readStoredKey = (ref: string): Promise<unknown> => inTransaction('readonly', (s) => s.get(ref));

export const storeKey = async (ref: string, record: unknown): Promise<void> => {
  await inTransaction('readwrite', (s) => s.put(record, ref));
};

export const removeStoredKey = async (ref: string): Promise<void> => {
  await inTransaction('readwrite', (s) => s.delete(ref));
};
