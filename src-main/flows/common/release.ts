import type { FlowContext, FlowPinKeys } from '../types.js';

/**
 * Leaves the devices as a new resident should find them: any PIN entry
 * cancelled, the card powered off, the flow's PIN key zeroed. Never
 * fails: a device that is gone has nothing to release.
 */
export async function releaseDevices(ctx: FlowContext, keys: FlowPinKeys | undefined): Promise<void> {
  keys?.key.destroy();
  const pad = ctx.devices.driver('pinPad');
  if (pad?.entryActive) await pad.cancel().catch(() => undefined);
  await ctx.devices.use('cardReader', async (d) => {
    await d.eject();
    return { ok: true as const, value: undefined };
  });
}
