import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { pickLocalized } from '../i18n/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { ReachZone } from '../components/ReachZone.js';

/** Placeholder until each service's flow lands: name and "being prepared" to read, back home within reach. */
export function ServiceScreen({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const service = useStore((s) => s.catalog?.services.find((entry) => entry.id === serviceId) ?? null);
  const leaveService = useStore((s) => s.leaveService);
  useScreenVoice('service');

  return (
    <main className="screen screen--service" data-screen="service" data-service-id={serviceId}>
      <div className="login__read">
        <h1>{service ? pickLocalized(service.name, language) : serviceId}</h1>
        <p className="screen__lead">{t('service.preparing')}</p>
      </div>
      <ReachZone className="login__zone">
        <button type="button" className="button button--primary button--large" data-testid="go-home" onClick={leaveService}>
          {t('service.goHome')}
        </button>
      </ReachZone>
    </main>
  );
}
