import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVoiceRecordings, recordingsDirOf } from '../../src-main/app/voice-recordings.js';
import { startBrowserHost, type BrowserHost } from '../../src-main/shell/browser/host.js';
import { ConfigSchema } from '../../src-main/config/schema.js';
import { TerminalInfoSchema } from '../../src-main/contract/terminal.js';
import { KioskCore } from '../../src-main/core/kiosk-core.js';
import { makeCore } from '../core/helpers.js';

let base: string;
let recordings: string;
let rendererDir: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'county-voice-'));
  recordings = join(base, 'recordings');
  rendererDir = join(base, 'renderer');
  mkdirSync(join(recordings, 'zh-CN', 'words'), { recursive: true });
  mkdirSync(join(recordings, 'en'), { recursive: true });
  mkdirSync(join(recordings, 'fr'), { recursive: true });
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(recordings, 'zh-CN', 'home.ogg'), 'OggS-home');
  writeFileSync(join(recordings, 'zh-CN', 'triesLeft@0.ogg'), 'OggS-tries');
  writeFileSync(join(recordings, 'zh-CN', 'words', 'd7.ogg'), 'OggS-seven');
  writeFileSync(join(recordings, 'zh-CN', 'notes.txt'), 'not a clip');
  writeFileSync(join(recordings, 'zh-CN', 'bad name.ogg'), 'ignored');
  writeFileSync(join(recordings, 'en', 'attract.ogg'), 'OggS-attract');
  writeFileSync(join(recordings, 'fr', 'home.ogg'), 'no such language');
  writeFileSync(join(base, 'secret.ogg'), 'outside');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('county voice recordings', () => {
  it('lists the clip ids in the shipped layout and ignores anything else', () => {
    expect(findVoiceRecordings(recordings)).toEqual({
      dir: recordings,
      ids: ['en/attract', 'zh-CN/home', 'zh-CN/triesLeft@0', 'zh-CN/words/d7'],
    });
  });

  it('finds none in a missing folder, and is off without configuration', () => {
    expect(findVoiceRecordings(join(base, 'nowhere'))?.ids).toEqual([]);
    expect(findVoiceRecordings(undefined)).toBeUndefined();
    expect(ConfigSchema.parse({}).voice).toEqual({});
    expect(recordingsDirOf(undefined, '/data')).toBeUndefined();
    expect(recordingsDirOf('voice', '/data')).toBe(join('/data', 'voice'));
    expect(recordingsDirOf('/srv/voice', '/data')).toBe('/srv/voice');
  });

  it('are named in the terminal info the renderer loads', () => {
    const plain = makeCore();
    const core = new KioskCore({ ...(plain as unknown as { options: ConstructorParameters<typeof KioskCore>[0] }).options, voiceRecordings: findVoiceRecordings(recordings)! });
    const info = TerminalInfoSchema.parse(core.terminalInfo());
    expect(info.voiceRecordings).toEqual(['en/attract', 'zh-CN/home', 'zh-CN/triesLeft@0', 'zh-CN/words/d7']);
    expect(core.voiceRecordingsDir).toBe(recordings);
    expect(plain.terminalInfo().voiceRecordings).toBeUndefined();
  });

  describe('served by the browser host', () => {
    let host: BrowserHost;
    beforeAll(async () => {
      host = await startBrowserHost({ core: makeCore(), rendererDir, voiceRecordingsDir: recordings, token: 'voice-test-token-0123456789' });
    });
    afterAll(() => host.close());

    it('under county-voice/, as audio/ogg', async () => {
      const response = await fetch(`${host.origin}/county-voice/zh-CN/words/d7.ogg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/ogg');
      expect(await response.text()).toBe('OggS-seven');
      expect((await fetch(`${host.origin}/county-voice/zh-CN/triesLeft%400.ogg`)).status).toBe(200);
    });

    it('never anything but .ogg inside the folder', async () => {
      for (const path of ['/county-voice/zh-CN/notes.txt', '/county-voice/../secret.ogg', '/county-voice/%2e%2e/secret.ogg', '/county-voice/zh-CN/nothing.ogg']) {
        expect((await fetch(`${host.origin}${path}`)).status, path).toBe(404);
      }
    });

    it('and not at all without a folder', async () => {
      const bare = await startBrowserHost({ core: makeCore(), rendererDir, token: 'voice-test-token-0123456789' });
      try {
        expect((await fetch(`${bare.origin}/county-voice/zh-CN/home.ogg`)).status).toBe(404);
      } finally {
        await bare.close();
      }
    });
  });
});
