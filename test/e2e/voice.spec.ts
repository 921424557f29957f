import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, FAST_IDLE, openTechnicianLogin, openTerminal, serviceTile, test } from './fixtures.js';

// Each screen plays its own prompt from the shipped clips (Debian's Chromium has no OS voice at
// all), and nothing when muted. Observed through the player's own hooks: the `kiosk:voice-start`
// event fires when a prompt's audio is scheduled on the audio clock; `data-voice-request` says what
// the screen asked for and whether it stayed silent. No timing is assumed anywhere.

type Start = { key: string; origin: string; clips: number };

async function recordStarts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const starts: unknown[] = [];
    (window as unknown as { voiceStarts: unknown[] }).voiceStarts = starts;
    document.addEventListener('kiosk:voice-start', (e) => starts.push((e as CustomEvent).detail));
  });
}

const starts = (page: Page): Promise<Start[]> =>
  page.evaluate(() => (window as unknown as { voiceStarts: Start[] }).voiceStarts.map(({ key, origin, clips }) => ({ key, origin, clips })));

async function expectPlayed(page: Page, key: string, clips = 1): Promise<void> {
  await expect.poll(async () => (await starts(page)).filter((s) => s.key === key)).toContainEqual({ key, origin: 'clips', clips });
}

/**
 * The home screen's prompt from the shipped clips. The demo catalog takes more than one page on every
 * supported display, so it is `homePaged` ("please choose a service; page 1 of N"), joined from clips.
 */
async function expectHomePlayed(page: Page): Promise<void> {
  await expect.poll(async () => (await starts(page)).filter((s) => s.key === 'homePaged' && s.origin === 'clips' && s.clips > 1)).not.toEqual([]);
}

test('a home screen of several pages says which page of how many, and the next page says where it is', async ({ page, terminal }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await recordStarts(page);
  await openTerminal(page, terminal);
  await page.getByTestId('start').click();
  const where = page.getByTestId('home-pager-where');
  await expect(where).toHaveAttribute('data-page', '1');
  const pages = Number(await where.getAttribute('data-pages'));
  expect(pages).toBeGreaterThan(1);
  // 请选择要办理的业务。第一页，共N页。: the fixed pieces and the joined numbers.
  await expect.poll(async () => (await starts(page)).filter((s) => s.key === 'homePaged')).toHaveLength(1);
  expect((await starts(page)).find((s) => s.key === 'homePaged')?.clips).toBeGreaterThan(3);
  expect((await starts(page)).map((s) => s.key)).not.toContain('home');
  await page.getByTestId('home-pager-next').click();
  await expect(where).toHaveAttribute('data-page', '2');
  await expect.poll(async () => (await starts(page)).map((s) => s.key)).toContain('flowRecordsPage');
});

