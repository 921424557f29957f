import { useTranslation } from 'react-i18next';
import type { DisabledReason } from '../../src-main/contract/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';

/**
 * What a resident sees on a terminal that cannot serve at all: a site terminal without a usable
 * configuration, or one where no service can run now (`cause`: devices down, storage full, the
 * network gone for services that need it). It says so, why, and where to go instead. No control but
 * the preferences: nothing here can start a service. It goes away by itself with its cause.
 */
export function OutOfServiceScreen({ cause }: { cause?: DisabledReason | undefined }) {
  const { t } = useTranslation();
  useScreenVoice('outOfService');
  return (
    <main className="screen screen--out" data-screen="outOfService">
      <div className="out__notice" role="status" data-testid="out-of-service">
        <span className="out__symbol" aria-hidden="true">
          ⚠
        </span>
        <h1>{t('outOfService.title')}</h1>
        <p className="screen__lead" data-testid="out-of-service-cause" data-cause={cause ?? 'unconfigured'}>
          {cause ? t(`outOfService.cause.${cause}`) : t('outOfService.body')}
        </p>
        <p className="screen__lead out__where">{t('outOfService.where')}</p>
      </div>
    </main>
  );
}
