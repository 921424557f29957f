import { afterEach, describe, expect, it } from 'vitest';
import { KNOWN_KINDS } from '../../src-main/county/reference/handlers.js';
import { DEMO_CARD_PIN } from '../../src-main/devices/demo-cards.js';
import { pinChangeFlow } from '../../src-main/flows/ssc-pin-change/index.js';
import { flowHarness, viewsOf } from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function toOldPin() {
  const h = await flowHarness();
  const flow = pinChangeFlow.create(h.ctx);
  const views = viewsOf(flow);
  cleanup.push(() => h.close(), () => flow.stop());
  await views.step('insertCard', 'waiting');
  h.insertCard();
  await views.step('confirmCard');
  flow.send({ type: 'continue' });
  await views.step('oldPin');
  return { h, flow, views };
}

describe('social-security card PIN change flow', () => {
  it('changes the PIN: old PIN checked on the card, new twice, CHANGE, record without the resident', async () => {
    const { h, views } = await toOldPin();
    await h.type(DEMO_CARD_PIN);
    await views.step('newPin');
    await h.type('975310');
    await views.step('confirmPin');
    await h.type('975310');
    expect(await views.step('done')).toMatchObject({ reminder: 'takeCard', next: 'rating' });
    expect(h.ssc.card?.pin).toBe('975310');
    expect(h.recorded.map((r) => r.kind)).toEqual(['pin-change']);
    // The county applies it (an unknown kind would become a dead letter at the terminal).
    expect(KNOWN_KINDS.has('pin-change')).toBe(true);
    expect(JSON.stringify(views.seen)).not.toContain('975310');
  });

  it('explains tries left, then a blocked card offers the PIN reset', async () => {
    const { h, views } = await toOldPin();
    await h.type('000000');
    expect(await views.until((v) => v.step === 'oldPin' && v.error === 'pinWrong')).toMatchObject({ triesLeft: 2 });
    await h.type('000000');
    expect(await views.until((v) => v.step === 'oldPin' && v.triesLeft === 1)).toMatchObject({ error: 'pinWrong' });
    await h.type('000000');
    expect(await views.step('failed')).toMatchObject({ error: 'pinBlocked', choices: ['ssc.pin.reset'], reminder: 'takeCard' });
  });
});
