/**
 * The API key lives in sessionStorage: it survives a reload but not closing the tab, and it is
 * never written to localStorage or a cookie, so it does not outlive the officer's session.
 */
const KEY = 'redline.apiKey';

export function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}
