import { useEffect } from 'react';
import i18next from 'i18next';
import { useStore } from '../store/index.js';
import { voice } from '../voice/index.js';

/** Mirrors settings onto the document: language (i18next and <html lang>), elderly theme, mute. */
export function useApplySettings(): void {
  const language = useStore((s) => s.settings.language);
  const elderlyMode = useStore((s) => s.settings.elderlyMode);
  const voiceMuted = useStore((s) => s.settings.voiceMuted);

  useEffect(() => {
    document.documentElement.lang = language;
    void i18next.changeLanguage(language);
  }, [language]);

  useEffect(() => {
    // The CSS keys its larger type, targets and contrast palette on this attribute.
    document.documentElement.dataset.elderly = String(elderlyMode);
  }, [elderlyMode]);

  useEffect(() => {
    if (voiceMuted) voice.stop();
  }, [voiceMuted]);
}
