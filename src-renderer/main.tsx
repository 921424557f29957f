import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectKiosk } from './api/connect.js';
import { setKioskApi } from './app/kiosk.js';
import { handleKioskEvent } from './app/events.js';
import { initI18n } from './i18n/index.js';
import { useStore } from './store/index.js';
import { App } from './App.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/screens.css';
import './styles/flows.css';
import './styles/setup.css';

async function boot(): Promise<void> {
  const { api } = connectKiosk(handleKioskEvent, (status) => useStore.getState().setConnection(status));
  setKioskApi(api);
  await initI18n(useStore.getState().settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => console.error('renderer failed to start', error));
