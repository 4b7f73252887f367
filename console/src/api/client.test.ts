import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { ApiError } from './problem';

function client(response: Response, expired = vi.fn()) {
  const fetchImpl = vi.fn(async (..._args: Parameters<typeof fetch>) => response);
  return { api: new ApiClient({ accessToken: () => 'tok', tenant: () => '3222348440', expired }, fetchImpl), fetchImpl, expired };
}

describe('ApiClient', () => {
  it('sends the token and the tenant', async () => {
    const { api, fetchImpl } = client(new Response('{"ok":true}', { status: 200 }));
    await expect(api.get('/api/x')).resolves.toEqual({ ok: true });
    const headers = fetchImpl.mock.calls[0][1]?.headers as Headers;
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('X-Tenant-ID')).toBe('3222348440');
  });

  it('throws the RFC 9457 problem with its field', async () => {
    const problem = { type: 'https://lazi.io/problems/validation', title: 'Bad input', status: 400, detail: 'must be a text of 1 to 255 characters', field: 'name' };
    const { api } = client(new Response(JSON.stringify(problem), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await api.post('/api/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('name: must be a text of 1 to 255 characters');
    expect((error as ApiError).kind).toBe('validation');
  });

  it('tells the session when the token is refused', async () => {
    const { api, expired } = client(new Response('', { status: 401 }));
    await expect(api.get('/api/x')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('sends If-Match and returns the ETag of the answer', async () => {
    const { api, fetchImpl } = client(new Response('{"id":"a","version":4}', { status: 200, headers: { ETag: '"4"' } }));
    await expect(api.versioned('/api/crm/leads/a', { method: 'PUT', body: {}, ifMatch: '"3"' })).resolves.toEqual({ data: { id: 'a', version: 4 }, etag: '"4"' });
    const headers = fetchImpl.mock.calls[0][1]?.headers as Headers;
    expect(headers.get('If-Match')).toBe('"3"');
  });
});
