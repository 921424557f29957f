import { assign, fromPromise, setup, type EventObject } from 'xstate';
import type { PinBlock, SocialSecurityCard } from '../../../drivers/index.js';
import type { FlowAction, FlowErrorCode } from '../../contract/flows.js';
import type { RecordKind, RecordsAnswer } from '../../county/protocol.js';
import { pinAccountDigits } from '../common/account.js';
import { FlowFailure, pinEntryActor, readCardActor, verifyPinActor, watchCardActor, wipeBlock, type PinEvent, type PresenceEvent } from '../common/actors.js';
import { countyFailure } from '../common/errors.js';
import type { FlowContext, FlowPinKeys } from '../types.js';

interface Card {
  name: string;
  cardNumber: string;
  ssn: string;
  account: string;
}

export interface RecordsContext {
  keys: FlowPinKeys | undefined;
  card: Card | undefined;
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
const errorCode = (e: unknown): FlowErrorCode => (e instanceof FlowFailure ? e.code : 'deviceFault');

/** Finds the resident by the card's number and asks the county for one kind of records, for this card. */
function queryActor(ctx: FlowContext, kind: RecordKind) {
  return fromPromise<RecordsAnswer, { card: Card }>(async ({ input }) => {
    let residentRef: string;
    try {
      residentRef = (await ctx.county.lookupResident(input.card.ssn)).residentRef;
    } catch (e) {
      throw new FlowFailure(countyFailure(e, 'residentUnknown'));
    }
    try {
      const answer = await ctx.county.queryRecords({ residentRef, cardSerial: input.card.cardNumber, kind });
      if (answer.kind !== kind) throw new FlowFailure('countyUnavailable');
      return answer;
    } catch (e) {
      if (e instanceof FlowFailure) throw e;
      throw new FlowFailure(countyFailure(e, 'residentUnknown'));
    }
  });
}

/**
 * A records query: the card, its PIN checked on the card (tries left explained, a blocked card
 * offers the reset), the county's answer shown page by page, then the card reminder. The card may
 * come out once the answer is on screen: the resident reads on without it.
 */
export function recordsMachine(ctx: FlowContext, kind: RecordKind, pageCount: (answer: RecordsAnswer) => number) {
  return setup({
    types: { context: {} as RecordsContext, events: {} as RecordsEvent },
    actors: {
      watchCard: watchCardActor(ctx, 'cardReader'),
      readCard: readCardActor(ctx),
      pinEntry: pinEntryActor(ctx),
      verify: verifyPinActor(ctx),
      query: queryActor(ctx, kind),
    },
    delays: { stepTimeout: () => ctx.timing.stepTimeoutMs },
    actions: {
      release: ({ context }) => wipeBlock(context.block),
    },
  }).createMachine({
    id: `records.${kind}`,
    initial: 'start',
    context: () => ({ keys: ctx.pinKeys(), card: undefined, pinDigits: 0, block: undefined, triesLeft: undefined, answer: undefined, page: 0, error: undefined, cardIn: false }),
    invoke: { src: 'watchCard' },
    on: {
      'card.absent': { target: '.failed', actions: [fail('cardRemoved'), assign({ cardIn: false })] },
      'card.unavailable': { target: '.failed', actions: fail('deviceFault') },
      cancel: { target: '.ended', actions: fail('cancelled') },
    },
    states: {
      start: {
        always: [
          { guard: () => !ctx.countyReachable(), target: 'failed', actions: fail('offline') },
          { guard: ({ context }) => context.keys === undefined, target: 'failed', actions: fail('deviceFault') },
          { target: 'insertCard' },
        ],
      },
      insertCard: {
        on: {
          'card.present': { target: 'readingCard', actions: assign({ cardIn: true }) },
          'card.absent': {},
          back: { target: 'ended', actions: fail('cancelled') },
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      readingCard: {
        invoke: {
          src: 'readCard',
          onDone: [
            { guard: ({ event }) => pinAccountDigits(event.output.ssn) === undefined, target: 'failed', actions: fail('notSocialSecurityCard') },
            { target: 'confirmCard', actions: assign({ card: ({ event }) => toCard(event.output) }) },
          ],
          onError: { target: 'failed', actions: assign({ error: ({ event }) => errorCode(event.error) }) },
        },
      },
      confirmCard: {
        on: { continue: 'pin', back: { target: 'ended', actions: fail('cancelled') } },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      pin: {
        entry: [({ context }) => wipeBlock(context.block), assign({ pinDigits: 0, block: undefined })],
        invoke: { src: 'pinEntry', input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '' }) },
        on: {
          'pin.digits': { actions: assign({ pinDigits: ({ event }) => event.count, error: undefined }) },
          'pin.entered': { target: 'verifying', actions: assign({ block: ({ event }) => event.block }) },
          'pin.timeout': { target: 'pin', reenter: true, actions: fail('pinTimeout') },
          'pin.cancelled': { target: 'ended', actions: fail('cancelled') },
          'pin.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.code }) },
          back: 'confirmCard',
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      verifying: {
        invoke: {
          src: 'verify',
          input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '', block: context.block as PinBlock }),
          onDone: { target: 'querying', actions: [({ context }) => wipeBlock(context.block), assign({ block: undefined, error: undefined, triesLeft: undefined })] },
          onError: [
            {
              guard: ({ event }) => event.error instanceof FlowFailure && event.error.code === 'pinWrong',
              target: 'pin',
              actions: assign({ error: 'pinWrong', triesLeft: ({ event }) => (event.error as FlowFailure).triesLeft }),
            },
            { target: 'failed', actions: assign({ error: ({ event }) => errorCode(event.error) }) },
          ],
        },
      },
      querying: {
        invoke: {
          src: 'query',
          input: ({ context }) => ({ card: context.card as Card }),
          onDone: { target: 'result', actions: assign({ answer: ({ event }) => event.output, page: 0 }) },
          onError: { target: 'failed', actions: assign({ error: ({ event }) => errorCode(event.error) }) },
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
        entry: ['release', assign({ answer: undefined })],
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

function toCard(c: SocialSecurityCard): Card {
  return { name: c.name, cardNumber: c.cardNumber, ssn: c.ssn, account: pinAccountDigits(c.ssn) ?? '' };
}
