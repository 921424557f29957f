import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore, type Notice } from '../store/index.js';
import { missingCase } from '../util/missing-case.js';

function noticeText(notice: Notice, t: TFunction): string {
  switch (notice.kind) {
    case 'error':
      return t(`errors.${notice.code}` as const);
    case 'unexpected':
      return t('errors.unexpected');
    case 'disabled':
      return notice.reason === null ? t('errors.service_disabled') : t(`catalog.disabled.${notice.reason}` as const);
    default:
      return missingCase(notice);
  }
}

/** The friendly banner for failures and explanations; text comes only from codes. */
export function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.notice);
  const clear = useStore((s) => s.clearNotice);
  if (notice === null) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role="alert" data-testid="notice">
      <p className="notice__text">{noticeText(notice, t)}</p>
      <button type="button" className="button button--secondary" onClick={clear} data-testid="notice-dismiss">
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
