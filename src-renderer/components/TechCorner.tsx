import { useEffect, useRef } from 'react';
import { openTechnicianEntry } from '../app/admin-actions.js';

const HOLD_MS = 3000;

/**
 * The technician entry: an invisible 80×80 px top-left area that opens the
 * PIN screen after a 3 s press. Hidden from assistive tech and the tab order
 * on purpose; residents should never land here.
 */
export function TechCorner() {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);

  return (
    <div
      className="tech-corner"
      data-testid="tech-corner"
      aria-hidden="true"
      onPointerDown={() => {
        cancel();
        timer.current = setTimeout(() => {
          timer.current = null;
          void openTechnicianEntry();
        }, HOLD_MS);
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(e) => e.preventDefault()}
    />
  );
}
