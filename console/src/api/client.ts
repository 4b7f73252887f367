import { ApiError, readProblem } from './problem';

/** What the client needs of the signed-in session. */
export interface Session {
  /** The current access token, or null when there is none (signed out or expired). */
  accessToken(): string | null;
  /** The tenant the user acts for (`X-Tenant-ID`). */
  tenant(): string | null;
  /** Called on a 401: the session is over; the caller sends the user to sign in. */
  expired(): void;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as is (multipart uploads); `body` is ignored then. */
  form?: FormData;
  signal?: AbortSignal;
  /** Sent as `If-Match`: the ETag the record was read with, so a stale change is refused (412). */
  ifMatch?: string | null;
}

/** A record with the `ETag` it was served with (`"<version>"`), for the `If-Match` of a later change. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

const JSON_ACCEPT = 'application/json, application/problem+json';

/**
 * Calls the gateway on the console's own origin with `Authorization: Bearer` and `X-Tenant-ID`; JSON in,
 * JSON out; a non-2xx answer throws an {@link ApiError} holding the RFC 9457 problem. A 401 also tells
 * the session, which signs in again.
 */
export class ApiClient {
  private readonly session: Session;
  private readonly fetchImpl: typeof fetch;

  constructor(session: Session, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
    this.session = session;
    this.fetchImpl = fetchImpl;
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { signal });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>(path, { method: 'POST', body });
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>(path, { method: 'DELETE' });
  }

  /** A binary resource (an image), with the same headers and errors as {@link request}. */
  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.send(path, { signal }, 'image/*');
    return response.blob();
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.versioned<T>(path, options)).data;
  }

  /** Like {@link request}, with the answer's `ETag` header. */
  async versioned<T>(path: string, options: RequestOptions = {}): Promise<Versioned<T>> {
    const response = await this.send(path, options, JSON_ACCEPT);
    const etag = response.headers.get('ETag');
    if (response.status === 204) {
      return { data: undefined as T, etag };
    }
    const text = await response.text();
    return { data: (text ? JSON.parse(text) : undefined) as T, etag };
  }

  private async send(path: string, options: RequestOptions, accept: string): Promise<Response> {
    const headers = new Headers({ Accept: accept });
    const token = this.session.accessToken();
    if (token) {
      headers.set('Authorization', `Bearer ${token}`);
    }
    const tenant = this.session.tenant();
    if (tenant) {
      headers.set('X-Tenant-ID', tenant);
    }
    if (options.ifMatch) {
      headers.set('If-Match', options.ifMatch);
    }
    let body: BodyInit | undefined;
    if (options.form) {
      body = options.form;
    } else if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw new ApiError(0, { title: 'The gateway could not be reached', detail: 'The gateway could not be reached; check the connection and try again' });
    }
    if (response.status === 401) {
      this.session.expired();
    }
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new ApiError(response.status, await readProblem(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
    }
    return response;
  }
}
