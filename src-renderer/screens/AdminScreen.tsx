import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { technicianLogout } from '../app/admin-actions.js';
import { useHasReachLine } from '../app/useReachLine.js';
import { pickLocalized } from '../i18n/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { DevicePanel } from '../components/DevicePanel.js';
import { DeadLetterPanel, QueuePanel } from '../components/QueuePanel.js';
import { ReachZone } from '../components/ReachZone.js';
import { LogBundlePanel } from '../components/LogBundlePanel.js';
import { OpsPanel } from '../components/OpsPanel.js';

export type AdminTab = 'overview' | 'devices' | 'queue' | 'dead' | 'logs' | 'setup';

/**
 * The tabs a display shows: with a reach line (a floor-standing portrait terminal) the overview has no
 * controls and is read above the line, so it is not a tab there.
 */
export function adminTabs(hasReachLine: boolean): AdminTab[] {
  // The way into the setup wizard is on the overview where the overview is a tab, else a tab of its own.
  return hasReachLine ? ['devices', 'queue', 'dead', 'logs', 'setup'] : ['overview', 'devices', 'queue', 'dead', 'logs'];
}

/**
 * Technician landing page, one thing at a time: the terminal and its health, the devices, the offline
 * queue, the dead letters, the log bundle. The tabs and the way out are at the bottom, within reach; nothing scrolls
 * (long lists are paged).
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const setTerminal = useStore((s) => s.setTerminal);
  const setHealth = useStore((s) => s.setHealth);
  const setQueue = useStore((s) => s.setQueue);
  const deadLetters = useStore((s) => s.queue?.deadLetters ?? 0);
  const low = useHasReachLine();
  const tabs = adminTabs(low);
  const [chosen, setChosen] = useState<AdminTab>(tabs[0]!);
  const tab = tabs.includes(chosen) ? chosen : tabs[0]!;
  useScreenVoice('admin');

  useEffect(() => {
    let live = true;
    void run(() => kiosk().getTerminalInfo({})).then((info) => live && info && setTerminal(info));
    void run(() => kiosk().getHealth({})).then((h) => live && h && setHealth(h));
    void run(() => kiosk().getQueueStatus({})).then((q) => live && q && setQueue(q));
    return () => {
      live = false;
    };
  }, [setTerminal, setHealth, setQueue]);

  // Arrow keys move between tabs (the ARIA tabs pattern), for a technician with a keyboard.
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!;
    setChosen(next);
    document.getElementById(`admin-tab-${next}`)?.focus();
  };

  return (
    <main className="screen screen--admin" data-screen="admin" data-tab={tab}>
      <div className="admin__read">
        <h1>{t('admin.title')}</h1>
        {low && <AdminOverview />}
      </div>
      <ReachZone className="admin__zone">
        <div className="admin__panel" role="tabpanel" id="admin-panel" aria-labelledby={`admin-tab-${tab}`} data-testid="admin-panel">
          {tab === 'overview' && <AdminOverview withSetup />}
          {tab === 'devices' && <DevicePanel />}
          {tab === 'queue' && <QueuePanel />}
          {tab === 'dead' && <DeadLetterPanel />}
          {tab === 'logs' && <LogBundlePanel />}
          {tab === 'setup' && <SetupPanel />}
        </div>
        <div className="admin__bar">
          <div className="admin__tabs" role="tablist" aria-label={t('admin.tabs.label')} onKeyDown={onKey}>
            {tabs.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`admin-tab-${id}`}
                className="button admin__tab"
                aria-selected={id === tab}
                aria-controls="admin-panel"
                tabIndex={id === tab ? 0 : -1}
                data-testid={`admin-tab-${id}`}
                onClick={() => setChosen(id)}
              >
                {t(`admin.tabs.${id}`)}
                {id === 'dead' && deadLetters > 0 && (
                  <span className="admin__count" data-testid="admin-dead-count">
                    {deadLetters}
                  </span>
                )}
              </button>
            ))}
          </div>
          <button type="button" className="button button--secondary" data-testid="admin-logout" onClick={() => void technicianLogout()}>
            {t('admin.logout')}
          </button>
        </div>
      </ReachZone>
    </main>
  );
}

/** The way back into the setup wizard (the technician is signed in; no setup code is needed). */
function SetupStart() {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  return (
    <button type="button" className="button button--primary ops-button admin__setup" data-testid="admin-setup-start" onClick={() => navigate({ name: 'setup' })}>
      {t('admin.setupStart')}
    </button>
  );
}

/** The setup tab, where the overview is not a tab (a floor-standing portrait terminal). */
function SetupPanel() {
  const { t } = useTranslation();
  return (
    <OpsPanel id="admin-setup" title={t('admin.setupTitle')} className="queue-panel" testId="setup-panel">
      <div className="ops-pages">
        <p className="bundle__lead">{t('admin.setupLead')}</p>
        <div className="ops-foot">
          <SetupStart />
        </div>
      </div>
    </OpsPanel>
  );
}

/** Who this terminal is and how it is: identity, version, and each health check in words. */
function AdminOverview({ withSetup = false }: { withSetup?: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const terminal = useStore((s) => s.terminal);
  const health = useStore((s) => s.health);
  return (
    <div className="admin__overview" data-testid="admin-overview">
      <section aria-labelledby="admin-terminal">
        <h2 id="admin-terminal">{t('admin.terminal')}</h2>
        {terminal === null ? (
          <p>{t('admin.loading')}</p>
        ) : (
          <dl className="facts" data-testid="terminal-info">
            <dt>{t('admin.terminalId')}</dt>
            <dd>{terminal.terminalId}</dd>
            <dt>{t('admin.countyTerminalId')}</dt>
            <dd className="facts__id" data-testid="county-terminal-id">
              {terminal.countyTerminalId ?? '—'}
            </dd>
            <dt>{t('admin.site')}</dt>
            <dd>{terminal.site ? pickLocalized(terminal.site.name, language) : '—'}</dd>
            <dt>{t('admin.version')}</dt>
            <dd>
              {terminal.appVersion} · {terminal.shell}
            </dd>
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
        {withSetup && <SetupStart />}
      </section>
    </div>
  );
}
