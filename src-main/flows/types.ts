import type { PadKeyLoad, PinKey } from '../../drivers/index.js';
import type { FaceMatch, PinResetAuthorization, RecordsAnswer, RecordsRequest, ResidentRecord } from '../county/protocol.js';
import type { DeviceManager } from '../devices/index.js';
import type { Recorder } from '../core/recorder.js';
import type { FlowAction, FlowView } from '../contract/flows.js';

/** The device manager's verbs a flow may use: commands through `use`, pad key events through `driver`, card presence through `watchCard`. */
export type FlowDevices = Pick<DeviceManager, 'use' | 'driver' | 'watchCard'>;

/** The county calls flows make (the signed CountyClient in production, a fake in unit tests); each rejects with a CountyError. */
export interface FlowCounty {
  lookupResident(idNumber: string): Promise<ResidentRecord>;
  matchFace(req: { residentRef: string; image: string; imageSha256: string; livenessScore?: number; descriptor?: number[] }, idempotencyKey: string): Promise<FaceMatch>;
  authorizePinReset(req: { residentRef: string; cardSerial: string; pinBlock: string; challenge: string }, idempotencyKey: string): Promise<PinResetAuthorization>;
  queryRecords(req: RecordsRequest): Promise<RecordsAnswer>;
}

/** A PIN key for one flow: the host handle (destroyed when the flow ends) and what the pad loads. */
export interface FlowPinKeys {
  key: PinKey;
  padLoad: PadKeyLoad;
}

/** Timings a flow runs on; tests shorten them. */
export interface FlowTiming {
  /** A step waiting on the resident ends the flow after this long (a backstop behind the UI's idle timer). */
  stepTimeoutMs: number;
  /** Card presence polling while a flow waits for a card. */
  cardPollMs: number;
  /** The PIN pad's own entry timeout. */
  pinEntryTimeoutSec: number;
}

export const DEFAULT_FLOW_TIMING: FlowTiming = { stepTimeoutMs: 5 * 60_000, cardPollMs: 200, pinEntryTimeoutSec: 90 };

/** Everything a flow gets from the composition root. */
export interface FlowContext {
  devices: FlowDevices;
  county: FlowCounty;
  /** False when the county is known to be unreachable or the terminal is not enrolled: online flows refuse to start. */
  countyReachable(): boolean;
  recorder: Recorder;
  /** A fresh PIN key handle for one flow, or undefined when the pad has no key configured. */
  pinKeys(): FlowPinKeys | undefined;
  terminal: { terminalId: string; siteId: string };
  timing: FlowTiming;
  /** True on emulated devices: views carry `demo` so the UI can offer its demo controls. */
  demo: boolean;
}

/** One running flow as the host drives it. */
export interface FlowInstance {
  /** The current view (without flowId: the host adds it). */
  view(): Omit<FlowView, 'flowId'>;
  /** Tells `listener` of every new view; returns the unsubscribe. */
  subscribe(listener: (view: Omit<FlowView, 'flowId'>) => void): () => void;
  /** Passes a resident action; false when the current step does not take it. */
  send(action: FlowAction): boolean;
  /** The resident leaves: the flow ends cleanly (devices released, reminder shown). */
  cancel(): void;
  /** Hard stop (session over): stops every actor, releases devices and forgets resident data. */
  stop(): Promise<void>;
}

/** A resident service's flow: how to build it for one session. */
export interface FlowDefinition {
  serviceId: string;
  create(ctx: FlowContext): FlowInstance;
}
