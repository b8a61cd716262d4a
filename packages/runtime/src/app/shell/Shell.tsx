import { lazy, Suspense } from 'react';
import { Home } from '../screens/Home.tsx';
import { NewRecord } from '../screens/NewRecord.tsx';
import { useApp } from './AppContext.ts';
import { Header } from './Header.tsx';
import { type Route, useRoute } from './router.ts';
import { StatusBar } from './StatusBar.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

// Only the home screen ships with the first load; the form renderer, views and the rest load on
// first use (and the service worker has them all cached for offline use).
const FormScreen = lazy(() => import('../screens/FormScreen.tsx').then((m) => ({ default: m.FormScreen })));
const Drafts = lazy(() => import('../screens/Drafts.tsx').then((m) => ({ default: m.Drafts })));
const Submissions = lazy(() => import('../screens/Submissions.tsx').then((m) => ({ default: m.Submissions })));
const Inbox = lazy(() => import('../screens/Inbox.tsx').then((m) => ({ default: m.Inbox })));
const RecordDetail = lazy(() => import('../screens/RecordDetail.tsx').then((m) => ({ default: m.RecordDetail })));
const PrintView = lazy(() => import('../screens/PrintView.tsx').then((m) => ({ default: m.PrintView })));
const ViewScreen = lazy(() => import('../screens/ViewScreen.tsx').then((m) => ({ default: m.ViewScreen })));

function Screen({ route }: { route: Route }) {
  const [page, a, b] = route.parts;
  switch (page) {
    case 'new':
      return a && b ? <NewRecord app={a} form={b} /> : null;
    case 'edit':
      return a ? (
        <FormScreen
          key={a}
          recordId={a}
          {...(route.query.get('app') ? { app: route.query.get('app') ?? '' } : {})}
          {...(route.query.get('form') ? { form: route.query.get('form') ?? '' } : {})}
        />
      ) : null;
    case 'drafts':
      return <Drafts />;
    case 'submissions':
      return <Submissions />;
    case 'inbox':
      return <Inbox />;
    case 'record':
      return a ? <RecordDetail key={a} id={a} /> : null;
    case 'print':
      return a ? <PrintView key={a} id={a} /> : null;
    case 'view':
      return a && b ? <ViewScreen key={`${a}/${b}`} app={a} view={b} /> : null;
    default:
      return <Home />;
  }
}

/** The signed-in app: header, the current screen, the update prompt and the status bar. */
export function Shell() {
  const route = useRoute();
  const { lang, operator } = useApp();
  const printing = route.parts[0] === 'print';
  return (
    <div className={`app ${printing ? 'app-printing' : ''}`} lang={lang}>
      {/* Keyed by operator so a switch starts each part afresh; sibling keys must differ (a shared
          key left the previous operator's header on screen beside the new one). */}
      <Header key={`header:${operator.id}`} />
      <UpdatePrompt />
      <main className="app-main" key={`main:${operator.id}`}>
        <Suspense fallback={null}>
          <Screen route={route} />
        </Suspense>
      </main>
      <StatusBar />
    </div>
  );
}
