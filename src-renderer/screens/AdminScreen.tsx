import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { technicianLogout } from '../app/admin-actions.js';
import { pickLocalized } from '../i18n/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { DevicePanel } from '../components/DevicePanel.js';
import { QueuePanel } from '../components/QueuePanel.js';

/** Technician landing page: identity, health, device status and the offline queue. */
export function AdminScreen() {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const terminal = useStore((s) => s.terminal);
  const setTerminal = useStore((s) => s.setTerminal);
  const health = useStore((s) => s.health);
  const setHealth = useStore((s) => s.setHealth);
  useScreenVoice('admin');

  useEffect(() => {
    let live = true;
    void run(() => kiosk().getTerminalInfo({})).then((info) => live && info && setTerminal(info));
    void run(() => kiosk().getHealth({})).then((h) => live && h && setHealth(h));
    return () => {
      live = false;
    };
  }, [setTerminal, setHealth]);

  return (
    <main className="screen screen--admin" data-screen="admin">
      <div className="screen__head">
        <h1>{t('admin.title')}</h1>
        <button type="button" className="button button--secondary" data-testid="admin-logout" onClick={() => void technicianLogout()}>
          {t('admin.logout')}
        </button>
      </div>
      <section aria-labelledby="admin-terminal">
        <h2 id="admin-terminal">{t('admin.terminal')}</h2>
        {terminal === null ? (
          <p>{t('admin.loading')}</p>
        ) : (
          <dl className="facts" data-testid="terminal-info">
            <dt>{t('admin.terminalId')}</dt>
            <dd>{terminal.terminalId}</dd>
            <dt>{t('admin.site')}</dt>
            <dd>{pickLocalized(terminal.site.name, language)}</dd>
            <dt>{t('admin.version')}</dt>
            <dd>{terminal.appVersion}</dd>
            <dt>{t('admin.shell')}</dt>
            <dd>{terminal.shell}</dd>
            <dt>{t('admin.emulated')}</dt>
            <dd>{terminal.emulatedDevices ? t('admin.yes') : t('admin.no')}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="admin-health">
        <h2 id="admin-health">{t('admin.health')}</h2>
        {health === null ? (
          <p>{t('admin.loading')}</p>
        ) : (
          <ul className="health" data-testid="health">
            <li className={`health__item health__item--${health.level}`}>{t(`admin.healthLevel.${health.level}` as const)}</li>
            {health.checks.map((check) => (
              <li key={check.name} className={`health__item health__item--${check.level}`}>
                {t(`admin.healthCheck.${check.name}`)}: {t(`admin.healthLevel.${check.level}` as const)}
                {check.messageKey ? ` (${t(`admin.healthMessage.${check.messageKey}`)})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <DevicePanel />
      <QueuePanel />
    </main>
  );
}

