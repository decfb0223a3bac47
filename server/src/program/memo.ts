// One value per object, computed on first use and dropped with the object: the
// per-model (per-document, per-analysis) caches of the core and the features.
// Models are immutable once loaded, so a value derived from one never goes
// stale; a WeakMap lets it go when the model does (each edit makes a new one).
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
