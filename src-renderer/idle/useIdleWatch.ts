import { useEffect, useRef, useState } from 'react';
import { useStore } from '../store/index.js';
import { startIdleTimer, type IdleTimer } from './idle-timer.js';
import { leaveForIdle } from './leave-for-idle.js';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Watches for inactivity on every screen but attract (resident session or
 * technician area). Returns the countdown while the warning shows, else null.
 */
export function useIdleWatch(): { secondsLeft: number | null; resume(): void } {
  const active = useStore((s) => s.screen.name !== 'attract');
  const policy = useStore((s) => s.idlePolicy);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const timer = useRef<IdleTimer | null>(null);

  useEffect(() => {
    if (!active || policy === null) return undefined;
    const idle = startIdleTimer(policy, {
      onWarn: setSecondsLeft,
      onTick: setSecondsLeft,
      onExpire: () => {
        setSecondsLeft(null);
        void leaveForIdle().then((stayed) => {
          if (stayed) idle.restart();
        });
      },
    });
    timer.current = idle;
    const onActivity = () => idle.activity();
    // Capture phase: a handler that stops propagation must not hide activity.
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      idle.stop();
      timer.current = null;
      setSecondsLeft(null);
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, policy]);

  const resume = () => {
    setSecondsLeft(null);
    timer.current?.resume();
  };
  return { secondsLeft, resume };
}
