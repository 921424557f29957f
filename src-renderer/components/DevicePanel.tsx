import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../src-main/contract/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { useStore } from '../store/index.js';
import { STATE_VIEW, lastSeen, messageText } from './device-panel-model.js';
import { usePackedPages } from '../app/usePackedPages.js';
import { Pager } from './Pager.js';
import { OpsPanel } from './OpsPanel.js';
import '../styles/ops.css';

/** Refreshes quietly this often, so "last answer" stays true (heartbeats alone do not send events). */
const POLL_MS = 10_000;

/**
 * Technician view of every configured device: kind, connection, state, details, last answer, reconnects;
 * a page of rows at a time when they do not all fit the display.
 */
export function DevicePanel() {
  const { t } = useTranslation();
  const devices = useStore((s) => s.devices);
  const setDevices = useStore((s) => s.setDevices);
  const [now, setNow] = useState(() => Date.now());
  const elderly = useStore((s) => s.settings.elderlyMode);
  const language = useStore((s) => s.settings.language);
  const count = devices?.length ?? 0;
  // Rows per page: as many as fit this display in this mode and language (a row's height follows its text).
  const pages = usePackedPages<HTMLDivElement>(count, `${elderly}|${language}|${devices?.map((d) => `${d.kind}:${d.state}:${d.messageKey ?? ''}`).join(',') ?? ''}`);

  const refresh = useCallback(async () => {
    const list = await run(() => kiosk().getDeviceStatus({}));
    if (list) setDevices(list.devices);
  }, [setDevices]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      setNow(Date.now());
      // Quiet: a failed poll is not worth a banner; the explicit refresh shows errors.
      kiosk()
        .getDeviceStatus({})
        .then((r) => r.ok && setDevices(r.value.devices))
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh, setDevices]);

  return (
    <OpsPanel id="device-panel-title" title={t('devices.title')} className="device-panel" testId="device-panel">
      <div className="ops-pages" ref={pages.ref} data-testid="device-pages" data-fitted={pages.fitted}>
        {devices === null ? (
          <p role="status">{t('devices.loading')}</p>
        ) : devices.length === 0 ? (
          <p>{t('devices.empty')}</p>
        ) : (
          <table className="device-table device-table--devices">
            <thead>
              <tr>
                <th scope="col">{t('devices.column.device')}</th>
                <th scope="col">{t('devices.column.state')}</th>
                <th scope="col">{t('devices.column.message')}</th>
                <th scope="col">{t('devices.column.driver')}</th>
                <th scope="col">{t('devices.column.lastSeen')}</th>
                <th scope="col" className="device-table__num">
                  {t('devices.column.attempts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.slice(pages.from, pages.to).map((d) => (
                <DeviceRow key={d.kind} device={d} now={now} />
              ))}
            </tbody>
          </table>
        )}
        <div className="ops-foot">
          {pages.showPager && <Pager page={pages.page} pageCount={pages.pageCount} onPage={pages.setPage} testId="device-pager" />}
          <button type="button" className="button button--secondary ops-button" data-testid="device-refresh" onClick={() => void refresh().then(() => setNow(Date.now()))}>
            {t('devices.refresh')}
          </button>
        </div>
      </div>
    </OpsPanel>
  );
}

function DeviceRow({ device, now }: { device: DeviceStatus; now: number }) {
  const { t } = useTranslation();
  const view = STATE_VIEW[device.state];
  const seen = lastSeen(device.lastSeenAt, now);
  return (
    <tr data-testid={`device-${device.kind}`} data-state={device.state}>
      <th scope="row">{t(`devices.kind.${device.kind}` as const)}</th>
      <td data-label={t('devices.column.state')}>
        <span className={`device-state device-state--${view.tone}`}>
          <span aria-hidden="true" className="device-state__symbol">
            {view.symbol}
          </span>
          {t(`devices.state.${device.state}` as const)}
        </span>
      </td>
      <td className="device-table__message">
        {(device.messageKey !== undefined || device.info === undefined) && t(messageText(device.messageKey))}
        {device.info !== undefined && <span className="device-table__info">{device.info}</span>}
      </td>
      <td data-label={t('devices.column.driver')}>{t(`devices.driver.${device.driver}` as const)}</td>
      <td data-label={t('devices.column.lastSeen')}>{seen.key === 'devices.lastSeen.never' ? t(seen.key) : t(seen.key, { count: seen.count })}</td>
      <td className="device-table__num" data-label={t('devices.column.attempts')}>
        {device.reconnectAttempts}
      </td>
    </tr>
  );
}
