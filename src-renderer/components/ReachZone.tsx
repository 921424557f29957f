import type { ReactNode } from 'react';
import { useReachZone } from '../app/useReachZone.js';

/** The part of a screen that holds its controls: kept at or below the reach line (see useReachZone). */
export function ReachZone({ className, children, testId }: { className?: string; children: ReactNode; testId?: string }) {
  const ref = useReachZone<HTMLDivElement>();
  return (
    <div ref={ref} className={className ? `reach-zone ${className}` : 'reach-zone'} data-testid={testId}>
      {children}
    </div>
  );
}
