/** Routes for `/v1/resources` and `/v1/bookings` (API.md §3). */
import type { Route, SandboxContext, SandboxResponse } from '../core/types';
import { parseBookingBody } from './booking-input';
import type { BookingStore } from './booking-store';
import { notFound } from './errors';
import { listBookings, parseListQuery } from './list-bookings';
import type { Booking, Resource, SchedState } from './model';
import { idempotencyKey, parseIfMatch } from './write-kit';

/** What the booking routes need from the service. */
export interface BookingRoutesDeps {
  ctx: Pick<SandboxContext, 'baseUrl' | 'now'>;
  state: () => SchedState;
  store: BookingStore;
  syncTokenMaxAgeMs: number;
}

/** A resource with its site-relative URLs made absolute against the sandbox's current address. */
export function presentResource(resource: Resource, baseUrl: string): Resource {
  const absolute = (url: string): string => (url.startsWith('/') ? `${baseUrl}${url}` : url);
  return {
    ...resource,
    image_url: absolute(resource.image_url),
    booking_url: absolute(resource.booking_url),
  };
}

function bookingResponse(status: number, booking: Booking, extra?: Record<string, string>): SandboxResponse {
  return { status, headers: { etag: `"${booking.version}"`, ...extra }, body: booking };
}

/** The resource and booking routes, below the service prefix. */
export function bookingRoutes(deps: BookingRoutesDeps): Route[] {
  const { ctx, state, store } = deps;
  return [
    {
      method: 'GET',
      pattern: '/v1/resources',
      handler: () => ({
        status: 200,
        body: { resources: state().resources.map((resource) => presentResource(resource, ctx.baseUrl)) },
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/resources/:resource_id',
      handler: (req) => {
        const resource = state().resources.find((candidate) => candidate.id === req.params.resource_id);
        if (!resource) return notFound('resource', req.params.resource_id ?? '');
        return { status: 200, body: presentResource(resource, ctx.baseUrl) };
      },
    },
    {
      method: 'GET',
      pattern: '/v1/bookings',
      handler: (req) => ({
        status: 200,
        body: listBookings(state(), parseListQuery(req.query), {
          nowMs: ctx.now().getTime(),
          syncTokenMaxAgeMs: deps.syncTokenMaxAgeMs,
        }),
      }),
    },
    {
      method: 'POST',
      pattern: '/v1/bookings',
      handler: (req) => {
        const key = idempotencyKey(req);
        const input = parseBookingBody(req.body, 'create');
        const { booking, replayed } = store.create(input, req.body, key);
        return bookingResponse(201, booking, replayed ? { 'idempotent-replayed': 'true' } : undefined);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/bookings/:booking_id',
      handler: (req) => bookingResponse(200, store.get(req.params.booking_id ?? '')),
    },
    {
      method: 'PUT',
      pattern: '/v1/bookings/:booking_id',
      handler: (req) => {
        const expected = parseIfMatch(req.headers['if-match']);
        const input = parseBookingBody(req.body, 'update');
        return bookingResponse(200, store.update(req.params.booking_id ?? '', input, expected));
      },
    },
    {
      method: 'DELETE',
      pattern: '/v1/bookings/:booking_id',
      handler: (req) => {
        const expected = parseIfMatch(req.headers['if-match']);
        return bookingResponse(200, store.cancel(req.params.booking_id ?? '', expected));
      },
    },
  ];
}
