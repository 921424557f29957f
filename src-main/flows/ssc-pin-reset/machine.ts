import { assign, fromPromise, setup, type EventObject } from 'xstate';
import type { PinBlock, PinVerdict, ResidentIdCard } from '../../../drivers/index.js';
import { CountyError } from '../../county/errors.js';
import type { FlowAction, FlowErrorCode, WeakPinReason } from '../../contract/flows.js';
import { pinAccountDigits, samePerson, toFlowCard, type FlowCard } from '../common/account.js';
import {
  FACE_TRIES,
  FlowFailure,
  LIVENESS_MIN,
  failureCode,
  judgePinActor,
  matchFaceActor,
  pinEntryActor,
  readCardActor,
  readIdActor,
  residentRefOf,
  watchCardActor,
  wipeBlock,
  type PinEvent,
  type PresenceEvent,
} from '../common/actors.js';
import { cardFailure, countyFailure } from '../common/errors.js';
import type { FlowContext, FlowPinKeys } from '../types.js';

export interface ResetContext {
  keys: FlowPinKeys | undefined;
  card: FlowCard | undefined;
  residentRef: string | undefined;
  faceTries: number;
  pinDigits: number;
  firstBlock: PinBlock | undefined;
  newBlock: PinBlock | undefined;
  error: FlowErrorCode | undefined;
  weakReason: WeakPinReason | undefined;
  reference: string | undefined;
  /** The card is (as far as we know) in the reader: the resident must be reminded to take it. */
  cardIn: boolean;
  /** The ID card was put on the reader: remind the resident of it too. */
  idSeen: boolean;
}

type ResidentEvent = FlowAction | { type: 'cancel' };
export type ResetEvent = ResidentEvent | PresenceEvent | PinEvent;

const fail = (code: FlowErrorCode) => assign<ResetContext, EventObject, undefined, ResetEvent, never>({ error: code });

