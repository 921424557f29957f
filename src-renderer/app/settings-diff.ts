import type { Settings, SettingsPatch } from '../../src-main/contract/index.js';

/** The fields of `next` that differ from `base`. */
export function settingsDiff(base: Settings, next: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (next.language !== base.language) patch.language = next.language;
  if (next.elderlyMode !== base.elderlyMode) patch.elderlyMode = next.elderlyMode;
  if (next.voiceMuted !== base.voiceMuted) patch.voiceMuted = next.voiceMuted;
  if (next.volume !== base.volume) patch.volume = next.volume;
  return patch;
}
