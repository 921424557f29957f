import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReachZone } from '../components/ReachZone.js';
import { useStore } from '../store/index.js';
import { pickLocalized } from '../i18n/index.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { finishSession } from '../app/session-actions.js';
import { SCORES, shortReference, submitRating, type RatingOutcome, type Score } from '../app/rating-actions.js';

/** One question, five large answers; the thanks screen appears only once the rating is recorded. */
export function RatingScreen({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const service = useStore((s) => s.catalog?.services.find((entry) => entry.id === serviceId) ?? null);
  const leaveService = useStore((s) => s.leaveService);
  const showNotice = useStore((s) => s.showNotice);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<RatingOutcome | null>(null);
  useScreenVoice(outcome?.kind === 'recorded' ? 'ratingDone' : 'rating');

  const choose = async (score: Score) => {
    setSaving(true);
    const result = await submitRating(score);
    setSaving(false);
    if (result.kind === 'failed') {
      showNotice(result.error ? { kind: 'error', code: result.error.code } : { kind: 'unexpected' });
      return;
    }
    setOutcome(result);
  };

  const title = service ? pickLocalized(service.name, language) : serviceId;
  if (outcome && outcome.kind !== 'failed') {
    return (
      <main className="screen screen--service" data-screen="service" data-service-id={serviceId} data-rating={outcome.kind}>
        <h1>{title}</h1>
        {outcome.kind === 'recorded' && <p className="screen__lead" role="status">{t('rating.thanks')}</p>}
        {outcome.kind === 'recorded' && (
          <p className="screen__lead" data-testid="rating-reference">{t('rating.reference', { reference: shortReference(outcome.reference) })}</p>
        )}
        {outcome.kind === 'counter' && <p className="screen__lead" role="alert">{t('rating.counter')}</p>}
        {outcome.kind === 'inDoubt' && (
          <p className="screen__lead" role="alert">{t('rating.inDoubt', { reference: shortReference(outcome.reference) })}</p>
        )}
        <ReachZone className="rating-zone">
          <button type="button" className="button button--primary button--large" data-testid="rating-finish" onClick={() => void finishSession('completed')}>
            {t('rating.finish')}
          </button>
        </ReachZone>
      </main>
    );
  }
  return (
    <main className="screen screen--service" data-screen="service" data-service-id={serviceId}>
      <h1>{title}</h1>
      <p className="screen__lead">{saving ? t('rating.saving') : t('rating.lead')}</p>
      <ReachZone className="rating-zone">
        <div className="rating-choices">
          {SCORES.map((score) => (
            <button
              key={score}
              type="button"
              className="button button--large rating-choice"
              data-testid={`rating-${score}`}
              disabled={saving}
              onClick={() => void choose(score)}
            >
              {t(`rating.score.${score}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button button--large" data-testid="go-home" onClick={leaveService}>
          {t('service.goHome')}
        </button>
      </ReachZone>
    </main>
  );
}
