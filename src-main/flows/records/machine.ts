import { assign, fromPromise, setup, type EventObject } from 'xstate';
import type { PinBlock, ResidentIdCard } from '../../../drivers/index.js';
import type { FlowAction, FlowErrorCode } from '../../contract/flows.js';
import type { RecordKind, RecordsAnswer, RecordsRequest } from '../../county/protocol.js';
import { pinAccountDigits, toFlowCard, type FlowCard } from '../common/account.js';
import {
  FACE_TRIES,
  FlowFailure,
  LIVENESS_MIN,
  failureCode,
  matchFaceActor,
  pinEntryActor,
  readCardActor,
  readIdActor,
  residentRefOf,
  verifyPinActor,
  watchCardActor,
  wipeBlock,
  type PinEvent,
  type PresenceEvent,
} from '../common/actors.js';
import { countyFailure } from '../common/errors.js';
import type { FlowContext, FlowPinKeys } from '../types.js';

/** The two ways a resident proves who they are for a query. */
export const IDENTITY_CHOICES = ['card', 'idFace'] as const;

export interface RecordsContext {
  keys: FlowPinKeys | undefined;
  card: FlowCard | undefined;
  /** The ID-card way: the county's reference of the resident, the face tries left, the match that proved them. */
  residentRef: string | undefined;
  faceTries: number;
  faceMatchId: string | undefined;
  idSeen: boolean;
  pinDigits: number;
  block: PinBlock | undefined;
  triesLeft: number | undefined;
  /** The county's answer: held here for this flow only, dropped with the actor when the flow ends. */
  answer: RecordsAnswer | undefined;
  page: number;
  error: FlowErrorCode | undefined;
  cardIn: boolean;
}

export type RecordsEvent = FlowAction | { type: 'cancel' } | PresenceEvent | PinEvent;

const fail = (code: FlowErrorCode) => assign<RecordsContext, EventObject, undefined, RecordsEvent, never>({ error: code });

/** What the county is asked with: the resident and the proof (the verified card, or the face match). */
type QueryInput = { card: FlowCard } | { residentRef: string; faceMatchId: string };

/** Finds the resident (by the card's number on the card way) and asks the county for one kind of records. */
function queryActor(ctx: FlowContext, kind: RecordKind) {
  return fromPromise<RecordsAnswer, QueryInput>(async ({ input }) => {
    let req: RecordsRequest;
    if ('card' in input) {
      req = { residentRef: await residentRefOf(ctx, input.card.ssn), kind, cardSerial: input.card.cardNumber };
    } else {
      req = { residentRef: input.residentRef, kind, faceMatchId: input.faceMatchId };
    }
    try {
      const answer = await ctx.county.queryRecords(req);
      if (answer.kind !== kind) throw new FlowFailure('countyUnavailable');
      return answer;
    } catch (e) {
      if (e instanceof FlowFailure) throw e;
      throw new FlowFailure(countyFailure(e, 'residentUnknown'));
    }
  });
}

/**
 * A records query. The resident proves who they are one of two ways: the social-security card and its
 * PIN checked on the card (tries left explained, a blocked card offers the reset), or the ID card and
 * a face check the county compares. Then the county's answer is shown page by page, and the card
 * reminder. A card may come out once the answer is on screen: the resident reads on without it.
 */
