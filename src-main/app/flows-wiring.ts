import { demoPinKeys } from '../../drivers/index.js';
import type { Config } from '../config/schema.js';
import type { FlowRunner, FlowRunnerHooks } from '../core/kiosk-core.js';
import { networkState } from '../core/live-state.js';
import type { DeviceManager } from '../devices/index.js';
import { FlowHost } from '../flows/flow-host.js';
import { FLOWS } from '../flows/registry.js';
import { DEFAULT_FLOW_TIMING, type FlowContext, type FlowCounty, type FlowTiming } from '../flows/types.js';
import type { QueueWiring } from './queue-wiring.js';

export interface FlowsWiringOptions {
  config: Config;
  terminalId: string;
  manager: DeviceManager;
  queue: QueueWiring;
  timing?: Partial<FlowTiming>;
}

/** Whether every configured device is an emulator (the demo terminal). */
export const allEmulated = (config: Config): boolean => config.devices.every((d) => d.driver === 'emulator');

/**
 * The FlowContext of production: the device manager's drivers, the signed county client, the
 * outbox recorder. The PIN key: the emulated pad's demo key on a demo terminal; a real pad has
 * no key source configured yet, so its flows end with a device fault before asking for a PIN.
 */
export function flowContext(o: FlowsWiringOptions): FlowContext {
  const { queue } = o;
  const client = queue.stack.client;
  const county: FlowCounty = {
    lookupResident: (idNumber) => client.lookupResident(idNumber),
    matchFace: (req, key) => client.matchFace(req, key),
    authorizePinReset: (req, key) => client.authorizePinReset(req, key),
    queryRecords: (req) => client.queryRecords(req),
  };
  const padEmulated = o.config.devices.some((d) => d.kind === 'pinPad' && d.driver === 'emulator');
  return {
    devices: o.manager,
    county,
    countyReachable: () => queue.stack.enrolled && networkState(queue.ops.status()) !== 'down',
    recorder: queue.recorder,
    pinKeys: () => (padEmulated ? demoPinKeys() : undefined),
    terminal: { terminalId: o.terminalId, siteId: o.config.siteId },
    timing: { ...DEFAULT_FLOW_TIMING, ...o.timing },
    demo: allEmulated(o.config),
  };
}

/** The core's flow host factory over the production context. */
export function createFlows(o: FlowsWiringOptions): (hooks: FlowRunnerHooks) => FlowRunner {
  return (hooks) => new FlowHost({ flows: FLOWS, context: flowContext(o), registerWipe: hooks.registerWipe, onView: hooks.onView });
}
