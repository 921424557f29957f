import { useTranslation } from 'react-i18next';
import type { ServiceEntry } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { pickLocalized } from '../i18n/index.js';

/**
 * A disabled service stays touchable (aria-disabled, not disabled) so that a
 * touch can explain why it is unavailable instead of doing nothing.
 */
export function ServiceTile({ service }: { service: ServiceEntry }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const openService = useStore((s) => s.openService);
  const showNotice = useStore((s) => s.showNotice);
  const reason = service.disabledReason ?? null;

  const onClick = () => {
    if (service.enabled) openService(service.id);
    else showNotice({ kind: 'disabled', reason });
  };

  return (
    <button
      type="button"
      className={service.enabled ? 'tile' : 'tile tile--disabled'}
      data-testid={`service-${service.id}`}
      aria-disabled={service.enabled ? undefined : true}
      onClick={onClick}
    >
      <span className="tile__name">{pickLocalized(service.name, language)}</span>
      {!service.enabled && (
        <span className="tile__reason">
          {reason === null ? t('home.unavailable') : t(`catalog.disabled.${reason}` as const)}
        </span>
      )}
    </button>
  );
}
