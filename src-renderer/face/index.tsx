// The face step's entry for screens: the component arrives in its own chunk (with the model) the
// first time it is shown, so the first screen's JS never carries it.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceCaptureProps } from './types.js';

export type { FaceCaptureProps, FaceCaptureResult, FaceUnavailableReason } from './types.js';

const FaceCapture = lazy(() => import('./FaceCapture.js'));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="screen__lead" role="status" data-testid="face-loading">
      {t('face.guide.starting')}
    </p>
  );
}

/** The face capture, loaded on first use. */
export function LazyFaceCapture(props: FaceCaptureProps) {
  return (
    <Suspense fallback={<Loading />}>
      <FaceCapture {...props} />
    </Suspense>
  );
}
