const forgetters = new Set<() => void>();

/**
 * Registers a way to drop case data a module keeps outside React (a cache of
 * measured names, say); it runs every time Triptych locks. Returns the
 * unregistration. React state needs none of this: locking unmounts the app.
 */
export function forgetOnLock(forget: () => void): () => void {
  forgetters.add(forget);
  return () => forgetters.delete(forget);
}

/** Runs every registered forgetter; VaultGate calls it on lock. */
export function forgetCaseData(): void {
  for (const forget of forgetters) forget();
}
