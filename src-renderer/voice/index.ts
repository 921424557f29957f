import { createSpeechSource } from './speech-source.js';
import { VoiceService } from './voice-service.js';

export { VoiceService } from './voice-service.js';
export type { VoiceSource, SpeakOptions } from './voice-source.js';

/** The app's voice; the source is swappable (recorded audio, a TTS device) without touching screens. */
export const voice = new VoiceService(createSpeechSource());
