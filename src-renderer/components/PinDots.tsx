import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LoginFailure } from '../app/admin-actions.js';

/** How many digits are in, as dots: the digits themselves are never drawn. */
export function PinDots({ count, testId }: { count: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <p className="pin-dots" aria-label={`${t('adminLogin.pinLabel')}: ${count}`} role="status" data-testid={testId}>
      <span aria-hidden="true">{'●'.repeat(count) || '\u00a0'}</span>
    </p>
  );
}

/** A refused technician PIN or setup code in words: tries left, or how long it is locked. */
export function loginFailureText(failure: LoginFailure, t: TFunction): string {
  if (failure.code === 'admin_bad_pin' && failure.triesLeft !== undefined) return t('adminLogin.triesLeft', { count: failure.triesLeft });
  if (failure.code === 'admin_locked' && failure.retryAfterMs !== undefined) {
    return `${t('errors.admin_locked')} ${t('adminLogin.lockedFor', { minutes: Math.ceil(failure.retryAfterMs / 60_000) })}`;
  }
  return t(`errors.${failure.code}` as const);
}
