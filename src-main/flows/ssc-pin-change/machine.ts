import { assign, fromPromise, setup, type EventObject } from 'xstate';
import type { PinBlock, PinVerdict } from '../../../drivers/index.js';
import type { FlowAction, FlowErrorCode, WeakPinReason } from '../../contract/flows.js';
import { pinAccountDigits, toFlowCard, type FlowCard } from '../common/account.js';
import { FlowFailure, failureCode, judgePinActor, pinEntryActor, readCardActor, verifyPinActor, watchCardActor, wipeBlock, type PinEvent, type PresenceEvent } from '../common/actors.js';
import { cardFailure, triesLeftOf } from '../common/errors.js';
import type { FlowContext, FlowPinKeys } from '../types.js';

export interface ChangeContext {
  keys: FlowPinKeys | undefined;
  card: FlowCard | undefined;
  pinDigits: number;
  oldBlock: PinBlock | undefined;
  firstBlock: PinBlock | undefined;
  newBlock: PinBlock | undefined;
  triesLeft: number | undefined;
  error: FlowErrorCode | undefined;
  weakReason: WeakPinReason | undefined;
  reference: string | undefined;
  cardIn: boolean;
}

export type ChangeEvent = FlowAction | { type: 'cancel' } | PresenceEvent | PinEvent;

const fail = (code: FlowErrorCode) => assign<ChangeContext, EventObject, undefined, ChangeEvent, never>({ error: code });

/** Changes the PIN on the card from the old block's to the new block's. */
function changeActor(ctx: FlowContext) {
  return fromPromise<void, { keys: FlowPinKeys; card: FlowCard; old: PinBlock; next: PinBlock }>(async ({ input }) => {
    const r = await ctx.devices.use('cardReader', (d) => d.changePinBlocks(input.old, input.next, { key: input.keys.key, pan: input.card.account }));
    if (!r.ok) throw new FlowFailure(cardFailure(r.error), triesLeftOf(r.error));
  });
}

/** PIN change: card, old PIN (tries left explained; blocked offers the reset), new PIN twice, CHANGE on the card. */
export function pinChangeMachine(ctx: FlowContext) {
  return setup({
    types: { context: {} as ChangeContext, events: {} as ChangeEvent },
    actors: {
      watchCard: watchCardActor(ctx, 'cardReader'),
      readCard: readCardActor(ctx),
      pinEntry: pinEntryActor(ctx),
      judge: judgePinActor(),
      verify: verifyPinActor(ctx),
      change: changeActor(ctx),
    },
    delays: { stepTimeout: () => ctx.timing.stepTimeoutMs },
    actions: {
      release: ({ context }) => {
        wipeBlock(context.oldBlock);
        wipeBlock(context.firstBlock);
        wipeBlock(context.newBlock);
      },
    },
  }).createMachine({
    id: 'pinChange',
    initial: 'start',
    context: () => ({
      keys: ctx.pinKeys(),
      card: undefined,
      pinDigits: 0,
      oldBlock: undefined,
      firstBlock: undefined,
      newBlock: undefined,
      triesLeft: undefined,
      error: undefined,
      weakReason: undefined,
      reference: undefined,
      cardIn: false,
    }),
    invoke: { src: 'watchCard' },
    on: {
      'card.absent': { target: '.failed', actions: [fail('cardRemoved'), assign({ cardIn: false })] },
      'card.unavailable': { target: '.failed', actions: fail('deviceFault') },
      cancel: { target: '.ended', actions: fail('cancelled') },
    },
    states: {
      start: {
        always: [{ guard: ({ context }) => context.keys === undefined, target: 'failed', actions: fail('deviceFault') }, { target: 'insertCard' }],
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
            { target: 'confirmCard', actions: assign({ card: ({ event }) => toFlowCard(event.output) }) },
          ],
          onError: { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
        },
      },
      confirmCard: {
        on: { continue: 'oldPin', back: { target: 'ended', actions: fail('cancelled') } },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      oldPin: {
        entry: [({ context }) => wipeBlock(context.oldBlock), assign({ pinDigits: 0, oldBlock: undefined })],
        invoke: { src: 'pinEntry', input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '' }) },
        on: {
          'pin.digits': { actions: assign({ pinDigits: ({ event }) => event.count, error: undefined }) },
          'pin.entered': { target: 'verifying', actions: assign({ oldBlock: ({ event }) => event.block }) },
          'pin.timeout': { target: 'oldPin', reenter: true, actions: fail('pinTimeout') },
          'pin.cancelled': { target: 'ended', actions: fail('cancelled') },
          'pin.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.code }) },
          back: 'confirmCard',
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      verifying: {
        invoke: {
          src: 'verify',
          input: ({ context }) => ({ keys: context.keys as FlowPinKeys, account: context.card?.account ?? '', block: context.oldBlock as PinBlock }),
          onDone: { target: 'newPin', actions: assign({ error: undefined, triesLeft: undefined }) },
          onError: [
            {
              guard: ({ event }) => event.error instanceof FlowFailure && event.error.code === 'pinWrong',
              target: 'oldPin',
              actions: assign({ error: 'pinWrong', triesLeft: ({ event }) => (event.error as FlowFailure).triesLeft }),
            },
            { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
          ],
        },
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
            {
              guard: ({ context, event }) => context.firstBlock !== undefined && context.firstBlock.block.equals(event.block.block),
              target: 'changing',
              actions: assign({ newBlock: ({ event }) => event.block }),
            },
            { target: 'newPin', actions: [({ event }) => wipeBlock(event.block), fail('pinMismatch')] },
          ],
          'pin.timeout': { target: 'newPin', actions: fail('pinTimeout') },
          'pin.cancelled': { target: 'ended', actions: fail('cancelled') },
          'pin.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.code }) },
          back: 'newPin',
        },
        after: { stepTimeout: { target: 'failed', actions: fail('timeout') } },
      },
      changing: {
        on: { cancel: {}, back: {} },
        invoke: {
          src: 'change',
          input: ({ context }) => ({ keys: context.keys as FlowPinKeys, card: context.card as FlowCard, old: context.oldBlock as PinBlock, next: context.newBlock as PinBlock }),
          onDone: 'done',
          onError: { target: 'failed', actions: assign({ error: ({ event }) => failureCode(event.error) }) },
        },
      },
      done: {
        entry: [
          'release',
          assign({
            error: undefined,
            reference: () => {
              const outcome = ctx.recorder.record({
                kind: 'pin-change',
                orderingKey: `terminal:${ctx.terminal.terminalId}`,
                payload: { outcome: 'changed', siteId: ctx.terminal.siteId, terminalId: ctx.terminal.terminalId },
              });
              return outcome.ok ? outcome.id : undefined;
            },
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
        entry: 'release',
        on: {
          'card.absent': { actions: assign({ cardIn: false }) },
          'card.unavailable': {},
          continue: 'ended',
          back: 'ended',
          choose: 'ended',
        },
        after: { stepTimeout: 'ended' },
      },
      completed: { type: 'final', entry: 'release' },
      ended: { type: 'final', entry: 'release' },
    },
  });
}

