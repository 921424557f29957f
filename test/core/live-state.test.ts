import { describe, expect, it } from 'vitest';
import type { Catalog, KioskEvent, QueueStatus } from '../../src-main/contract/index.js';
import { HealthSchema } from '../../src-main/contract/index.js';
import { fakeOps, makeCore } from './helpers.js';

const calm: QueueStatus = { depth: 0, oldestAgeMs: null, deadLetters: 0, lastSyncAt: '2026-11-27T00:00:00Z', accepting: true, sync: 'idle' };

async function catalogOf(core: ReturnType<typeof makeCore>): Promise<Catalog> {
  const result = await core.call('getCatalog', {});
  if (!result.ok) throw new Error('no catalog');
  return result.value as Catalog;
}

describe('services follow the live state of devices, county and outbox', () => {
  it('disables services whose device fails, and brings them back when it recovers', async () => {
    const ops = fakeOps();
    ops.setQueue(calm);
    const core = makeCore({}, undefined, ops);
    const events: KioskEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    core.events.markReady();
    ops.setDevices([{ kind: 'cardReader', driver: 'emulator', state: 'disconnected', reconnectAttempts: 1 }]);
    expect((await catalogOf(core)).services.find((s) => s.id === 'mi.account')).toMatchObject({ enabled: false, disabledReason: 'deviceFault' });
    expect((await catalogOf(core)).services.find((s) => s.id === 'policy.info')).toMatchObject({ enabled: true });
    expect(events.map((e) => e.type)).toContain('catalog.changed');
    ops.setDevices([{ kind: 'cardReader', driver: 'emulator', state: 'ready', reconnectAttempts: 0 }]);
    expect((await catalogOf(core)).services.find((s) => s.id === 'mi.account')).toMatchObject({ enabled: true });
  });

  it('disables online services while the county is unreachable', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    ops.setQueue({ ...calm, sync: 'offline' });
    const catalog = await catalogOf(core);
    expect(catalog.services.find((s) => s.id === 'mi.account')).toMatchObject({ disabledReason: 'needsNetwork' });
    expect(catalog.services.find((s) => s.id === 'rating')).toMatchObject({ enabled: true });
  });

  it('sends residents to the counter for every terminal service when the outbox cannot record', async () => {
    const ops = fakeOps();
    const core = makeCore({}, undefined, ops);
    ops.setQueue({ ...calm, accepting: false });
    const terminalServices = (await catalogOf(core)).services.filter((s) => s.channel === 'terminal');
    expect(terminalServices.length).toBeGreaterThan(0);
    expect(terminalServices.every((s) => !s.enabled)).toBe(true);
    expect(terminalServices.find((s) => s.id === 'rating')).toMatchObject({ disabledReason: 'cannotRecord' });
  });

  it('reports health from the parts and announces changes once', async () => {
    const ops = fakeOps();
    ops.setQueue(calm);
    const core = makeCore({}, undefined, ops);
    const events: KioskEvent[] = [];
    core.events.subscribe((e) => events.push(e));
    core.events.markReady();
    expect(core.health().level).toBe('ok');
    ops.setQueue({ ...calm, accepting: false });
    ops.setQueue({ ...calm, accepting: false, depth: 3 });
    expect(core.health()).toMatchObject({ level: 'down', checks: expect.arrayContaining([{ name: 'outbox', level: 'down', messageKey: 'cannotRecord' }]) });
    expect(events.filter((e) => e.type === 'health.changed')).toHaveLength(1);
    ops.setQueue({ ...calm, sync: 'breaker_open' });
    expect(core.health()).toMatchObject({ level: 'degraded', checks: expect.arrayContaining([{ name: 'county', level: 'degraded', messageKey: 'countyUnreachable' }]) });
    for (const health of events.filter((e) => e.type === 'health.changed').map((e) => e.health).concat(core.health())) {
      expect(HealthSchema.safeParse(health).success, JSON.stringify(health)).toBe(true);
    }
  });
});
