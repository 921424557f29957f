import { machineFlow } from '../common/machine-flow.js';
import { releaseDevices } from '../common/release.js';
import type { FlowDefinition } from '../types.js';
import { recordsMachine, type RecordsContext } from './machine.js';
import { RECORD_SERVICES, pageCountOf, recordsView } from './view.js';

/** The record queries (card status, medical-insurance account and settlements, pension contributions): one flow each. */
export const recordsFlows: FlowDefinition[] = Object.entries(RECORD_SERVICES).map(([serviceId, kind]) => ({
  serviceId,
  create: (ctx) =>
    machineFlow(
      recordsMachine(ctx, kind, pageCountOf),
      (s) => recordsView(serviceId, s, ctx.demo),
      (s) => releaseDevices(ctx, (s.context as RecordsContext).keys),
    ),
}));
