import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { changeSettings } from '../app/session-actions.js';
import { pickLocalized } from '../i18n/index.js';
import { HearAgainButton } from './HearAgainButton.js';

const LEVELS = [
  { name: 'low', value: 0.4 },
  { name: 'medium', value: 0.8 },
  { name: 'high', value: 1 },
] as const;

/** The level a volume falls in (nearest step). */
export function volumeLevel(volume: number): (typeof LEVELS)[number]['name'] {
  return LEVELS.reduce((best, level) => (Math.abs(level.value - volume) < Math.abs(best.value - volume) ? level : best)).name;
}

/** One touch steps the volume up, wrapping from loudest to quietest. */
export function nextVolume(volume: number): number {
  const index = LEVELS.findIndex((l) => l.name === volumeLevel(volume));
  return LEVELS[(index + 1) % LEVELS.length]?.value ?? LEVELS[1].value;
}

/**
 * On every screen, at the top: where the terminal is (reading matter, above the reach line), a demo
 * terminal's mark, and the preferences too when the whole screen is within reach.
 */
export function TopBar({ preferences }: { preferences: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const site = useStore((s) => s.terminal?.site?.name ?? null);
  const demo = useStore((s) => s.terminal?.mode === 'demo');
  return (
    <header className="top-bar">
      <p className="top-bar__site" data-testid="site-name">
        {demo && (
          <span className="demo-mark" data-testid="demo-mark" title={t('app.demoMarkLabel')}>
            {t('app.demoMark')}
            <span className="visually-hidden">{t('app.demoMarkLabel')}</span>
          </span>
        )}
        {site ? pickLocalized(site, language) : t('app.siteFallback')}
      </p>
      {preferences && <PreferenceBar />}
    </header>
  );
}

/**
 * On every screen, within every resident's reach (in the header, or at the bottom when the top of the
 * screen is out of reach): the one-touch preferences (hear it again, language, large text, mute,
 * volume). The row wraps rather than running off a narrow screen.
 */
export function PreferenceBar() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const toEnglish = settings.language !== 'en';

  return (
    <nav className="pref-bar" aria-label={t('topBar.label')}>
      <div className="pref-bar__actions">
        <HearAgainButton />
        <button
          type="button"
          className="toggle"
          data-testid="lang-toggle"
          lang={toEnglish ? 'en' : 'zh-CN'}
          onClick={() => void changeSettings({ language: toEnglish ? 'en' : 'zh-CN' })}
        >
          {t('topBar.languageName', { lng: toEnglish ? 'en' : 'zh-CN' })}
        </button>
        <button
          type="button"
          className="toggle"
          data-testid="elderly-toggle"
          aria-pressed={settings.elderlyMode}
          onClick={() => void changeSettings({ elderlyMode: !settings.elderlyMode })}
        >
          {t('topBar.elderly')}
        </button>
        <button
          type="button"
          className="toggle"
          data-testid="mute-toggle"
          aria-pressed={settings.voiceMuted}
          onClick={() => void changeSettings({ voiceMuted: !settings.voiceMuted })}
        >
          {t('topBar.mute')}
        </button>
        <button
          type="button"
          className="toggle"
          data-testid="volume-step"
          onClick={() => void changeSettings({ volume: nextVolume(settings.volume) })}
        >
          {t('topBar.volume', { level: t(`topBar.volumeLevel.${volumeLevel(settings.volume)}`) })}
        </button>
      </div>
    </nav>
  );
}
