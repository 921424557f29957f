import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { changeSettings } from '../app/session-actions.js';
import { pickLocalized } from '../i18n/index.js';

/** On every screen: site name and the three one-touch preferences. */
export function TopBar() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const site = useStore((s) => s.terminal?.site.name ?? null);
  const toEnglish = settings.language !== 'en';

  return (
    <header className="top-bar">
      <p className="top-bar__site">{site ? pickLocalized(site, settings.language) : t('app.siteFallback')}</p>
      <div className="top-bar__actions">
        <button
          type="button"
          className="toggle"
          data-testid="lang-toggle"
          lang={toEnglish ? 'en' : 'zh-CN'}
          onClick={() => void changeSettings({ language: toEnglish ? 'en' : 'zh-CN' })}
        >
          {toEnglish ? 'English' : '中文'}
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
      </div>
    </header>
  );
}