/** The social-security card PIN reset: card, ID card, face, new PIN twice, county authorization, reload. */
export function pinResetMachine(ctx: FlowContext) {
  return setup({
    types: { context: {} as ResetContext, events: {} as ResetEvent },
    actors: {
      watchCard: watchCardActor(ctx, 'cardReader'),
      watchId: watchCardActor(ctx, 'idReader'),
      readCard: readCardActor(ctx),
      readId: readIdActor(ctx),
      identify: fromPromise<string, { card: FlowCard; id: ResidentIdCard }>(async ({ input }) => {
        if (!samePerson(input.id.idNumber, input.card.ssn)) throw new FlowFailure('idMismatch');
        return residentRefOf(ctx, input.id.idNumber);
      }),
      matchFace: matchFaceActor(ctx),
      pinEntry: pinEntryActor(ctx),
      judge: judgePinActor(),
      reload: fromPromise<void, { keys: FlowPinKeys; card: FlowCard; residentRef: string; block: PinBlock }>(async ({ input }) => {
        const { keys, card, residentRef, block } = input;
        let countyError: unknown;
        const r = await ctx.devices.use('cardReader', (d) =>
          d.reloadPinBlock(block, { key: keys.key, pan: card.account }, async (challenge) => {
            try {
              const challengeHex = challenge.toString('hex').toUpperCase();
              const a = await ctx.county.authorizePinReset(
                { residentRef, cardSerial: card.cardNumber, pinBlock: block.block.toString('hex').toUpperCase(), challenge: challengeHex },
                `pin-reset-${residentRef}-${challengeHex}`,
              );
              return Buffer.from(a.mac, 'hex');
            } catch (e) {
              countyError = e;
              throw e;
            }
          }),
        ).catch((e: unknown) => {
          // The authorizer's rejection comes back through the driver as a throw.
          if (countyError === undefined) throw e;
          return undefined;
        });
        if (countyError !== undefined) {
          if (countyError instanceof CountyError && countyError.detail.code === 'weak_pin') throw new FlowFailure('pinWeak');
          throw new FlowFailure(countyFailure(countyError, 'authorizationRejected'));
        }
        if (r && !r.ok) throw new FlowFailure(cardFailure(r.error));
      }),
    },
    delays: {
      stepTimeout: () => ctx.timing.stepTimeoutMs,
      failedHold: () => ctx.timing.stepTimeoutMs,
    },
    actions: {
      release: ({ context }) => {
        wipeBlock(context.firstBlock);
        wipeBlock(context.newBlock);
      },
    },
  }).createMachine({
    id: 'pinReset',
    initial: 'start',
    context: () => ({
      keys: ctx.pinKeys(),
      card: undefined,
      residentRef: undefined,
      faceTries: FACE_TRIES,
      pinDigits: 0,
      firstBlock: undefined,
      newBlock: undefined,
      error: undefined,
      weakReason: undefined,
      reference: undefined,
      cardIn: false,
      idSeen: false,
    }),
    // The card reader is watched for the whole flow: a card pulled or a reader lost mid-step ends it.
    invoke: { src: 'watchCard' },
    on: {
      'card.absent': { target: '.failed', actions: [fail('cardRemoved'), assign({ cardIn: false })] },
      'card.unavailable': { target: '.failed', actions: fail('deviceFault') },
      cancel: { target: '.ended', actions: fail('cancelled') },
    },
    states: {
      start: {
        always: [
          { guard: ({ context }) => context.keys === undefined, target: 'failed', actions: fail('deviceFault') },
          { guard: () => !ctx.countyReachable(), target: 'failed', actions: fail('offline') },
          { target: 'insertCard' },
        ],
      },
      insertCard: {
        on: {
          'card.present': { target: 'readingCard', actions: assign({ cardIn: true, error: undefined }) },
          'card.absent': {},
          back: { target: 'ended', actions: fail('cancelled') },
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      readingCard: {
        invoke: {
          src: 'readCard',
          onDone: [
            {
              guard: ({ event }) => pinAccountDigits(event.output.ssn) === undefined,
              target: 'failed',
              actions: fail('notSocialSecurityCard'),
            },
            {
              target: 'confirmCard',
              actions: assign({
                card: ({ event }) => toFlowCard(event.output),
              }),
            },
          ],
          onError: { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
        },
      },
      confirmCard: {
        on: {
          continue: 'idCard',
          back: { target: 'ended', actions: fail('cancelled') },
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      idCard: {
        entry: assign({ error: undefined }),
        invoke: { src: 'watchId' },
        on: {
          'id.present': 'readingId',
          'id.unavailable': { target: 'failed', actions: fail('deviceFault') },
          back: 'confirmCard',
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      readingId: {
        entry: assign({ idSeen: true }),
        initial: 'reading',
        states: {
          reading: {
            invoke: {
              src: 'readId',
              onDone: { target: 'identifying', actions: assign({}) },
              onError: { target: '#pinReset.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
            },
          },
          identifying: {
            invoke: {
              src: 'identify',
              input: ({ context, event }) => ({ card: context.card as FlowCard, id: (event as unknown as { output: ResidentIdCard }).output }),
              onDone: { target: '#pinReset.face', actions: assign({ residentRef: ({ event }) => event.output }) },
              onError: { target: '#pinReset.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
            },
          },
        },
      },
      face: {
        on: {
          faceCaptured: [
            {
              guard: ({ event }) => event.livenessScore < LIVENESS_MIN,
              target: 'faceRefused',
              actions: fail('faceSpoof'),
            },
            { target: 'matchingFace', actions: assign({ error: undefined }) },
          ],
          noCamera: { target: 'failed', actions: fail('noCamera') },
          back: 'idCard',
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      matchingFace: {
        invoke: {
          src: 'matchFace',
          input: ({ context, event }) => {
            const e = event as Extract<ResetEvent, { type: 'faceCaptured' }>;
            return { residentRef: context.residentRef ?? '', image: e.imageBase64, sha: e.imageSha256, liveness: e.livenessScore, descriptor: e.descriptor, attempt: FACE_TRIES - context.faceTries };
          },
          onDone: [
            { guard: ({ event }) => event.output.matched, target: 'newPin' },
            { target: 'faceRefused', actions: fail('faceNoMatch') },
          ],
          onError: { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
        },
      },
      faceRefused: {
        entry: assign({ faceTries: ({ context }) => context.faceTries - 1 }),
        always: [{ guard: ({ context }) => context.faceTries <= 0, target: 'failed', actions: fail('faceTriesUsed') }, { target: 'face' }],
      },
      newPin: {
        entry: [({ context }) => wipeBlock(context.firstBlock), assign({ pinDigits: 0, firstBlock: undefined })],
        invoke: { src: 'pinEntry', input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '' }) },
        on: {
          'pin.digits': { actions: assign({ pinDigits: ({ event }) => event.count, error: undefined, weakReason: undefined }) },
          'pin.entered': { target: 'judging', actions: assign({ firstBlock: ({ event }) => event.block }) },
          'pin.timeout': { target: 'newPin', reenter: true, actions: fail('pinTimeout') },
          'pin.cancelled': { target: 'ended', actions: fail('cancelled') },
          'pin.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.code }) },
          back: { target: 'ended', actions: fail('cancelled') },
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      judging: {
        invoke: {
          src: 'judge',
          input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '', block: context.firstBlock as PinBlock }),
          onDone: [
            { guard: ({ event }) => event.output === 'ok', target: 'confirmPin', actions: assign({ error: undefined, weakReason: undefined }) },
            { target: 'newPin', actions: assign({ error: 'pinWeak', weakReason: ({ event }) => event.output as Exclude<PinVerdict, 'ok'> }) },
          ],
          onError: { target: 'failed', actions: fail('deviceFault') },
        },
      },
      confirmPin: {
        entry: assign({ pinDigits: 0 }),
        invoke: { src: 'pinEntry', input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '' }) },
        on: {
          'pin.digits': { actions: assign({ pinDigits: ({ event }) => event.count }) },
          'pin.entered': [
            { guard: ({ context, event }) => sameBlock(context.firstBlock, event.block), target: 'resetting', actions: assign({ newBlock: ({ event }) => event.block }) },
            { target: 'newPin', actions: [({ event }) => wipeBlock(event.block), fail('pinMismatch')] },
          ],
          'pin.timeout': { target: 'newPin', actions: fail('pinTimeout') },
          'pin.cancelled': { target: 'ended', actions: fail('cancelled') },
          'pin.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.code }) },
          back: 'newPin',
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      resetting: {
        // Cancel cannot stop a card command on its way: the resident waits the few seconds it takes.
        on: { cancel: {}, back: {} },
        invoke: {
          src: 'reload',
          input: ({ context }) => ({ keys: context.keys as FlowPinKeys, card: context.card as FlowCard, residentRef: context.residentRef ?? '', block: context.newBlock as PinBlock }),
          onDone: 'done',
          onError: [
            { guard: ({ event }) => event.error instanceof FlowFailure && event.error.code === 'pinWeak', target: 'newPin', actions: assign({ error: 'pinWeak' }) },
            { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
          ],
        },
      },
      done: {
        entry: [
          'release',
          assign({
            error: undefined,
            reference: ({ context }) => {
              const outcome = ctx.recorder.record({
                kind: 'pin-reset',
                orderingKey: `terminal:${ctx.terminal.terminalId}`,
                payload: { outcome: 'reset', siteId: ctx.terminal.siteId, terminalId: ctx.terminal.terminalId },
                personal: { residentRef: context.residentRef ?? '' },
              });
              return outcome.ok ? outcome.id : undefined;
            },
          }),
        ],
        on: {
          // Taking the card is the expected end of this step.
          'card.absent': { target: 'completed', actions: assign({ cardIn: false }) },
          'card.unavailable': { target: 'completed' },
          continue: 'completed',
          back: 'completed',
          cancel: 'completed',
        },
        after: { stepTimeout: 'completed' },
      },
      failed: {
        entry: 'release',
        on: {
          'card.absent': { actions: assign({ cardIn: false }) },
          'card.unavailable': {},
          continue: 'ended',
          back: 'ended',
          choose: 'ended',
        },
        after: { failedHold: 'ended' },
      },
      completed: { type: 'final', entry: 'release' },
      ended: { type: 'final', entry: 'release' },
    },
  });
}

function sameBlock(a: PinBlock | undefined, b: PinBlock): boolean {
  return a !== undefined && a.block.length === b.block.length && a.block.equals(b.block);
}
