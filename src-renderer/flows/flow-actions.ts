import type { DemoDeviceAction, FlowAction, FlowView, KioskError, Result } from '../../src-main/contract/index.js';
import { run } from '../app/kiosk.js';
import { kiosk } from '../app/kiosk.js';
import { useStore } from '../store/index.js';

// The renderer's side of a resident flow: it only asks; the core's flow decides and answers with
// a view (masked fields and digit counts only), which is all the screens ever show.

/** A second touch while the step moves on, or a flow that already ended: nothing to tell the resident. */
const quiet = (error: KioskError) => error.code === 'flow_refused' || error.code === 'not_found';

async function keepView(call: () => Promise<Result<FlowView>>): Promise<FlowView | null> {
  const view = await run(call, quiet);
  if (view) useStore.getState().setFlowView(view);
  return view;
}

/** Starts the service's flow for this session; the first view comes back at once. */
export function startFlow(serviceId: string): Promise<FlowView | null> {
  const { sessionId } = useStore.getState();
  if (sessionId === null) return Promise.resolve(null);
  return keepView(() => kiosk().startFlow({ sessionId, serviceId }));
}

/** Sends a resident action to the running flow. */
export function sendFlowAction(action: FlowAction): Promise<FlowView | null> {
  const { sessionId, flow } = useStore.getState();
  if (sessionId === null || flow === null) return Promise.resolve(null);
  return keepView(() => kiosk().flowAction({ sessionId, flowId: flow.flowId, action }));
}

/** The resident leaves: the flow ends cleanly in the core (devices released). */
export async function cancelFlow(): Promise<void> {
  const { sessionId, flow } = useStore.getState();
  if (sessionId === null || flow === null || flow.status === 'ended') return;
  await keepView(() => kiosk().cancelFlow({ sessionId, flowId: flow.flowId }));
}

/** Demo terminals: the panel that stands in for a card in the slot or a finger on the pad. */
export async function demoDevice(action: DemoDeviceAction): Promise<void> {
  await run(() => kiosk().demoDevice({ action }));
}
