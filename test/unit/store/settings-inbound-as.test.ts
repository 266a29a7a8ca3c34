import { describe, expect, it } from 'vitest';
import { SyncSettingsPatchSchema } from '../../../preload/contract';
import { SettingsFileSchema } from '../../../main/store/settings-schema';

const saved = {
  direction: 'two-way',
  sync_frequency: '15min',
  conflict_resolution: 'manual',
  privacy: 'full',
  window_days_past: 30,
  window_days_future: 180,
};

describe('inbound_as in the settings file (SYNC.md, "Sync settings")', () => {
  it('reads a connection saved before inbound_as existed as bookings, the old behaviour', () => {
    const file = SettingsFileSchema.parse({
      connections: [
        {
          resource_id: 'r1',
          calendar_service: 'google',
          calendar_id: 'c1',
          account_id: null,
          sync_settings: saved,
        },
      ],
    });

    expect(file.connections[0]?.sync_settings.inbound_as).toBe('bookings');
    expect(file.default_sync_settings.inbound_as).toBe('bookings');
  });

  it('leaves inbound_as out of a patch that does not name it, so the patch cannot reset it', () => {
    expect(SyncSettingsPatchSchema.parse({ privacy: 'busy-only' })).toEqual({ privacy: 'busy-only' });
  });
});
