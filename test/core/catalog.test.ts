import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src-main/core/catalog.js';
import { CATALOG_ICONS, DEVICE_KINDS, type DeviceKind } from '../../src-main/contract/catalog.js';
import { catalogFile } from './helpers.js';

const allDevices = new Set<DeviceKind>(DEVICE_KINDS);

describe('site service catalog', () => {
  it('lists only the services moved down to the site level, in catalog order', () => {
    const hospital = buildCatalog(catalogFile, { siteId: 'xa-hospital-01', devices: allDevices, network: 'unknown' });
    const expected = catalogFile.services.map((s) => s.id).filter((id) => catalogFile.siteServices.outlet?.includes(id));
    expect(hospital.services.map((s) => s.id)).toEqual(expected);
    expect(hospital.services.some((s) => s.id === 'civil.assistance.apply')).toBe(false);
    const hall = buildCatalog(catalogFile, { siteId: 'xa-wq-hall', devices: allDevices, network: 'unknown' });
    expect(hall.services.some((s) => s.id === 'civil.assistance.apply')).toBe(true);
  });

  it('gives every shipped category and service a picture this release ships, and carries it to the tiles', () => {
    for (const entry of [...catalogFile.categories, ...catalogFile.services]) {
      expect(CATALOG_ICONS as readonly string[], entry.id).toContain(entry.icon);
    }
    const hospital = buildCatalog(catalogFile, { siteId: 'xa-hospital-01', devices: allDevices, network: 'unknown' });
    expect(hospital.services.find((s) => s.id === 'ssc.pin.reset')?.icon).toBe('key-round');
    expect(hospital.categories.find((c) => c.id === 'manage')?.icon).toBe('id-card');
  });

  it('drops a picture name this release does not ship, so the tile falls back instead of the catalog failing', () => {
    const file = {
      ...catalogFile,
      categories: catalogFile.categories.map((c) => (c.id === 'manage' ? { ...c, icon: 'rocket-ship' } : c)),
      services: catalogFile.services.map((s) => (s.id === 'ssc.pin.reset' ? { ...s, icon: 'no-such-icon' } : s)),
    };
    const hospital = buildCatalog(file, { siteId: 'xa-hospital-01', devices: allDevices, network: 'unknown' });
    expect(hospital.services.find((s) => s.id === 'ssc.pin.reset')).not.toHaveProperty('icon');
    expect(hospital.categories.find((c) => c.id === 'manage')).not.toHaveProperty('icon');
    expect(hospital.services.find((s) => s.id === 'ssc.status')?.icon).toBe('credit-card');
  });

  it('keeps only categories that have a service here', () => {
    const hospital = buildCatalog(catalogFile, { siteId: 'xa-hospital-01', devices: allDevices, network: 'unknown' });
    const used = new Set(hospital.services.map((s) => s.category));
    expect(hospital.categories.map((c) => c.id).every((id) => used.has(id))).toBe(true);
    expect(hospital.categories.some((c) => c.id === 'collect')).toBe(false);
  });

  it('lists counter-only services as disabled with a reason', () => {
    const catalog = buildCatalog(catalogFile, { siteId: 'xa-wq-hall', devices: allDevices, network: 'unknown' });
    expect(catalog.services.find((s) => s.id === 'mi.remote.filing')).toMatchObject({ enabled: false, disabledReason: 'counterOnly' });
  });

  it('disables services whose device is not fitted, and online services when the network is down', () => {
    const noPrinter = new Set<DeviceKind>(DEVICE_KINDS.filter((d) => d !== 'cardPrinter'));
    const catalog = buildCatalog(catalogFile, { siteId: 'xa-wq-hall', devices: noPrinter, network: 'down' });
    expect(catalog.services.find((s) => s.id === 'ssc.issue.instant')).toMatchObject({ enabled: false, disabledReason: 'deviceMissing' });
    expect(catalog.services.find((s) => s.id === 'mi.account')).toMatchObject({ enabled: false, disabledReason: 'needsNetwork' });
    expect(catalog.services.find((s) => s.id === 'policy.info')).toMatchObject({ enabled: true });
  });
});
