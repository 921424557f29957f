import { browserPlayerEnv, createClipPlayer } from './audio-player.js';
import { clipCatalogue } from './clip-catalogue.js';
import { promptTemplates } from './clip-plan.js';
import { voiceLocales } from './locales.js';
import { createSpeechSource } from './speech-source.js';
import { createTerminalVoice, type ClipLibrary } from './terminal-voice.js';
import { reportVoiceRequest, reportVoiceStart } from './voice-hooks.js';
import { VoiceService } from './voice-service.js';

export { VoiceService } from './voice-service.js';
export type { VoiceSource, SpeakOptions, Utterance } from './voice-source.js';

/** The clips built into the renderer (`voice/<lang>/….ogg`, copied from assets/voice by the build). */
const shippedIds: ReadonlySet<string> = new Set(clipCatalogue(voiceLocales, false).map((clip) => clip.id));
export const shippedClips: ClipLibrary = { origin: 'clips', baseUrl: 'voice/', has: (id) => shippedIds.has(id) };

let countyClips: ClipLibrary | undefined;

/** The county's own recordings (same ids, served under `county-voice/`) take precedence over the shipped clips. */
export function setCountyRecordings(ids: readonly string[]): void {
  const set = new Set(ids);
  countyClips = set.size === 0 ? undefined : { origin: 'county', baseUrl: 'county-voice/', has: (id) => set.has(id) };
}

/** The app's voice: county recordings, then shipped clips, then the OS voice; nothing touches the DOM until it speaks. */
export const voice = new VoiceService(
  createTerminalVoice({
    templates: promptTemplates(voiceLocales),
    libraries: () => (countyClips ? [countyClips, shippedClips] : [shippedClips]),
    player: createClipPlayer(browserPlayerEnv()),
    speech: createSpeechSource(),
    onStart: reportVoiceStart,
  }),
  reportVoiceRequest,
);
