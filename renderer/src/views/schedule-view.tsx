import { useCallback, useId, useState } from 'react';
import type { ScheduleItem } from '../../../preload/contract';
import { EmptyState } from '../components/empty-state';
import { ErrorBanner } from '../components/error-banner';
import { useAgent } from '../hooks/agent-context';
import { useDirectory } from '../hooks/use-directory';
import { useLoader } from '../hooks/use-loader';
import { serviceName } from '../lib/labels';
import { addDaysTo, dateOn, daysBetween, mondayOf, rangeLabel } from '../lib/week';
import { scheduleRows } from '../lib/schedule-rows';
import { ScheduleDay } from './schedule-day';
import { ScheduleItemDialog } from './schedule-item-dialog';
import { ScheduleLegend } from './schedule-legend';

/** A connection's week (or day): Sched's bookings and the calendar's events side by side, each marked. */
export function ScheduleView() {
  const { api, version } = useAgent();
  const directory = useDirectory();
  const connections = directory.data?.connections ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<'week' | 'day'>('week');
  const [anchor, setAnchor] = useState<string | null>(null);
  const [selected, setSelected] = useState<ScheduleItem | null>(null);
  const pickId = useId();
  const connection = connections.find((c) => c.calendar_id === chosen) ?? connections[0];
  const calendarId = connection?.calendar_id ?? null;
  const zone =
    directory.data?.resources.find((r) => r.id === connection?.resource_id)?.timezone ??
    Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Until the person moves, the week shown is the agent's today (the sandbox's clock in Sandbox mode), and this
  // machine's today until the agent has said.
  const [agentToday, setAgentToday] = useState<string | null>(null);
  const base = anchor ?? agentToday ?? dateOn(new Date().toISOString(), zone);
  const from = mode === 'week' ? mondayOf(base) : base;
  const to = mode === 'week' ? addDaysTo(from, 6) : from;

  const load = useCallback(async () => {
    if (!calendarId) return null;
    const read = await api.schedule({ calendar_id: calendarId, from, to });
    setAgentToday(read.today);
    return read;
  }, [api, calendarId, from, to, setAgentToday]);
  const view = useLoader(load, version);
  const data =
    view.data && view.data.calendar_id === calendarId && view.data.from === from ? view.data : null;

  const step = mode === 'week' ? 7 : 1;
  const calendarWord = connection ? serviceName[connection.calendar_service] : 'Calendar';
  const rows = data ? scheduleRows(data.items, data.time_zone) : null;

  return (
    <section aria-labelledby="schedule-title">
      <div className="section-head">
        <div>
          <h2 id="schedule-title">Schedule</h2>
          <p className="muted small">
            What Sched and the calendar hold, side by side, and whether each item is in sync.
          </p>
        </div>
      </div>
      <ErrorBanner message={directory.error && !directory.data ? directory.error : null} />
      {directory.data && connections.length === 0 && (
        <EmptyState title="No calendars connected yet">
          Connect a calendar under Connections to see its bookings and events here.
        </EmptyState>
      )}
      {connection && (
        <>
          <div className="toolbar">
            {connections.length > 1 && (
              <div className="filter">
                <label htmlFor={pickId}>Connection</label>
                <select
                  id={pickId}
                  value={connection.calendar_id}
                  onChange={(e) => {
                    setChosen(e.target.value);
                    setSelected(null);
                  }}
                >
                  {connections.map((c) => (
                    <option key={c.calendar_id} value={c.calendar_id}>
                      {directory.connectionLabel(c.calendar_id)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="segmented" role="group" aria-label="Show">
              {(['week', 'day'] as const).map((m) => (
                <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                  {m === 'week' ? 'Week' : 'Day'}
                </button>
              ))}
            </div>
            <div className="button-row tight" role="group" aria-label="Move">
              <button type="button" onClick={() => setAnchor(addDaysTo(from, -step))}>
                <span aria-hidden="true">‹ </span>Previous {mode}
              </button>
              <button
                type="button"
                onClick={() => setAnchor(agentToday ?? dateOn(new Date().toISOString(), zone))}
              >
                Today
              </button>
              <button type="button" onClick={() => setAnchor(addDaysTo(from, step))}>
                Next {mode}
                <span aria-hidden="true"> ›</span>
              </button>
            </div>
          </div>
          <h3 className="range" aria-live="polite">
            {rangeLabel(from, to)}
            <span className="muted small"> · times in {zone}</span>
            {view.loading && <span className="muted small"> · reading both sides…</span>}
          </h3>
          <ErrorBanner message={view.error} />
          <ScheduleLegend items={data?.items ?? []} />
          {rows && (
            <div className={`days days-${mode}`}>
              {daysBetween(from, to).map((day) => (
                <ScheduleDay
                  key={day}
                  day={day}
                  today={day === agentToday}
                  rows={rows.get(day) ?? []}
                  timeZone={data!.time_zone}
                  calendarWord={calendarWord}
                  onOpen={setSelected}
                />
              ))}
            </div>
          )}
        </>
      )}
      {selected && data && (
        <ScheduleItemDialog
          item={selected}
          counterpart={
            data.items.find((i) => i.id === selected.linked_id && i.side !== selected.side) ?? null
          }
          timeZone={data.time_zone}
          service={connection?.calendar_service}
          inboundAs={connection?.sync_settings.inbound_as}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}
