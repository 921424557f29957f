import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';
import { usePackedPages } from '../app/usePackedPages.js';
import { useScreenVoice } from '../voice/useScreenVoice.js';
import { Pager } from '../components/Pager.js';
import { ReachZone } from '../components/ReachZone.js';

/**
 * Behind the technician entry of a site terminal without a usable configuration: what the
 * configuration lacks, field by field, and how to give it one. There is nothing to sign in with yet
 * (no technician PIN is configured, and the demo PIN is never accepted on a site terminal).
 */
export function SetupNeededScreen() {
  const { t } = useTranslation();
  const problems = useStore((s) => s.terminal?.outOfService?.problems ?? []);
  const elderly = useStore((s) => s.settings.elderlyMode);
  const language = useStore((s) => s.settings.language);
  const navigate = useStore((s) => s.navigate);
  const pages = usePackedPages<HTMLDivElement>(problems.length, `${elderly}|${language}`);
  useScreenVoice('setupNeeded');
  return (
    <main className="screen screen--setup" data-screen="setupNeeded">
      <div className="setup__read">
        <h1>{t('setup.title')}</h1>
        <p className="screen__lead">{t('setup.lead')}</p>
        <p className="setup__how">{t('setup.how')}</p>
      </div>
      <ReachZone className="setup__zone">
        <div className="setup__pages" ref={pages.ref} data-fitted={pages.fitted}>
        <h2 className="setup__subtitle">{t('setup.problemsTitle')}</h2>
        <ul className="setup__problems" data-testid="setup-problems">
          {problems.slice(pages.from, pages.to).map((p) => (
            <li key={`${p.field}:${p.code}`} data-field={p.field} data-code={p.code}>
              <code className="setup__field">{p.field === '(file)' ? 'config.json' : p.field}</code>
              <span>{t(`setup.problem.${p.code}`)}</span>
            </li>
          ))}
        </ul>
          {pages.showPager && <Pager page={pages.page} pageCount={pages.pageCount} onPage={pages.setPage} testId="setup-pager" />}
        </div>
        <div className="screen__actions">
          <button type="button" className="button button--secondary button--large" data-testid="setup-back" onClick={() => navigate({ name: 'attract' })}>
            {t('setup.back')}
          </button>
          <button type="button" className="button button--primary button--large" data-testid="setup-start" onClick={() => navigate({ name: 'setup' })}>
            {t('setup.start')}
          </button>
        </div>
      </ReachZone>
    </main>
  );
}
