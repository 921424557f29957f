import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { technicianLogin, type LoginFailure } from '../app/admin-actions.js';
import { PinKeypad } from '../components/PinKeypad.js';
import { PinDots, loginFailureText } from '../components/PinDots.js';
import { ReachZone } from '../components/ReachZone.js';
import { promptUtterance, useScreenVoice } from '../voice/useScreenVoice.js';
import { voice } from '../voice/index.js';

const MIN_DIGITS = 4;
const MAX_DIGITS = 12;

/** Technician PIN entry. The PIN lives only in this component's state and is dropped on submit. */
export function AdminLoginScreen() {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  useScreenVoice('adminLogin');

  const submit = async () => {
    const entered = pin;
    setPin('');
    setBusy(true);
    const result = await technicianLogin(entered);
    setBusy(false);
    setFailure(result);
    if (result?.code === 'admin_bad_pin' && result.triesLeft !== undefined) {
      // Tries left spoken from joined clips: the fixed pieces around the count and the count's words.
      const settings = useStore.getState().settings;
      void voice.say(promptUtterance(settings.language, 'triesLeft', { count: result.triesLeft }), settings);
    }
  };

  return (
    <main className="screen screen--admin-login" data-screen="adminLogin">
      <div className="login__read">
        <h1>{t('adminLogin.title')}</h1>
        <p className="screen__lead">{t('adminLogin.prompt')}</p>
        <PinDots count={pin.length} testId="pin-dots" />
        {failure && (
          <p className="inline-error" role="alert" data-testid="pin-error">
            {loginFailureText(failure, t)}
          </p>
        )}
      </div>
      <ReachZone className="login__zone">
        <PinKeypad
          onDigit={(d) => setPin((p) => (p.length < MAX_DIGITS ? p + d : p))}
          onBackspace={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <div className="screen__actions">
          <button type="button" className="button button--secondary" data-testid="pin-cancel" onClick={() => navigate({ name: 'attract' })}>
            {t('adminLogin.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="pin-submit"
            disabled={busy || pin.length < MIN_DIGITS}
            onClick={() => void submit()}
          >
            {t('adminLogin.submit')}
          </button>
        </div>
      </ReachZone>
    </main>
  );
}
