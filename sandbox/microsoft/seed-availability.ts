/**
 * The demo seed's Outlook events that say something about the owner's availability, beside the free offsite and
 * the out-of-office dentist of seed.ts: a day working elsewhere, a tentative invitation, a declined one, and an
 * invitation its organizer cancelled (Outlook keeps it, `isCancelled`, until the owner removes it).
 */
import { fieldsForCreate } from './event-input';
import type { GraphAttendee, Invitation, Mailbox, ResponseStatus } from './model';
import { dayString } from './recurrence';
import type { GraphStore } from './store';

const organizer = { name: 'Pat Partner', address: 'pat@partner.example' };

function at(day: number, time: string, timeZone: string): { dateTime: string; timeZone: string } {
  return { dateTime: `${dayString(day)}T${time}:00`, timeZone };
}

function invitation(owner: string, response: ResponseStatus): Invitation {
  const attendee = (address: string, status: ResponseStatus): GraphAttendee => ({
    type: 'required',
    status,
    emailAddress: { name: address.split('@')[0] ?? address, address },
  });
  return {
    organizer: { ...organizer },
    attendees: [
      attendee(organizer.address, { response: 'organizer', time: '0001-01-01T00:00:00Z' }),
      attendee(owner, response),
    ],
    responseStatus: response,
  };
}

/** Adds the availability events to a mailbox's default calendar; `today` is a day number in its zone. */
export function seedAvailabilityEvents(
  store: GraphStore,
  mailbox: Mailbox,
  timeZone: string,
  today: number,
): void {
  const calendar = store.defaultCalendar(mailbox);
  const answeredAt = store.now();
  const add = (body: Record<string, unknown>, invited?: Invitation, cancelled = false) => {
    const event = store.create(mailbox, calendar.id, fieldsForCreate(body));
    if (!invited) return;
    event.invitation = invited;
    event.isCancelled = cancelled;
    store.touch(mailbox, event);
  };
  add({
    subject: 'Working from the Lisbon office',
    showAs: 'workingElsewhere',
    isAllDay: true,
    start: at(today + 5, '00:00', timeZone),
    end: at(today + 6, '00:00', timeZone),
  });
  add(
    {
      subject: 'Partner roadmap',
      showAs: 'tentative',
      start: at(today + 2, '16:00', timeZone),
      end: at(today + 2, '17:00', timeZone),
    },
    invitation(mailbox.owner, { response: 'tentativelyAccepted', time: answeredAt }),
  );
  add(
    {
      subject: 'Vendor pitch',
      start: at(today + 4, '17:00', timeZone),
      end: at(today + 4, '18:00', timeZone),
    },
    invitation(mailbox.owner, { response: 'declined', time: answeredAt }),
  );
  add(
    {
      subject: 'Canceled: Budget review',
      start: at(today + 6, '13:00', timeZone),
      end: at(today + 6, '14:00', timeZone),
    },
    invitation(mailbox.owner, { response: 'accepted', time: answeredAt }),
    true,
  );
}
