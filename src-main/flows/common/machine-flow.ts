import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { FlowAction, FlowView } from '../../contract/flows.js';
import type { FlowInstance } from '../types.js';

export type ViewOf = Omit<FlowView, 'flowId'>;

/**
 * Runs an XState machine as a FlowInstance: resident actions become
 * machine events, each snapshot becomes a view (sent only when it
 * changed), `stop()` stops the actor and its invoked actors, then `onStop`
 * runs (devices released, key destroyed).
 */
export function machineFlow(
  machine: AnyStateMachine,
  toView: (snapshot: AnyMachineSnapshot) => ViewOf,
  onStop: (snapshot: AnyMachineSnapshot) => Promise<void>,
): FlowInstance {
  const actor = createActor(machine);
  const listeners = new Set<(view: ViewOf) => void>();
  let current: ViewOf | undefined;
  let signature = '';
  let stopped: Promise<void> | undefined;
  actor.subscribe({
    next: (snapshot) => {
      const view = toView(snapshot as AnyMachineSnapshot);
      const next = JSON.stringify(view);
      if (next === signature) return;
      signature = next;
      current = view;
      for (const l of listeners) l(view);
      if (snapshot.status === 'done') void stop();
    },
    // A machine that throws is a bug: end the flow rather than leave the resident on a dead screen.
    error: () => void stop(),
  });
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      const last = actor.getSnapshot() as AnyMachineSnapshot;
      actor.stop();
      await onStop(last);
    })());
  actor.start();
  return {
    view: () => current ?? toView(actor.getSnapshot() as AnyMachineSnapshot),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(action: FlowAction) {
      if (stopped) return false;
      const snapshot = actor.getSnapshot();
      if (!snapshot.can(action as EventObject)) return false;
      actor.send(action as EventObject);
      return true;
    },
    cancel() {
      if (!stopped) actor.send({ type: 'cancel' } as EventObject);
    },
    stop,
  };
}
