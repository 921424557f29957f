import { useEffect } from 'react';
import type { DisabledReason } from '../src-main/contract/index.js';
import { useStore, type Screen } from './store/index.js';
import { noServiceCause } from './app/no-service.js';
import { missingCase } from './util/missing-case.js';
import { useApplySettings } from './app/useApplySettings.js';
import { useVoicePreload } from './voice/useScreenVoice.js';
import { useSiteLoader } from './app/useSiteLoader.js';
import { useReachLine } from './app/useReachLine.js';
import { useIdleWatch } from './idle/useIdleWatch.js';
import { PreferenceBar, TopBar } from './components/TopBar.js';
import { TechCorner } from './components/TechCorner.js';
import { NoticeBanner } from './components/NoticeBanner.js';
import { ReconnectOverlay } from './components/ReconnectOverlay.js';
import { IdleDialog } from './components/IdleDialog.js';
import { AttractScreen } from './screens/AttractScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { serviceScreen } from './flows/registry.js';
import { AdminLoginScreen } from './screens/AdminLoginScreen.js';
import { AdminScreen } from './screens/AdminScreen.js';
import { OutOfServiceScreen } from './screens/OutOfServiceScreen.js';
import { SetupNeededScreen } from './screens/SetupNeededScreen.js';
import { SetupWizardScreen } from './setup/SetupWizardScreen.js';

function renderScreen(screen: Screen, outOfService: boolean, noService: DisabledReason | null) {
  // Nothing can be served: residents see the notice, the technician entry what the configuration lacks.
  if (outOfService) {
    if (screen.name === 'setup') return <SetupWizardScreen />;
    return screen.name === 'adminLogin' || screen.name === 'admin' ? <SetupNeededScreen /> : <OutOfServiceScreen />;
  }
  // No service can run right now: the notice and its cause instead of the start button, until one can again.
  if (noService && screen.name === 'attract') return <OutOfServiceScreen cause={noService} />;
  switch (screen.name) {
    case 'attract':
      return <AttractScreen />;
    case 'home':
      return <HomeScreen />;
    case 'service':
      return serviceScreen(screen.serviceId);
    case 'adminLogin':
      return <AdminLoginScreen />;
    case 'admin':
      return <AdminScreen />;
    case 'setup':
      return <SetupWizardScreen />;
    default:
      return missingCase(screen);
  }
}

export function App() {
  const screen = useStore((s) => s.screen);
  const outOfService = useStore((s) => s.terminal?.outOfService !== undefined);
  const noService = useStore((s) => noServiceCause(s.catalog));
  const { secondsLeft, resume } = useIdleWatch();
  useApplySettings();
  useVoicePreload();
  useSiteLoader();
  const reach = useReachLine();
  const ready = useStore((s) => s.terminal !== null && s.connection === 'open');
  useEffect(() => {
    // The terminal knows what it is and the link is up (the e2e fixtures wait on this instead of sleeping).
    if (ready) document.documentElement.dataset.appReady = 'true';
  }, [ready]);

  return (
    <div className="app">
      <TopBar preferences={reach === 'none'} />
      <NoticeBanner />
      {renderScreen(screen, outOfService, noService)}
      {reach === 'low' && <PreferenceBar />}
      <TechCorner />
      {secondsLeft !== null && <IdleDialog secondsLeft={secondsLeft} onContinue={resume} />}
      <ReconnectOverlay />
    </div>
  );
}