test.describe('voice', () => {
  test.use({ terminalConfig: FAST_IDLE });

  test('every screen plays its prompt from the shipped clips', async ({ page, terminal }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await recordStarts(page);
    await page.clock.install();
    await openTerminal(page, terminal);
    await expectPlayed(page, 'attract');
    await page.getByTestId('start').click();
    await expectHomePlayed(page);
    await (await serviceTile(page, 'ssc.progress')).click();
    await expect(page.locator('[data-screen="service"]')).toBeVisible();
    await expectPlayed(page, 'service');
    await page.getByTestId('go-home').click();
    await (await serviceTile(page, 'rating')).click();
    await expectPlayed(page, 'rating');
    await page.getByTestId('rating-5').click();
    await expectPlayed(page, 'ratingDone');
    await page.getByTestId('rating-finish').click();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();

    await page.getByTestId('start').click();
    await expect(page.locator('[data-screen="home"]')).toBeVisible();
    await page.clock.runFor(10_500);
    await expect(page.getByTestId('idle-dialog')).toBeVisible();
    await expectPlayed(page, 'idle');
    await page.getByTestId('idle-continue').click();
    await page.getByTestId('end-session').click();

    await openTechnicianLogin(page);
    await expectPlayed(page, 'adminLogin');
    for (const d of '1357') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await expect(page.getByTestId('pin-error')).toBeVisible();
    // "Wrong PIN, tries left: four": the fixed pieces around the count and the count's word, joined.
    await expectPlayed(page, 'triesLeft', 3);
    for (const d of '246810') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await expectPlayed(page, 'admin');
    // Clips are fetched and decoded under the terminal's own CSP.
    expect(violations).toEqual([]);
  });

  test('English prompts come from the English clips', async ({ page, terminal }) => {
    await recordStarts(page);
    await openTerminal(page, terminal);
    await page.getByTestId('start').click();
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/voice/en/homePaged@0.ogg')).length)).toBeGreaterThan(0);
    await expect.poll(async () => (await starts(page)).at(-1)).toMatchObject({ key: 'homePaged', origin: 'clips' });
  });

  test('a muted terminal asks for each prompt and plays none', async ({ page, terminal }) => {
    await recordStarts(page);
    await openTerminal(page, terminal);
    await page.getByTestId('start').click();
    await expectHomePlayed(page);
    await page.getByTestId('mute-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-voice-request', 'homePaged:silent');
    const before = (await starts(page)).length;
    await (await serviceTile(page, 'ssc.progress')).click();
    await expect(page.locator('html')).toHaveAttribute('data-voice-request', 'service:silent');
    await page.getByTestId('go-home').click();
    await expect(page.locator('html')).toHaveAttribute('data-voice-request', 'homePaged:silent');
    await (await serviceTile(page, 'rating')).click();
    await expect(page.locator('html')).toHaveAttribute('data-voice-request', 'rating:silent');
    expect(await starts(page)).toHaveLength(before);
    // Unmuted again, the screen speaks.
    await page.getByTestId('mute-toggle').click();
    await expectPlayed(page, 'rating');
  });
});

test('the prompt reaches the audio output as sound, decoded by Chromium from the Opus clip', async ({ page, terminal }) => {
  // Taps whatever the app connects to the speakers with an analyser and keeps the loudest block seen.
  await page.addInitScript(() => {
    const tap = { peakRms: 0 };
    (window as unknown as { voiceTap: typeof tap }).voiceTap = tap;
    const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
    AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
      const [target] = args;
      if (target instanceof AudioDestinationNode) {
        const analyser = this.context.createAnalyser();
        analyser.fftSize = 2048;
        connect.call(this, analyser);
        const block = new Float32Array(analyser.fftSize);
        const poll = () => {
          analyser.getFloatTimeDomainData(block);
          let sum = 0;
          for (const s of block) sum += s * s;
          tap.peakRms = Math.max(tap.peakRms, Math.sqrt(sum / block.length));
          requestAnimationFrame(poll);
        };
        poll();
      }
      return connect.apply(this, args);
    } as typeof AudioNode.prototype.connect;
  });
  await recordStarts(page);
  await openTerminal(page, terminal);
  await page.getByTestId('start').click();
  await expectHomePlayed(page);
  await expect.poll(() => page.evaluate(() => (window as unknown as { voiceTap: { peakRms: number } }).voiceTap.peakRms)).toBeGreaterThan(0.02);
});

test('an OS voice speaks only a prompt with no clip', async ({ page, terminal }) => {
  // An OS with a Mandarin voice (as Windows has); the service screen's clip is missing from the server.
  await page.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { osSpoken: string[] }).osSpoken = spoken;
    class Utterance {
      lang = '';
      volume = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synth = {
      getVoices: () => [{ lang: 'zh-CN', name: 'Test Mandarin' }],
      speak: (u: Utterance) => {
        spoken.push(`${u.lang}:${u.text}`);
        queueMicrotask(() => u.onend?.());
      },
      cancel: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  });
  await page.route('**/voice/zh-CN/service.ogg', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await recordStarts(page);
  await openTerminal(page, terminal);
  await expectPlayed(page, 'attract');
  await page.getByTestId('start').click();
  await expectHomePlayed(page);
  await (await serviceTile(page, 'ssc.progress')).click();
  const spoken = () => page.evaluate(() => (window as unknown as { osSpoken: string[] }).osSpoken);
  await expect.poll(spoken).toEqual(['zh-CN:该业务正在准备中，请返回首页。']);
  // The attract and home prompts, which have their clips, never went to the OS voice.
  expect((await starts(page)).map((s) => s.key)).not.toContain('service');
});

