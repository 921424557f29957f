import type { ReactNode } from 'react';

/**
 * One panel of the technician screen. The selected tab names it on screen, so its heading is for
 * assistive technology only.
 */
export function OpsPanel({ id, title, className, testId, children }: { id: string; title: string; className: string; testId: string; children: ReactNode }) {
  return (
    <section className={className} aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="visually-hidden">
        {title}
      </h2>
      {children}
    </section>
  );
}
