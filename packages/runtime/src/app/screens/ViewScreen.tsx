import { appAt } from '../data/apps.ts';
import { getServices } from '../data/services.ts';
import { useStoreQuery } from '../data/useStoreQuery.ts';
import { useApp } from '../shell/AppContext.ts';
import { AggregateScreen } from './AggregateScreen.tsx';
import { ListScreen } from './ListScreen.tsx';

/** `#/view/app/view`: a list or an aggregate view of the app's newest version. */
export function ViewScreen({ app: appId, view: viewId }: { app: string; view: string }) {
  const { t } = useApp();
  const app = useStoreQuery(() => appAt(getServices().store, appId), `${appId}`, ['app']);
  if (app === undefined) return null;
  const view = app?.views?.find((v) => v.id === viewId);
  if (!app || !view) return <p className="app-empty">{t('notFound')}</p>;
  if (view.type === 'list') return <ListScreen key={view.id} app={app} view={view} />;
  if (view.type === 'aggregate') return <AggregateScreen key={view.id} app={app} view={view} />;
  return <p className="app-empty">{t('notFound')}</p>;
}
