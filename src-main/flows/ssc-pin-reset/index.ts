import { machineFlow } from '../common/machine-flow.js';
import { releaseDevices } from '../common/release.js';
import type { FlowDefinition } from '../types.js';
import { pinResetMachine, type ResetContext } from './machine.js';
import { SERVICE_ID, resetView } from './view.js';

/** Social-security card PIN reset (forgotten or locked application PIN). */
export const pinResetFlow: FlowDefinition = {
  serviceId: SERVICE_ID,
  create: (ctx) =>
    machineFlow(
      pinResetMachine(ctx),
      (s) => resetView(s, ctx.demo),
      (s) => releaseDevices(ctx, (s.context as ResetContext).keys),
    ),
};
