import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';

/** Covers the screen while the core is unreachable, so nobody taps into a dead UI. */
export function ReconnectOverlay() {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  if (connection === 'open') return null;
  if (connection === 'replaced') {
    // Seen only if the older window stays in front: a calm note, no alarm, nothing to tap.
    return (
      <div className="overlay" data-testid="replaced">
        <div className="overlay__panel" role="status">
          <p className="overlay__title">{t('connection.replaced')}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="overlay" data-testid="reconnecting">
      <div className="overlay__panel" role="alert" aria-busy="true">
        <p className="overlay__title">{t('connection.reconnecting')}</p>
        <p>{t('connection.reconnectingDetail')}</p>
      </div>
    </div>
  );
}
