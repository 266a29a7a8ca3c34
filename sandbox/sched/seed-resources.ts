/** The Sched resources of both seeds: bookable things of different kinds in different time zones. */
import type { Resource } from './model';

/** A resource plus the slug its demo bookings and public pages use. */
export const SEEDED_RESOURCES: readonly Resource[] = [
  {
    id: 'rsc_meeting_room_a',
    name: 'Meeting Room A',
    description: 'Fourth-floor meeting room for 8 people, with a screen and a whiteboard.',
    image_url: '/sched/images/meeting-room-a.svg',
    google_calendar_id: 'alex@sandbox.example',
    booking_url: '/sched/book/meeting-room-a',
    timezone: 'Europe/London',
  },
  {
    id: 'rsc_dr_maria_lopez',
    name: 'Dr. Maria Lopez',
    description: 'General practitioner. 30-minute appointments on Mondays, Wednesdays and Fridays.',
    image_url: '/sched/images/dr-maria-lopez.svg',
    google_calendar_id: null,
    booking_url: '/sched/book/dr-maria-lopez',
    timezone: 'America/New_York',
  },
  {
    id: 'rsc_classroom_101',
    name: 'Classroom 101',
    description: 'Classroom for 30 students with a projector.',
    image_url: '/sched/images/classroom-101.svg',
    google_calendar_id: null,
    booking_url: '/sched/book/classroom-101',
    timezone: 'Asia/Tokyo',
  },
  {
    id: 'rsc_recording_studio',
    name: 'Recording Studio',
    description: 'Sound-proofed studio with two microphones, booked by the half day.',
    image_url: '/sched/images/recording-studio.svg',
    google_calendar_id: null,
    booking_url: '/sched/book/recording-studio',
    timezone: 'America/Los_Angeles',
  },
];
