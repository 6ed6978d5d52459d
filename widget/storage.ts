// localStorage that never throws: private modes and sandboxed iframes refuse storage, the widget must still work.
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Nothing to do: without storage an anonymous visitor simply gets a new identity next visit.
  }
}