export function recordsMachine(ctx: FlowContext, kind: RecordKind, pageCount: (answer: RecordsAnswer) => number) {
  return setup({
    types: { context: {} as RecordsContext, events: {} as RecordsEvent },
    actors: {
      watchCard: watchCardActor(ctx, 'cardReader'),
      readCard: readCardActor(ctx),
      pinEntry: pinEntryActor(ctx),
      verify: verifyPinActor(ctx),
      watchId: watchCardActor(ctx, 'idReader'),
      readId: readIdActor(ctx),
      identify: fromPromise<string, { id: ResidentIdCard }>(({ input }) => residentRefOf(ctx, input.id.idNumber)),
      matchFace: matchFaceActor(ctx),
      query: queryActor(ctx, kind),
    },
    delays: { stepTimeout: () => ctx.timing.stepTimeoutMs },
    actions: {
      release: ({ context }) => wipeBlock(context.block),
    },
  }).createMachine({
    id: 'records',
    initial: 'start',
    context: () => ({
      keys: ctx.pinKeys(),
      card: undefined,
      residentRef: undefined,
      faceTries: FACE_TRIES,
      faceMatchId: undefined,
      idSeen: false,
      pinDigits: 0,
      block: undefined,
      triesLeft: undefined,
      answer: undefined,
      page: 0,
      error: undefined,
      cardIn: false,
    }),
    // The card reader is watched for the whole flow, so the reminder knows whether a card is still in.
    invoke: { src: 'watchCard' },
    on: {
      'card.present': { actions: assign({ cardIn: true }) },
      'card.absent': { actions: assign({ cardIn: false }) },
      'card.unavailable': {},
      cancel: { target: '.ended', actions: fail('cancelled') },
    },
    states: {
      start: {
        always: [{ guard: () => !ctx.countyReachable(), target: 'failed', actions: fail('offline') }, { target: 'identify' }],
      },
      identify: {
        on: {
          choose: [
            { guard: ({ context, event }) => event.choice === 'card' && context.keys === undefined, target: 'failed', actions: fail('deviceFault') },
            // A card already in the slot (left by someone, or put in first) is read at once.
            { guard: ({ context, event }) => event.choice === 'card' && context.cardIn, target: 'byCard.readingCard' },
            { guard: ({ event }) => event.choice === 'card', target: 'byCard' },
            { guard: ({ event }) => event.choice === 'idFace', target: 'byFace' },
          ],
          back: { target: 'ended', actions: fail('cancelled') },
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      // The card and its PIN. A card pulled or a reader lost before the answer ends the flow.
      byCard: {
        initial: 'insertCard',
        on: {
          'card.absent': { target: 'failed', actions: [fail('cardRemoved'), assign({ cardIn: false })] },
          'card.unavailable': { target: 'failed', actions: fail('deviceFault') },
        },
        states: {
          insertCard: {
            on: {
              'card.present': { target: 'readingCard', actions: assign({ cardIn: true }) },
              'card.absent': {},
              back: '#records.identify',
            },
            after: { stepTimeout: { target: '#records.failed', actions: fail('timeout') } },
          },
          readingCard: {
            invoke: {
              src: 'readCard',
              onDone: [
                { guard: ({ event }) => pinAccountDigits(event.output.ssn) === undefined, target: '#records.failed', actions: fail('notSocialSecurityCard') },
                { target: 'confirmCard', actions: assign({ card: ({ event }) => toFlowCard(event.output) }) },
              ],
              onError: { target: '#records.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
            },
          },
          confirmCard: {
            on: { continue: 'pin', back: { target: '#records.ended', actions: fail('cancelled') } },
            after: { stepTimeout: { target: '#records.failed', actions: fail('timeout') } },
          },
          pin: {
            entry: [({ context }) => wipeBlock(context.block), assign({ pinDigits: 0, block: undefined })],
            invoke: { src: 'pinEntry', input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '' }) },
            on: {
              'pin.digits': { actions: assign({ pinDigits: ({ event }) => event.count, error: undefined }) },
              'pin.entered': { target: 'verifying', actions: assign({ block: ({ event }) => event.block }) },
              'pin.timeout': { target: 'pin', reenter: true, actions: fail('pinTimeout') },
              'pin.cancelled': { target: '#records.ended', actions: fail('cancelled') },
              'pin.failed': { target: '#records.failed', actions: assign({ error: ({ event }) => event.code }) },
              back: 'confirmCard',
            },
            after: { stepTimeout: { target: '#records.failed', actions: fail('timeout') } },
          },
          verifying: {
            invoke: {
              src: 'verify',
              input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '', block: context.block as PinBlock }),
              onDone: { target: '#records.querying', actions: [({ context }) => wipeBlock(context.block), assign({ block: undefined, error: undefined, triesLeft: undefined })] },
              onError: [
                {
                  guard: ({ event }) => event.error instanceof FlowFailure && event.error.code === 'pinWrong',
                  target: 'pin',
                  actions: assign({ error: 'pinWrong', triesLeft: ({ event }) => (event.error as FlowFailure).triesLeft }),
                },
                { target: '#records.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
              ],
            },
          },
        },
      },
      // The ID card and a face check the county compares with the resident's enrolled face.
      byFace: {
        initial: 'idCard',
        invoke: { src: 'watchId' },
        on: { 'id.unavailable': { target: 'failed', actions: fail('deviceFault') } },
        states: {
          idCard: {
            entry: assign({ error: undefined }),
            on: { 'id.present': 'readingId', back: '#records.identify' },
            after: { stepTimeout: { target: '#records.failed', actions: fail('timeout') } },
          },
          readingId: {
            entry: assign({ idSeen: true }),
            invoke: {
              src: 'readId',
              onDone: 'identifying',
              onError: { target: '#records.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
            },
          },
          identifying: {
            invoke: {
              src: 'identify',
              input: ({ event }) => ({ id: (event as unknown as { output: ResidentIdCard }).output }),
              onDone: { target: 'face', actions: assign({ residentRef: ({ event }) => event.output }) },
              onError: { target: '#records.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
            },
          },
          face: {
            on: {
              faceCaptured: [
                { guard: ({ event }) => event.livenessScore < LIVENESS_MIN, target: 'faceRefused', actions: fail('faceSpoof') },
                { target: 'matchingFace', actions: assign({ error: undefined }) },
              ],
              noCamera: { target: '#records.failed', actions: fail('noCamera') },
              back: 'idCard',
            },
            after: { stepTimeout: { target: '#records.failed', actions: fail('timeout') } },
          },
          matchingFace: {
            invoke: {
              src: 'matchFace',
              input: ({ context, event }) => {
                const e = event as Extract<RecordsEvent, { type: 'faceCaptured' }>;
                return { residentRef: context.residentRef ?? '', image: e.imageBase64, sha: e.imageSha256, liveness: e.livenessScore, descriptor: e.descriptor, attempt: FACE_TRIES - context.faceTries };
              },
              onDone: [
                { guard: ({ event }) => event.output.matched, target: '#records.querying', actions: assign({ faceMatchId: ({ event }) => event.output.matchId }) },
                { target: 'faceRefused', actions: fail('faceNoMatch') },
              ],
              onError: { target: '#records.failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
            },
          },
          faceRefused: {
            entry: assign({ faceTries: ({ context }) => context.faceTries - 1 }),
            always: [{ guard: ({ context }) => context.faceTries <= 0, target: '#records.failed', actions: fail('faceTriesUsed') }, { target: 'face' }],
          },
        },
      },
      querying: {
        invoke: {
          src: 'query',
          input: ({ context }): QueryInput =>
            context.faceMatchId !== undefined ? { residentRef: context.residentRef ?? '', faceMatchId: context.faceMatchId } : { card: context.card as FlowCard },
          onDone: { target: 'result', actions: assign({ answer: ({ event }) => event.output, page: 0 }) },
          onError: { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
        },
      },
      result: {
        on: {
          page: {
            guard: ({ context, event }) => context.answer !== undefined && event.page < pageCount(context.answer),
            actions: assign({ page: ({ event }) => event.page }),
          },
          'card.absent': { actions: assign({ cardIn: false }) },
          'card.unavailable': {},
          continue: 'done',
          back: 'done',
        },
        after: { stepTimeout: 'done' },
      },
      done: {
        entry: [
          'release',
          assign({ answer: undefined }),
          // What the county counts: which query ran here and that it was shown; nothing of the resident or the answer.
          ({ context }) =>
            void ctx.recorder.record({
              kind: 'records-query',
              orderingKey: `terminal:${ctx.terminal.terminalId}`,
              payload: { kind, identity: context.faceMatchId !== undefined ? 'idFace' : 'card', outcome: 'shown', siteId: ctx.terminal.siteId, terminalId: ctx.terminal.terminalId },
            }),
        ],
        on: {
          'card.absent': { target: 'completed', actions: assign({ cardIn: false }) },
          'card.unavailable': 'completed',
          continue: 'completed',
          back: 'completed',
          cancel: 'completed',
        },
        after: { stepTimeout: 'completed' },
      },
      failed: {
        entry: ['release', assign({ answer: undefined })],
        on: {
          'card.absent': { actions: assign({ cardIn: false }) },
          'card.unavailable': {},
          continue: 'ended',
          back: 'ended',
          choose: 'ended',
        },
        after: { stepTimeout: 'ended' },
      },
      completed: { type: 'final', entry: ['release', assign({ answer: undefined, card: undefined })] },
      ended: { type: 'final', entry: ['release', assign({ answer: undefined, card: undefined })] },
    },
  });
}

