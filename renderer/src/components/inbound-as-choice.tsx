import type { SyncSettings } from '../../../preload/contract';

interface Props {
  /** The Sched resource's name, as people know it ("Meeting Room A", "Dr. Maria Lopez"). */
  resourceName: string;
  value: SyncSettings['inbound_as'];
  onChange: (next: SyncSettings['inbound_as']) => void;
  disabled?: boolean;
}

/** A name's possessive, "Dr. Maria Lopez’s", "James’". */
function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

/**
 * What the calendar's events mean, in the resource's words (shared/SYNC.md, "Availability"): bookings people make
 * from it, or someone's own time that keeps the resource unavailable in Sched.
 */
export function InboundAsChoice({ resourceName, value, onChange, disabled }: Props) {
  const options = [
    {
      mode: 'bookings' as const,
      label: `People book ${resourceName} from this calendar`,
      hint: `Each busy event becomes a booking of ${resourceName} in Sched, with its title and description.`,
    },
    {
      mode: 'busy' as const,
      label: `This is ${possessive(resourceName)} own calendar: keep that time unavailable in Sched`,
      hint: `Busy events block ${possessive(resourceName)} time in Sched, so nobody can book it; no title or details are copied as bookings.`,
    },
  ];
  return (
    <fieldset className="choices" disabled={disabled}>
      <legend>What do this calendar’s events mean?</legend>
      {options.map((option) => (
        <label key={option.mode} className="choice">
          <input
            type="radio"
            name="inbound_as"
            value={option.mode}
            checked={value === option.mode}
            onChange={() => onChange(option.mode)}
          />
          <span className="choice-text">
            <span className="strong">{option.label}</span>
            <span className="muted small">{option.hint}</span>
          </span>
        </label>
      ))}
      <p className="small muted">Free, declined and working-location events never block anything.</p>
    </fieldset>
  );
}
