import { machineFlow } from '../common/machine-flow.js';
import { releaseDevices } from '../common/release.js';
import type { FlowDefinition } from '../types.js';
import { pinChangeMachine, type ChangeContext } from './machine.js';
import { SERVICE_ID, changeView } from './view.js';

/** Social-security card PIN change (the resident knows the old PIN). */
export const pinChangeFlow: FlowDefinition = {
  serviceId: SERVICE_ID,
  create: (ctx) =>
    machineFlow(
      pinChangeMachine(ctx),
      (s) => changeView(s, ctx.demo),
      (s) => releaseDevices(ctx, (s.context as ChangeContext).keys),
    ),
};
