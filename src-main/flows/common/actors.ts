import { fromCallback, fromPromise, type EventObject } from 'xstate';
import { CARD_PIN_LENGTH, judgeNewPin, type PinBlock, type PinVerdict, type ResidentIdCard, type SocialSecurityCard } from '../../../drivers/index.js';
import type { FlowErrorCode } from '../../contract/flows.js';
import type { CardReaderKind } from '../../devices/index.js';
import type { FlowContext, FlowPinKeys } from '../types.js';
import { cardFailure, countyFailure, idFailure, triesLeftOf } from './errors.js';

// Actors shared by the card flows. Each is stopped when its state is left
// (XState stops invoked actors on exit), so a cancelled step stops
// listening and, for the pad, ends the entry.

/** A failure an actor ends with: the code the view shows, never a driver message. */
export class FlowFailure extends Error {
  constructor(
    readonly code: FlowErrorCode,
    readonly triesLeft?: number,
  ) {
    super(code);
    this.name = 'FlowFailure';
  }
}

/** The code a failed actor ends with: its FlowFailure's, or a device fault for anything unexpected. */
export const failureCode = (e: unknown): FlowErrorCode => (e instanceof FlowFailure ? e.code : 'deviceFault');

/** The county's reference of the holder of an ID number; rejects with `residentUnknown` or why the county could not answer. */
export async function residentRefOf(ctx: FlowContext, idNumber: string): Promise<string> {
  try {
    return (await ctx.county.lookupResident(idNumber)).residentRef;
  } catch (e) {
    throw new FlowFailure(countyFailure(e, 'residentUnknown'));
  }
}

/** Card presence events sent by `watchCardActor`. */
export type PresenceEvent =
  | { type: 'card.present' }
  | { type: 'card.absent' }
  | { type: 'card.unavailable' }
  | { type: 'id.present' }
  | { type: 'id.absent' }
  | { type: 'id.unavailable' };

/** Watches one reader for a card and sends `card.*` (card reader) or `id.*` (ID reader) events. */
export function watchCardActor(ctx: FlowContext, kind: CardReaderKind) {
  const prefix = kind === 'cardReader' ? 'card' : 'id';
  return fromCallback<EventObject>(({ sendBack }) => ctx.devices.watchCard(kind, (p) => sendBack({ type: `${prefix}.${p}` }), ctx.timing.cardPollMs));
}

/** Reads the social-security card; rejects with a FlowFailure. */
export function readCardActor(ctx: FlowContext) {
  return fromPromise<SocialSecurityCard>(async () => {
    const r = await ctx.devices.use('cardReader', (d) => d.readCard());
    if (!r.ok) throw new FlowFailure(cardFailure(r.error));
    return r.value;
  });
}

/** Reads the resident ID card; rejects with a FlowFailure. */
export function readIdActor(ctx: FlowContext) {
  return fromPromise<ResidentIdCard>(async () => {
    const r = await ctx.devices.use('idReader', (d) => d.readCard());
    if (!r.ok) throw new FlowFailure(idFailure(r.error));
    return r.value;
  });
}

/** Checks a PIN on the card (VERIFY from its block); rejects with the card's tries left (`pinWrong`) or `pinBlocked`. */
export function verifyPinActor(ctx: FlowContext) {
  return fromPromise<void, { keys: FlowPinKeys; account: string; block: PinBlock }>(async ({ input }) => {
    const r = await ctx.devices.use('cardReader', (d) => d.verifyPinBlock(input.block, { key: input.keys.key, pan: input.account }));
    if (!r.ok) throw new FlowFailure(cardFailure(r.error), triesLeftOf(r.error));
  });
}

/** How many face captures a resident may try, in any flow. */
export const FACE_TRIES = 3;
/** A local liveness score under this is taken as a photo or screen held up. */
export const LIVENESS_MIN = 0.5;

