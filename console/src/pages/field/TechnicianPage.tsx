import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { duration, field, fieldKeys, freeMinutesWithin, timeRange } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Availability, Interval } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useBusinessUnits } from './hooks';

export const DAYS = 7;

/** The next `days` local days from today's start: each day's start and end as ISO instants. */
export function nextDays(today: Date, days = DAYS): { from: string; to: string }[] {
  const start = new Date(today);
  start.setHours(0, 0, 0, 0);
  return Array.from({ length: days }, (_, index) => {
    const from = new Date(start);
    from.setDate(start.getDate() + index);
    const to = new Date(start);
    to.setDate(start.getDate() + index + 1);
    return { from: from.toISOString(), to: to.toISOString() };
  });
}

/** The parts of `intervals` inside the day, clipped to it. */
export function within<T extends Interval>(intervals: T[], day: { from: string; to: string }): T[] {
  const lo = Date.parse(day.from);
  const hi = Date.parse(day.to);
  return intervals
    .filter((i) => Date.parse(i.end) > lo && Date.parse(i.start) < hi)
    .map((i) => ({ ...i, start: new Date(Math.max(lo, Date.parse(i.start))).toISOString(), end: new Date(Math.min(hi, Date.parse(i.end))).toISOString() }));
}

function Bar({ intervals, day, kind }: { intervals: Interval[]; day: { from: string; to: string }; kind: string }) {
  const lo = Date.parse(day.from);
  const span = Date.parse(day.to) - lo;
  return (
    <>
      {intervals.map((i) => (
        <span
          key={`${kind}-${i.start}`}
          className={`segment segment-${kind}`}
          style={{ left: `${((Date.parse(i.start) - lo) / span) * 100}%`, width: `${((Date.parse(i.end) - Date.parse(i.start)) / span) * 100}%` }}
        />
      ))}
    </>
  );
}

function Week({ availability, days }: { availability: Availability; days: { from: string; to: string }[] }) {
  return (
    <table className="availability" data-testid="availability">
      <thead><tr><th>Day</th><th className="timeline-cell">00:00 – 24:00</th><th>Free</th><th>Busy</th><th>Time off</th></tr></thead>
      <tbody>
        {days.map((day) => {
          const free = within(availability.free, day);
          const busy = within(availability.busy, day);
          const off = within(availability.timeOff, day);
          return (
            <tr key={day.from} data-testid="availability-day">
              <th scope="row">{new Date(day.from).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' })}</th>
              <td className="timeline-cell">
                <div className="timeline" aria-hidden="true">
                  <Bar intervals={free} day={day} kind="free" />
                  <Bar intervals={busy} day={day} kind="busy" />
                  <Bar intervals={off} day={day} kind="off" />
                </div>
              </td>
              <td>
                {free.length === 0 ? <span className="muted">none</span> : (
                  <>{duration(freeMinutesWithin(free, day.from, day.to))} <span className="muted">({free.map((i) => timeRange(i.start, i.end)).join(', ')})</span></>
                )}
              </td>
              <td>
                {busy.map((b) => (
                  <div key={`${b.appointmentId}-${b.start}`}>{timeRange(b.start, b.end)} <Link to={`/field/jobs/${b.jobId}`}>{b.appointmentNumber ?? `job ${b.jobId}`}</Link></div>
                ))}
              </td>
              <td>{off.map((i) => timeRange(i.start, i.end)).join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One technician: team, business unit, zones, and free / busy time over the next 7 days. */
export function TechnicianPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const id = Number(useParams().id);
  const units = useBusinessUnits();
  // Today's start: the key stays the same all day.
  const today = new Date().toDateString();
  const days = useMemo(() => nextDays(new Date(today)), [today]);
  const from = days[0].from;
  const to = days[days.length - 1].to;
  const technician = useQuery({ queryKey: fieldKeys.technician(tenant, id), queryFn: ({ signal }) => field.technician(api, id, signal), enabled: Number.isFinite(id) });
  const zones = useQuery({ queryKey: fieldKeys.zones(tenant), queryFn: ({ signal }) => field.zones(api, signal), staleTime: 5 * 60_000 });
  const availability = useQuery({
    queryKey: fieldKeys.availability(tenant, id, from, to),
    queryFn: ({ signal }) => field.availability(api, id, from, to, signal),
    enabled: Number.isFinite(id),
  });
  const t = technician.data;
  const zoneName = new Map((zones.data ?? []).map((z) => [z.id, z.name]));
  return (
    <section className="page field-technician">
      <p><Link to="/field/technicians">← Technicians</Link></p>
      <h1>{t?.name ?? `Technician ${Number.isFinite(id) ? id : ''}`}</h1>
      {technician.error && <p className="problem" role="alert">{errorMessage(technician.error)}</p>}
      {t && (
        <dl className="facts">
          <div><dt>Team</dt><dd>{t.team ?? '–'}</dd></div>
          <div><dt>Business unit</dt><dd>{t.businessUnitId === null ? '–' : units.get(t.businessUnitId) ?? t.businessUnitId}</dd></div>
          <div><dt>Active</dt><dd>{t.active ? 'yes' : 'no'}</dd></div>
          <div><dt>Zones</dt><dd>{(t.zoneIds ?? []).map((z) => `${zoneName.get(z) ?? z}${z === t.mainZoneId ? ' (main)' : ''}`).join(', ') || '–'}</dd></div>
          <div><dt>Email</dt><dd>{t.email ?? '–'}</dd></div>
          <div><dt>Phone</dt><dd>{t.phoneNumber ?? '–'}</dd></div>
        </dl>
      )}
      <h2>Next {DAYS} days</h2>
      {availability.error && <p className="problem" role="alert">{errorMessage(availability.error)}</p>}
      {availability.data ? (
        <>
          <p className="muted" data-testid="free-minutes">{duration(availability.data.freeMinutes)} free in all</p>
          <p className="legend muted"><span className="segment-key segment-free" /> free <span className="segment-key segment-busy" /> busy <span className="segment-key segment-off" /> time off</p>
          <Week availability={availability.data} days={days} />
        </>
      ) : !availability.error && <p className="muted" role="status">Loading availability…</p>}
    </section>
  );
}
