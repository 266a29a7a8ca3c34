/** The sections of the app, in the order of the left nav. */
export const sections = ['connections', 'schedule', 'conflicts', 'activity', 'accounts', 'settings'] as const;
export type Section = (typeof sections)[number];

const titles: Record<Section, string> = {
  connections: 'Connections',
  schedule: 'Schedule',
  conflicts: 'Conflicts',
  activity: 'Activity',
  accounts: 'Accounts',
  settings: 'Settings',
};

const icons: Record<Section, string> = {
  connections: '⇄',
  schedule: '▦',
  conflicts: '⚠',
  activity: '☰',
  accounts: '@',
  settings: '⚙',
};

interface Props {
  current: Section;
  onSelect: (section: Section) => void;
  conflicts: number;
}

/** The left navigation, with the number of conflicts waiting. */
export function Nav({ current, onSelect, conflicts }: Props) {
  return (
    <nav className="nav" aria-label="Sections">
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <button
              type="button"
              className="nav-item"
              aria-current={section === current ? 'page' : undefined}
              onClick={() => onSelect(section)}
            >
              <span className="nav-icon" aria-hidden="true">
                {icons[section]}
              </span>
              <span className="nav-label">{titles[section]}</span>
              {section === 'conflicts' && conflicts > 0 && (
                <span className="count" aria-label={`${conflicts} waiting`}>
                  {conflicts}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