/** One capture for the county's comparison with the resident's enrolled face. */
export interface FaceInput {
  residentRef: string;
  image: string;
  sha: string;
  liveness: number;
  descriptor?: number[] | undefined;
  attempt: number;
}

/** Asks the county to compare a capture; resolves with its verdict and the match id that proves it. */
export function matchFaceActor(ctx: FlowContext) {
  return fromPromise<{ matched: boolean; matchId: string }, FaceInput>(async ({ input }) => {
    try {
      const m = await ctx.county.matchFace(
        { residentRef: input.residentRef, image: input.image, imageSha256: input.sha, livenessScore: input.liveness, ...(input.descriptor ? { descriptor: input.descriptor } : {}) },
        `face-${input.sha.slice(0, 16)}-${input.attempt}`,
      );
      return { matched: m.matched, matchId: m.matchId };
    } catch (e) {
      throw new FlowFailure(countyFailure(e, 'countyUnavailable'));
    }
  });
}

/** PIN pad events sent by `pinEntryActor`. */
export type PinEvent =
  | { type: 'pin.digits'; count: number }
  | { type: 'pin.entered'; block: PinBlock }
  | { type: 'pin.timeout' }
  | { type: 'pin.cancelled' }
  | { type: 'pin.failed'; code: FlowErrorCode };

/**
 * One PIN entry on the pad: loads the flow's key as the working key,
 * starts a 6-digit format 0 entry bound to `account`, forwards digit
 * counts, and ends with the block. Stopping it cancels the entry on the pad.
 */
export function pinEntryActor(ctx: FlowContext) {
  return fromCallback<EventObject, { keys: FlowPinKeys; account: string }>(({ sendBack, input }) => {
    let live = true;
    const send = (e: PinEvent) => {
      if (live) sendBack(e);
    };
    const pad = ctx.devices.driver('pinPad');
    if (!pad) {
      send({ type: 'pin.failed', code: 'deviceFault' });
      return () => undefined;
    }
    const offKey = pad.on('key', (ev) => {
      if (ev.kind === 'digit' || ev.kind === 'clear') send({ type: 'pin.digits', count: ev.count });
    });
    let entering = false;
    void (async () => {
      const loaded = await ctx.devices.use('pinPad', (p) => p.loadWorkingKey({ slot: 1, alg: '3des', ...input.keys.padLoad }));
      if (!live) return;
      if (!loaded.ok) return send({ type: 'pin.failed', code: 'deviceFault' });
      entering = true;
      const r = await ctx.devices.use('pinPad', (p) =>
        p.enterPin({ minLength: CARD_PIN_LENGTH, maxLength: CARD_PIN_LENGTH, timeoutSec: ctx.timing.pinEntryTimeoutSec, format: 0, pan: input.account }),
      );
      entering = false;
      if (r.ok) return send({ type: 'pin.entered', block: r.value });
      if (r.error.code === 'ENTRY_TIMEOUT') return send({ type: 'pin.timeout' });
      if (r.error.code === 'CANCELLED' && r.error.detail['disconnected'] !== true) return send({ type: 'pin.cancelled' });
      send({ type: 'pin.failed', code: 'deviceFault' });
    })();
    return () => {
      live = false;
      offKey();
      // The entry holds the pad's line in the device manager; CANCEL goes straight to the driver.
      if (entering || pad.entryActive) void pad.cancel();
    };
  });
}

/** Judges a new PIN in the driver layer (see PIN.md): a verdict, never digits. */
export function judgePinActor() {
  return fromPromise<PinVerdict, { keys: FlowPinKeys; account: string; block: PinBlock }>(async ({ input }) => {
    try {
      return await judgeNewPin({ key: input.keys.key, pan: input.account }, input.block);
    } catch {
      throw new FlowFailure('deviceFault');
    }
  });
}

/** Zeroes a PIN block the flow no longer needs. */
export function wipeBlock(block: PinBlock | undefined): void {
  block?.block.fill(0);
}
