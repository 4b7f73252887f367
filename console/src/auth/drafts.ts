import { useCallback, useEffect, useState } from 'react';

/**
 * Unsaved form input kept in sessionStorage under `lazi.draft.<key>`, so that a session that expires
 * mid-edit loses nothing: the user signs in again, comes back to the same route and finds the form as
 * they left it. A draft is cleared once saved or cancelled.
 */
const PREFIX = 'lazi.draft.';

export function readDraft<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the draft is only lost on expiry
  }
}

export function clearDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

/** Like `useState`, initialised from the draft when one exists and written through on every change. */
export function useDraft<T>(key: string, initial: () => T): [T, (value: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? initial());
  useEffect(() => {
    writeDraft(key, value);
  }, [key, value]);
  const clear = useCallback(() => clearDraft(key), [key]);
  return [value, setValue, clear];
}
