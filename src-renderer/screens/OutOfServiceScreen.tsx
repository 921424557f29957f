import { useTranslation } from 'react-i18next';
import { useScreenVoice } from '../voice/useScreenVoice.js';

/**
 * What a resident sees on a terminal that cannot serve at all (a site terminal without a usable
 * configuration): that nothing can be done here, and where to go instead. No control but the
 * preferences: nothing here can start a service.
 */
export function OutOfServiceScreen() {
  const { t } = useTranslation();
  useScreenVoice('outOfService');
  return (
    <main className="screen screen--out" data-screen="outOfService">
      <div className="out__notice" role="status" data-testid="out-of-service">
        <span className="out__symbol" aria-hidden="true">
          ⚠
        </span>
        <h1>{t('outOfService.title')}</h1>
        <p className="screen__lead">{t('outOfService.body')}</p>
        <p className="screen__lead out__where">{t('outOfService.where')}</p>
      </div>
    </main>
  );
}
