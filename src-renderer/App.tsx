import { useStore, type Screen } from './store/index.js';
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

function renderScreen(screen: Screen) {
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
    default:
      return missingCase(screen);
  }
}

export function App() {
  const screen = useStore((s) => s.screen);
  const { secondsLeft, resume } = useIdleWatch();
  useApplySettings();
  useVoicePreload();
  useSiteLoader();
  const reach = useReachLine();

  return (
    <div className="app">
      <TopBar preferences={reach === 'none'} />
      <NoticeBanner />
      {renderScreen(screen)}
      {reach === 'low' && <PreferenceBar />}
      <TechCorner />
      {secondsLeft !== null && <IdleDialog secondsLeft={secondsLeft} onContinue={resume} />}
      <ReconnectOverlay />
    </div>
  );
}
