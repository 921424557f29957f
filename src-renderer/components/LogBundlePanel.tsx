import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleTarget, BundleWritten } from '../../src-main/contract/index.js';
import { kiosk, run } from '../app/kiosk.js';
import { OpsPanel } from './OpsPanel.js';
import '../styles/ops.css';

/**
 * Ops staff make a log bundle for the county: choose where it goes (the terminal's own folder or a
 * USB drive that is plugged in), make it, and read back its name, size and SHA-256. The bundle
 * holds no resident data; the core leaves the secrets out of the configuration in it.
 */
export function LogBundlePanel() {
  const { t } = useTranslation();
  const [targets, setTargets] = useState<BundleTarget[] | null>(null);
  const [chosen, setChosen] = useState<string>('local');
  const [working, setWorking] = useState(false);
  const [written, setWritten] = useState<BundleWritten | null>(null);

  const refresh = useCallback(async () => {
    const list = await run(() => kiosk().listBundleTargets({}));
    if (!list) return;
    setTargets(list.targets);
    // A drive just plugged in is the likely choice; one that went away is no choice at all.
    setChosen((current) => (list.targets.some((x) => x.id === current && current !== 'local') ? current : (list.targets.find((x) => x.kind === 'removable')?.id ?? 'local')));
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const make = async () => {
    setWorking(true);
    setWritten(null);
    try {
      const result = await run(() => kiosk().exportLogBundle({ targetId: chosen }));
      if (result) setWritten(result);
    } finally {
      setWorking(false);
    }
  };

  const label = (target: BundleTarget) => (target.kind === 'local' ? t('bundle.local') : t('bundle.removable', { label: target.label }));
  const hasDrive = targets?.some((x) => x.kind === 'removable') ?? false;

  return (
    <OpsPanel id="bundle-title" title={t('bundle.title')} className="queue-panel bundle-panel" testId="bundle-panel">
      <div className="ops-pages">
        {/* Once a bundle is made, what it is takes the place of what it will be. */}
        {written === null && <p className="bundle__lead">{t('bundle.lead')}</p>}
        <fieldset className="bundle__targets">
          <legend>{t('bundle.target')}</legend>
          {(targets ?? []).map((target) => (
            <button
              key={target.id}
              type="button"
              className="button bundle__target"
              aria-pressed={target.id === chosen}
              data-testid={`bundle-target-${target.id}`}
              disabled={working}
              onClick={() => setChosen(target.id)}
            >
              {label(target)}
            </button>
          ))}
          {targets !== null && !hasDrive && written === null && <p className="bundle__hint">{t('bundle.noDrive')}</p>}
        </fieldset>
        <div role="status" aria-live="polite" className="bundle__status" data-testid="bundle-status">
          {working && <p>{t('bundle.working')}</p>}
          {written && (
            <>
              <p className="bundle__done" data-testid="bundle-done" data-name={written.name} data-sha256={written.sha256}>
                {t('bundle.done', { name: written.name })}
              </p>
              <p>{t('bundle.size', { size: Math.max(1, Math.round(written.bytes / 1024)), files: written.files })}</p>
              {written.omitted > 0 && <p>{t('bundle.omitted', { count: written.omitted })}</p>}
              <p className="bundle__sum">
                {t('bundle.checksum')}: <code>{written.sha256}</code>
              </p>
            </>
          )}
        </div>
        <div className="ops-foot">
          <button type="button" className="button button--secondary ops-button" data-testid="bundle-refresh" disabled={working} onClick={() => void refresh()}>
            {t('bundle.refresh')}
          </button>
          <button type="button" className="button button--primary ops-button" data-testid="bundle-export" disabled={working || targets === null} onClick={() => void make()}>
            {t('bundle.export')}
          </button>
        </div>
      </div>
    </OpsPanel>
  );
}
