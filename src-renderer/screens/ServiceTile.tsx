import { useTranslation } from 'react-i18next';
import type { CatalogIcon as CatalogIconName, ServiceEntry } from '../../src-main/contract/index.js';
import { CatalogIcon } from '../components/CatalogIcon.js';
import { useStore } from '../store/index.js';
import { pickLocalized } from '../i18n/index.js';

/**
 * A disabled service stays an ordinary, touchable button (not `disabled`, not
 * `aria-disabled`) so that a touch explains why it is unavailable instead of
 * doing nothing; the visible reason is part of its accessible name.
 */
export function ServiceTile({ service, categoryIcon }: { service: ServiceEntry; categoryIcon?: CatalogIconName | undefined }) {
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
      data-disabled={service.enabled ? undefined : 'true'}
      onClick={onClick}
    >
      <CatalogIcon name={service.icon} fallback={categoryIcon} className="tile__icon" />
      <span className="tile__text">
        <span className="tile__name">{pickLocalized(service.name, language)}</span>
        {!service.enabled && (
          <span className="tile__reason">
            {reason === null ? t('home.unavailable') : t(`catalog.disabled.${reason}` as const)}
          </span>
        )}
      </span>
    </button>
  );
}
