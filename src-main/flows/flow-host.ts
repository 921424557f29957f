import { randomUUID } from 'node:crypto';
import type { FlowAction, FlowView } from '../contract/flows.js';
import { FlowViewSchema } from '../contract/flows.js';
import { createLogger } from '../logs/logger.js';
import type { FlowContext, FlowDefinition, FlowInstance } from './types.js';

const log = createLogger('flows');

/** Why the host refused a call: no such flow now, not this session's, or an action the step does not take. */
export type FlowRefusal = 'not_found' | 'session_mismatch' | 'service_unknown' | 'action_refused';
export type HostResult = { ok: true; view: FlowView } | { ok: false; code: FlowRefusal };

export interface FlowHostOptions {
  flows: readonly FlowDefinition[];
  context: FlowContext;
  /** Registers a wipe that runs when the resident session ends (SessionManager.registerWipe). */
  registerWipe(wipe: () => void): () => void;
  /** Every new view of the running flow (the core sends it to the UI as `flow.changed`). */
  onView(view: FlowView): void;
}

/**
 * Runs at most one resident flow at a time, for the current session: a
 * registry from service id to flow, views checked against the contract
 * before they leave, and a session wipe that stops the flow, releases its
 * devices and drops every reference to its data.
 */
export class FlowHost {
  readonly #defs = new Map<string, FlowDefinition>();
  #current: { id: string; sessionId: string; flow: FlowInstance; off: () => void } | undefined;

  constructor(private readonly options: FlowHostOptions) {
    for (const f of options.flows) this.#defs.set(f.serviceId, f);
    options.registerWipe(() => void this.stopCurrent());
  }

  /** Whether a service has a flow here. */
  has(serviceId: string): boolean {
    return this.#defs.has(serviceId);
  }

  /** Starts a service's flow for the session (stopping any other); `service_unknown` if it has none. */
  start(sessionId: string, serviceId: string): HostResult {
    const def = this.#defs.get(serviceId);
    if (!def) return { ok: false, code: 'service_unknown' };
    void this.stopCurrent();
    const id = randomUUID();
    const flow = def.create(this.options.context);
    const off = flow.subscribe((v) => this.#emit(id, v));
    this.#current = { id, sessionId, flow, off };
    log.info('flow started', { serviceId });
    return { ok: true, view: this.#checked(id, flow.view()) };
  }

  /** Passes a resident action to the running flow. */
  action(sessionId: string, flowId: string, action: FlowAction): HostResult {
    const c = this.#find(sessionId, flowId);
    if (!c.ok) return c;
    if (!c.current.flow.send(action)) return { ok: false, code: 'action_refused' };
    return { ok: true, view: this.#checked(flowId, c.current.flow.view()) };
  }

  /** The resident leaves the flow: it ends cleanly and its last view carries the reminder. */
  cancel(sessionId: string, flowId: string): HostResult {
    const c = this.#find(sessionId, flowId);
    if (!c.ok) return c;
    c.current.flow.cancel();
    return { ok: true, view: this.#checked(flowId, c.current.flow.view()) };
  }

  /** Stops the running flow (session over, or the core closing); resolves once its devices are released. */
  async stopCurrent(): Promise<void> {
    const c = this.#current;
    if (!c) return;
    this.#current = undefined;
    c.off();
    await c.flow.stop().catch((e: unknown) => log.error('flow stop failed', { error: e instanceof Error ? e.name : 'unknown' }));
  }

  #find(sessionId: string, flowId: string): { ok: true; current: NonNullable<FlowHost['current']> } | { ok: false; code: FlowRefusal } {
    const c = this.#current;
    if (!c || c.id !== flowId) return { ok: false, code: 'not_found' };
    if (c.sessionId !== sessionId) return { ok: false, code: 'session_mismatch' };
    return { ok: true, current: c };
  }

  get current(): { id: string; sessionId: string; flow: FlowInstance; off: () => void } | undefined {
    return this.#current;
  }

  #emit(flowId: string, view: Omit<FlowView, 'flowId'>): void {
    if (this.#current?.id !== flowId) return;
    this.options.onView(this.#checked(flowId, view));
  }

  /** A view that breaks the contract (an unmasked field) is a bug: it is replaced by a plain failure, never sent. */
  #checked(flowId: string, view: Omit<FlowView, 'flowId'>): FlowView {
    const full = { ...view, flowId };
    const parsed = FlowViewSchema.safeParse(full);
    if (parsed.success) return parsed.data;
    log.error('flow view refused', { serviceId: view.serviceId, step: view.step, where: parsed.error.issues.map((i) => i.path.join('.')).join(',') });
    return { flowId, serviceId: view.serviceId, step: 'failed', stepIndex: 1, stepCount: 1, status: 'waiting', error: 'deviceFault', next: 'home' };
  }
}
