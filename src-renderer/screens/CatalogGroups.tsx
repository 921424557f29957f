import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../src-main/contract/index.js';
import { useStore } from '../store/index.js';
import { pickLocalized } from '../i18n/index.js';
import { ServiceTile } from './ServiceTile.js';

/** The catalog's services in category order (the order tiles are shown and paged in). */
export function catalogInOrder(catalog: Catalog): Catalog['services'] {
  return catalog.categories.flatMap((category) => catalog.services.filter((s) => s.category === category.id));
}

/** Category headings in catalog order, each with its service tiles; empty categories are left out. */
export function CatalogGroups({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.settings.language);
  const groups = catalog.categories
    .map((category) => ({ category, services: catalog.services.filter((s) => s.category === category.id) }))
    .filter((group) => group.services.length > 0);

  if (groups.length === 0) return <p>{t('home.empty')}</p>;
  return (
    <div className="catalog">
      {groups.map(({ category, services }) => (
        <section key={category.id} className="catalog__group" aria-labelledby={`cat-${category.id}`}>
          <h2 id={`cat-${category.id}`}>{pickLocalized(category.name, language)}</h2>
          <ul className="catalog__tiles">
            {services.map((service) => (
              <li key={service.id}>
                <ServiceTile service={service} categoryIcon={category.icon} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
