import { useEffect, useState } from 'react';
import { useApi } from './ApiProvider';
import type { ApiClient } from './client';

/**
 * Images of the gateway need the token and tenant like any API call, which an `<img src>` cannot send:
 * they are fetched with both and shown from `blob:` URLs, kept (at most {@link MAX}) for the page's
 * life. Concurrent requests for one URL share one fetch.
 */
const MAX = 400;
const cache = new Map<string, Promise<string>>();

function load(api: ApiClient, url: string): Promise<string> {
  let entry = cache.get(url);
  if (!entry) {
    entry = api.blob(url).then((blob) => URL.createObjectURL(blob));
    entry.catch(() => cache.delete(url));
    cache.set(url, entry);
    if (cache.size > MAX) {
      const oldest = cache.keys().next().value as string;
      const evicted = cache.get(oldest);
      cache.delete(oldest);
      void evicted?.then((objectUrl) => URL.revokeObjectURL(objectUrl)).catch(() => undefined);
    }
  }
  return entry;
}

/** The `blob:` URL of an API image, `null` while loading, without one or when it failed. */
export function useApiImage(url: string | null | undefined): string | null {
  const api = useApi();
  const [objectUrl, setObjectUrl] = useState<{ url: string; objectUrl: string } | null>(null);
  useEffect(() => {
    if (!url) {
      return;
    }
    let current = true;
    load(api, url).then((loaded) => current && setObjectUrl({ url, objectUrl: loaded }), () => undefined);
    return () => {
      current = false;
    };
  }, [api, url]);
  return url && objectUrl?.url === url ? objectUrl.objectUrl : null;
}
