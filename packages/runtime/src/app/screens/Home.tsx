import { latestApps, mayFill, mayView } from '../data/apps.ts';
import { getServices } from '../data/services.ts';
import { useStoreQuery } from '../data/useStoreQuery.ts';
import { useApp } from '../shell/AppContext.ts';
import { href } from '../shell/router.ts';

/** The apps on this tablet: the forms the operator's roles may fill, and the views they may open. */
export function Home() {
  const { t, text, operator } = useApp();
  const { store } = getServices();
  const apps = useStoreQuery(() => latestApps(store), '', ['app', 'sync']);
  if (!apps) return null;
  if (apps.length === 0) return <p className="app-empty">{t('noApps')}</p>;
  return (
    <div className="app-home">
      <h1 className="gf-sr">{t('home')}</h1>
      {apps.map((app) => {
        const forms = app.forms.filter((f) => mayFill(f, operator.roles));
        const views = (app.views ?? []).filter((v) => mayView(operator.roles, v.roles));
        if (forms.length === 0 && views.length === 0) return null;
        return (
          <section key={app.id} className="app-card" aria-labelledby={`app-${app.id}`}>
            <h2 id={`app-${app.id}`}>{text(app.name, app.id)}</h2>
            {app.description ? <p className="app-muted">{text(app.description)}</p> : null}
            {forms.length > 0 ? (
              <div className="app-tiles">
                {forms.map((f) => (
                  <a key={f.id} className="app-tile" href={href('new', app.id, f.id)}>
                    <span className="app-tile-plus" aria-hidden="true">
                      ＋
                    </span>
                    {t('newRecord', { form: text(f.name, f.id) })}
                  </a>
                ))}
              </div>
            ) : null}
            {views.length > 0 ? (
              <nav className="app-views" aria-label={`${text(app.name, app.id)} · ${t('views')}`}>
                {views.map((v) => (
                  <a key={v.id} className="app-chip" href={href('view', app.id, v.id)}>
                    {text(v.name, v.id)}
                  </a>
                ))}
              </nav>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
