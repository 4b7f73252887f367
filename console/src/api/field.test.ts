import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { addressLine, dayOf, duration, field, freeMinutesWithin, query } from './field';
import { ApiError } from './problem';
import type { JobDetail } from './types';

function client(...responses: Response[]) {
  const fetchImpl = vi.fn(async (..._args: Parameters<typeof fetch>) => responses.shift() ?? new Response('{}'));
  return { api: new ApiClient({ accessToken: () => 'tok', tenant: () => '3222348440', expired: vi.fn() }, fetchImpl), fetchImpl };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const detail: JobDetail = {
  job: { id: 7, source: 'lazi', jobNumber: 'L7', customerId: 3, locationId: 4, jobStatus: 'Scheduled', businessUnitId: 5, summary: null, total: null, technicianIds: [11] },
  appointments: [],
  assignments: [],
  history: [],
};

describe('field API client', () => {
  it('reads customers, jobs and technicians under /api/v2 with the token and the tenant', async () => {
    const { api, fetchImpl } = client(json({ items: [], page: 1, size: 50, totalItems: 0, totalPages: 0 }), json({ items: [] }), json({ items: [] }));
    await field.customers(api, '  pool  smith ', 1);
    await field.jobs(api, { customerId: 3, technicianId: 11, status: 'Hold', q: '' });
    await field.technicians(api, { active: true, size: 500 });
    const urls = fetchImpl.mock.calls.map(([url]) => String(url));
    expect(urls).toEqual([
      '/api/v2/customers?q=pool++smith&page=1&size=50',
      '/api/v2/jobs?customerId=3&technicianId=11&status=Hold',
      '/api/v2/technicians?active=true&size=500',
    ]);
    const headers = fetchImpl.mock.calls[0][1]?.headers as Headers;
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('X-Tenant-ID')).toBe('3222348440');
  });

  it('reads one record, availability, teams, zones, business units, a command and the providers', async () => {
    const { api, fetchImpl } = client();
    await field.customer(api, 3);
    await field.job(api, 7);
    await field.availability(api, 11, '2026-03-10T00:00:00.000Z', '2026-03-17T00:00:00.000Z');
    await field.teams(api);
    await field.zones(api);
    await field.businessUnits(api);
    await field.command(api, 'c-1');
    await field.providers(api);
    expect(fetchImpl.mock.calls.map(([url]) => String(url))).toEqual([
      '/api/v2/customers/3',
      '/api/v2/jobs/7',
      '/api/v2/technicians/11/availability?from=2026-03-10T00%3A00%3A00.000Z&to=2026-03-17T00%3A00%3A00.000Z',
      '/api/v2/teams',
      '/api/v2/zones',
      '/api/v2/business-units',
      '/api/v2/commands/c-1',
      '/api/v2/providers',
    ]);
  });

  it('assigns: 200 applied with the job, 202 sent with the command', async () => {
    const command = { commandId: 'c-1', action: 'ASSIGN_TECHNICIANS', stId: 7, status: 'PENDING', issuedAt: '2026-03-10T00:00:00Z' };
    const { api, fetchImpl } = client(json({ outcome: 'applied', record: detail }), json({ outcome: 'sent', command }, 202));
    const applied = await field.assign(api, 7, { technicianIds: [11, 12], appointmentId: 70 });
    expect(applied).toEqual({ outcome: 'applied', record: detail });
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('/api/v2/jobs/7/technicians');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ technicianIds: [11, 12], appointmentId: 70 });
    expect((init?.headers as Headers).get('Content-Type')).toBe('application/json');

    const sent = await field.assign(api, 7, { technicianIds: [11] });
    expect(sent.outcome).toBe('sent');
    expect(sent.command?.commandId).toBe('c-1');
    expect(JSON.parse(String(fetchImpl.mock.calls[1][1]?.body))).toEqual({ technicianIds: [11] });
  });

  it('unassigns with the technicians and the appointment as query parameters', async () => {
    const { api, fetchImpl } = client(json({ outcome: 'applied', record: detail }));
    await field.unassign(api, 7, [11, 12], 70);
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('/api/v2/jobs/7/technicians?technicianIds=11&technicianIds=12&appointmentId=70');
    expect(init?.method).toBe('DELETE');
  });

  it('switches providers with PUT of a domain → provider map', async () => {
    const { api, fetchImpl } = client(json({ providers: { jobs: 'lazi' }, changed: [], history: [] }));
    await field.switchProviders(api, { jobs: 'lazi' });
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('/api/v2/providers');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ jobs: 'lazi' });
  });

  it('throws the problem of a refused assignment, with its field on a 400', async () => {
    const forbidden = { type: 'https://lazi.io/problems/forbidden', title: 'Forbidden', status: 403, detail: 'The token does not allow this request' };
    const invalid = { type: 'https://lazi.io/problems/validation', title: 'Bad input', status: 400, detail: 'technician 9 is unknown or inactive', field: 'technicianIds' };
    const { api } = client(
      new Response(JSON.stringify(forbidden), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }),
      new Response(JSON.stringify(invalid), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const refused = await field.assign(api, 7, { technicianIds: [11] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
    expect((refused as ApiError).message).toBe('The token does not allow this request');
    const bad = await field.assign(api, 7, { technicianIds: [9] }).catch((e: unknown) => e);
    expect((bad as ApiError).message).toBe('technicianIds: technician 9 is unknown or inactive');
  });
});

describe('field helpers', () => {
  it('builds a query of the given parameters only', () => {
    expect(query({ a: 1, b: '', c: undefined, d: null, e: false, f: [1, 2] })).toBe('?a=1&e=false&f=1&f=2');
    expect(query({})).toBe('');
  });

  it('writes addresses and durations', () => {
    expect(addressLine({ street: '1 Main St', unit: 'Apt 2', city: 'Phoenix', state: 'AZ', zip: '85001' })).toBe('1 Main St Apt 2, Phoenix, AZ 85001');
    expect(addressLine(null)).toBe('');
    expect(duration(0)).toBe('0 min');
    expect(duration(90)).toBe('1 h 30 min');
    expect(duration(120)).toBe('2 h');
  });

  it('counts free minutes within a day', () => {
    const day = dayOf('2026-06-10T12:00:00');
    expect(Date.parse(day.to) - Date.parse(day.from)).toBe(24 * 3_600_000);
    const free = [
      { start: new Date('2026-06-09T22:00:00').toISOString(), end: new Date('2026-06-10T01:00:00').toISOString() },
      { start: new Date('2026-06-10T08:00:00').toISOString(), end: new Date('2026-06-10T09:30:00').toISOString() },
    ];
    expect(freeMinutesWithin(free, day.from, day.to)).toBe(60 + 90);
  });
});