test.describe('muted from the start', () => {
  test.use({ terminalConfig: { ...FAST_IDLE, settingsDefaults: { language: 'zh-CN', elderlyMode: false, voiceMuted: true, volume: 0.8 } } });

  test('no screen plays anything, though each asks for its prompt', async ({ page, terminal }) => {
    await recordStarts(page);
    await page.clock.install();
    const html = page.locator('html');
    await openTerminal(page, terminal);
    await expect(html).toHaveAttribute('data-voice-request', 'attract:silent');
    await page.getByTestId('start').click();
    await expect(html).toHaveAttribute('data-voice-request', 'homePaged:silent');
    await (await serviceTile(page, 'ssc.progress')).click();
    await expect(html).toHaveAttribute('data-voice-request', 'service:silent');
    await page.getByTestId('go-home').click();
    await (await serviceTile(page, 'rating')).click();
    await expect(html).toHaveAttribute('data-voice-request', 'rating:silent');
    await page.getByTestId('rating-4').click();
    await expect(html).toHaveAttribute('data-voice-request', 'ratingDone:silent');
    await page.getByTestId('rating-finish').click();
    await expect(html).toHaveAttribute('data-voice-request', 'attract:silent');
    await page.getByTestId('start').click();
    await expect(html).toHaveAttribute('data-voice-request', 'homePaged:silent');
    await page.clock.runFor(10_500);
    await expect(page.getByTestId('idle-dialog')).toBeVisible();
    await expect(html).toHaveAttribute('data-voice-request', 'idle:silent');
    await page.getByTestId('idle-continue').click();
    await page.getByTestId('end-session').click();
    await openTechnicianLogin(page);
    await expect(html).toHaveAttribute('data-voice-request', 'adminLogin:silent');
    for (const d of '1357') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await expect(html).toHaveAttribute('data-voice-request', 'triesLeft:silent');
    for (const d of '246810') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('pin-submit').click();
    await expect(html).toHaveAttribute('data-voice-request', 'admin:silent');
    expect(await starts(page)).toEqual([]);
    expect(await html.getAttribute('data-voice-count')).toBeNull();
  });
});

test.describe('hear it again', () => {
  test('says the screen prompt once more, and is disabled while muted', async ({ page, terminal }) => {
    await recordStarts(page);
    await openTerminal(page, terminal);
    await page.getByTestId('start').click();
    await expectHomePlayed(page);
    await expect.poll(async () => (await starts(page)).filter((s) => s.key === 'homePaged')).toHaveLength(1);
    await page.getByTestId('hear-again').click();
    await expect.poll(async () => (await starts(page)).filter((s) => s.key === 'homePaged')).toHaveLength(2);
    await page.getByTestId('mute-toggle').click();
    await expect(page.getByTestId('hear-again')).toBeDisabled();
  });
});

// A county recording: a real clip (the English service prompt) placed as the zh-CN service prompt.
const recordings = mkdtempSync(join(tmpdir(), 'county-voice-e2e-'));
mkdirSync(join(recordings, 'zh-CN'));
copyFileSync(resolve(import.meta.dirname, '..', '..', 'assets', 'voice', 'en', 'service.ogg'), join(recordings, 'zh-CN', 'service.ogg'));

test.describe('county recordings', () => {
  test.use({ terminalConfig: { voice: { recordingsDir: recordings } } });

  test("take precedence over the shipped clip of the same prompt, the others stay", async ({ page, terminal }) => {
    await recordStarts(page);
    await openTerminal(page, terminal);
    await expectPlayed(page, 'attract');
    await page.getByTestId('start').click();
    await (await serviceTile(page, 'ssc.progress')).click();
    await expect.poll(async () => (await starts(page)).filter((s) => s.key === 'service')).toEqual([{ key: 'service', origin: 'county', clips: 1 }]);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
    // The shipped clip may have been preloaded before the terminal info named the recording; the county's is the one played.
    expect(fetched).toContain('/county-voice/zh-CN/service.ogg');
    expect(fetched).not.toContain('/county-voice/zh-CN/attract.ogg');
  });
});
