import type { AgentApi } from '../../preload/contract';
import { ConnectionsView } from './views/connections-view';

/** The app shell: brand bar and the connections view. */
export function App({ api }: { api: AgentApi }) {
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          ⟳
        </span>
        <h1>Sched Sync</h1>
        <span className="tagline">Sched resources ↔ Google Calendar and Outlook</span>
      </header>
      <main className="content">
        <ConnectionsView api={api} />
      </main>
    </div>
  );
}
