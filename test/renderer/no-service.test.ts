import { describe, expect, it } from 'vitest';
import type { Catalog, DisabledReason, ServiceEntry } from '../../src-main/contract/index.js';
import { noServiceCause } from '../../src-renderer/app/no-service.js';

const service = (id: string, reason?: DisabledReason): ServiceEntry => ({
  id,
  category: 'c',
  name: { zh: id, en: id },
  channel: reason === 'counterOnly' ? 'counter' : 'terminal',
  devices: [],
  online: false,
  enabled: reason === undefined,
  ...(reason ? { disabledReason: reason } : {}),
});
const catalog = (...services: ServiceEntry[]): Catalog => ({ version: '1', categories: [{ id: 'c', name: { zh: 'c', en: 'c' } }], services });

describe('no service can run', () => {
  it('is not the case while one service can run, or before the list is known', () => {
    expect(noServiceCause(null)).toBeNull();
    expect(noServiceCause(catalog())).toBeNull();
    expect(noServiceCause(catalog(service('a', 'deviceFault'), service('rating')))).toBeNull();
  });

  it('names the cause that stops most of the terminal services, counter-only ones aside', () => {
    const all = catalog(service('a', 'counterOnly'), service('b', 'counterOnly'), service('c', 'counterOnly'), service('d', 'needsNetwork'), service('e', 'needsNetwork'), service('f', 'deviceFault'));
    expect(noServiceCause(all)).toBe('needsNetwork');
  });

  it('on a tie, says the most pressing: storage before devices before the network', () => {
    expect(noServiceCause(catalog(service('a', 'needsNetwork'), service('b', 'deviceFault')))).toBe('deviceFault');
    expect(noServiceCause(catalog(service('a', 'deviceFault'), service('b', 'cannotRecord')))).toBe('cannotRecord');
  });

  it('is counter-only when every service is done at the counter', () => {
    expect(noServiceCause(catalog(service('a', 'counterOnly'), service('b', 'counterOnly')))).toBe('counterOnly');
  });
});
