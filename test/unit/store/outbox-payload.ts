/** A create as the engine records it in the outbox (the shape `OutboxRepo` validates when reading it back). */
export function createPayload(title: string, idempotencyKey = 'schedsync0cal1b1') {
  const fields = {
    title,
    description: '',
    location: '',
    start: { kind: 'instant', utc: '2025-03-12T09:00:00.000Z', zone: 'Europe/London' },
    end: { kind: 'instant', utc: '2025-03-12T10:00:00.000Z', zone: 'Europe/London' },
  };
  return {
    type: 'create',
    side: 'external',
    fields,
    idempotencyKey,
    counterpart: { id: 'b1', version: '1', hash: 'h1', fields, updated: '2025-03-10T08:00:00.000Z' },
    reason: 'new-booking',
  };
}
